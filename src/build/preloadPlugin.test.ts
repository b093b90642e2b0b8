import { describe, expect, it } from 'vitest';
import type { Rolldown } from 'vite';
import { chunksToPreload } from './preloadPlugin';

const chunk = (fileName: string, imports: string[] = [], dynamicImports: string[] = []) =>
  ({ type: 'chunk', fileName, imports, dynamicImports }) as unknown as Rolldown.OutputChunk;

describe('chunksToPreload', () => {
  it('lists every chunk the entry needs, through static and dynamic imports, transitively, once each and never the entry itself', () => {
    const entry = chunk('assets/index.js', ['assets/styles.js'], ['assets/mount.js', 'assets/createStoryMap.js']);
    const bundle = Object.fromEntries(
      [
        entry,
        chunk('assets/styles.js'),
        chunk('assets/mount.js', ['assets/solid.js']),
        chunk('assets/solid.js'),
        chunk('assets/createStoryMap.js', ['assets/maplibre.js'], ['assets/basemap.topo.js']),
        chunk('assets/maplibre.js'),
        chunk('assets/basemap.topo.js', [], ['assets/index.js']),
        chunk('assets/unrelated.js'),
      ].map((c) => [c.fileName, c]),
    ) as Rolldown.OutputBundle;
    expect(chunksToPreload(entry, bundle)).toEqual([
      'assets/basemap.topo.js',
      'assets/createStoryMap.js',
      'assets/maplibre.js',
      'assets/mount.js',
      'assets/solid.js',
      'assets/styles.js',
    ]);
  });
});
