/**
 * Lets a page fetch every module it will need from the first bytes of its
 * HTML, without running any: a `<link rel="modulepreload">` for each chunk
 * the entry imports dynamically (the story, the UI, MapLibre, the map
 * module, the geo data), transitively. The entry imports them dynamically so
 * that it decides when each runs — after the text has painted — while the
 * preloads fetch and compile them off the main thread meanwhile.
 */
import type { Plugin, Rolldown } from 'vite';
import { isPerPageChunk } from './prerenderPlugin';

type OutputChunk = Rolldown.OutputChunk;

/** File names of every chunk `entry` reaches through dynamic imports, with their static imports; sorted. */
export function chunksToPreload(entry: OutputChunk, bundle: Rolldown.OutputBundle): string[] {
  const byName = new Map(
    Object.values(bundle)
      .filter((o): o is OutputChunk => o.type === 'chunk')
      .map((c) => [c.fileName, c]),
  );
  const out = new Set<string>();
  const visit = (fileName: string) => {
    const chunk = byName.get(fileName);
    if (!chunk) return;
    for (const dep of [...chunk.imports, ...chunk.dynamicImports]) {
      if (out.has(dep) || dep === entry.fileName) continue;
      out.add(dep);
      visit(dep);
    }
  };
  visit(entry.fileName);
  return [...out].sort();
}

export function preloadPlugin(): Plugin {
  return {
    name: 'preload-dynamic-imports',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle || !ctx.chunk) return html;
        const already = new Set([...html.matchAll(/<link rel="modulepreload"[^>]*href="\.\/([^"]+)"/g)].map((m) => m[1]));
        // Each story page preloads its own story's data and catalogues, not every story's (src/build/prerenderPlugin.ts).
        return chunksToPreload(ctx.chunk, ctx.bundle)
          .filter((f) => !already.has(f) && !isPerPageChunk(f))
          .map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const }));
      },
    },
  };
}
