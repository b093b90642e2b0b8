import { describe, expect, it } from 'vitest';
import { checkBudgets, checkDrawing, filesLoadedBy, KB, openingDrawing } from './budget';

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
      { file: 'assets/story-data/a/story-1.js', gzipBytes: 40 * KB },
      { file: 'a/index.html', gzipBytes: 9 * KB },
    ]);
    expect(problems).toEqual([
      'engine (everything but MapLibre and the story): 76.0 KB gzip is 12.0 KB over the 64.0 KB budget (assets/basemap.topo-x.js 46.0 KB, assets/app-1.js 30.0 KB)',
      'story (its page and data): 49.0 KB gzip is 1.0 KB over the 48.0 KB budget (assets/story-data/a/story-1.js 40.0 KB, a/index.html 9.0 KB)',
      'basemap: 46.0 KB gzip is 1.0 KB over the 45.0 KB budget (assets/basemap.topo-x.js 46.0 KB)',
    ]);
  });
});

describe('the opening map drawing', () => {
  it('is found in the page and measured against its own budget', () => {
    const svg = '<svg data-hk="1" class="sm-static-map" viewBox="0 0 720 600"><path d="M0 0l1 1"></path></svg>';
    expect(openingDrawing(`<div class="sm-map">${svg}<div class="sm-map__canvas"></div></div>`)).toBe(svg);
    expect(openingDrawing('<div class="sm-map"></div>')).toBeNull();
    expect(checkDrawing(12 * KB)).toEqual([]);
    expect(checkDrawing(13 * KB)).toEqual(["the opening map's drawing: 13.0 KB gzip is 1.0 KB over its 12.0 KB budget"]);
    expect(checkDrawing(null)).toEqual(["no drawing of the opening step's map in the page: the first frame would show no map"]);
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
  it('takes a name only whole, and no JSON file (an oEmbed link names no script, and loads nothing)', () => {
    const files = new Map([
      ['a/index.html', '<link rel="alternate" type="application/json+oembed" href="/a/oembed.json">'],
      ['a/oembed.json', '{"html": "<script src=\\"/embed-host.js\\"></script>"}'],
      ['embed.js', 'import("./assets/element-1.js")'],
      ['assets/element-1.js', ''],
    ]);
    expect(filesLoadedBy('a/index.html', files)).toEqual(['a/index.html']);
  });
});
