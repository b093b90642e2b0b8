import { describe, expect, it } from 'vitest';
import { checkBudgets, filesLoadedBy, KB } from './budget';

describe('checkBudgets', () => {
  it('passes a payload within the budgets and ignores MapLibre', () => {
    expect(
      checkBudgets([
        { file: 'index.html', gzipBytes: 8 * KB },
        { file: 'assets/basemap.topo-abc.js', gzipBytes: 30 * KB },
        { file: 'assets/maplibre-abc.js', gzipBytes: 300 * KB },
        { file: 'assets/maplibre-gl-worker-abc.js', gzipBytes: 150 * KB },
      ]),
    ).toEqual([]);
  });

  it('names the files and the excess when a budget is exceeded', () => {
    const problems = checkBudgets([
      { file: 'assets/app-1.js', gzipBytes: 30 * KB },
      { file: 'assets/basemap.topo-x.js', gzipBytes: 46 * KB },
      { file: 'assets/story-data/a/story-1.js', gzipBytes: 30 * KB },
      { file: 'a/index.html', gzipBytes: 7 * KB },
    ]);
    expect(problems).toEqual([
      'engine (everything but MapLibre and the story): 76.0 KB gzip is 14.0 KB over the 62.0 KB budget (assets/basemap.topo-x.js 46.0 KB, assets/app-1.js 30.0 KB)',
      'story (its page and data): 37.0 KB gzip is 1.0 KB over the 36.0 KB budget (assets/story-data/a/story-1.js 30.0 KB, a/index.html 7.0 KB)',
      'basemap: 46.0 KB gzip is 1.0 KB over the 45.0 KB budget (assets/basemap.topo-x.js 46.0 KB)',
    ]);
  });
});

describe('filesLoadedBy', () => {
  it('follows the files a page names, transitively, and nothing else', () => {
    const files = new Map([
      ['index.html', '<script src="./assets/main-1.js"></script>'],
      ['assets/main-1.js', 'import("./map-2.js")'],
      ['assets/map-2.js', 'new URL("maplibre-gl-worker-3.js")'],
      ['assets/maplibre-gl-worker-3.js', ''],
      ['embed.js', 'import("./assets/main-1.js")'],
    ]);
    expect(filesLoadedBy('index.html', files)).toEqual(['assets/main-1.js', 'assets/map-2.js', 'assets/maplibre-gl-worker-3.js', 'index.html']);
  });
});
