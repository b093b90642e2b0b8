import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import type { FeatureCollection, LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { MapFeature, RouteFeature } from '../story/model';
import { BASEMAP_MAXZOOM, buildStyle, FEATURES_MAXZOOM, featureLayerIds, modesOf, progressData, type StyleData } from './style';
import { THEME, type Theme } from './theme';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const label = { nl: 'x', en: 'x' };
const train: RouteFeature = {
  id: 'train',
  kind: 'route',
  label,
  provenance: label,
  coordinates: [[0, 0], [10, 0], [20, 0]],
  stops: [
    { place: 'a', mode: 'rail', inferred: false, progress: 0 },
    { place: 'b', mode: 'rail', inferred: false, progress: 0.5 },
    { place: 'c', mode: 'road', inferred: false, progress: 1 },
  ],
  lengthKm: 2224,
};
const features: MapFeature[] = [
  train,
  { id: 'ghost', kind: 'arc', label, provenance: label, from: 'a', to: 'c', status: 'offered', coordinates: [[0, 0], [10, 1], [20, 0]], distanceKm: 2224 },
  { id: 'af1', kind: 'arc', label, provenance: label, from: 'c', to: 'a', status: 'flown', coordinates: [[20, 0], [10, 1], [0, 0]], distanceKm: 2224 },
  { id: 'dmz', kind: 'line', label, provenance: label, coordinates: [[[126, 38], [127, 38.2]]] },
  { id: 'north-korea', kind: 'area', label, provenance: label, country: '408' },
  { id: 'zone', kind: 'area', label, provenance: label, coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]]] },
];
const data: StyleData = {
  basemap: { countries: empty as never, borders: empty as never, coastline: empty as never, demarcation: empty as never },
  features,
  places: empty,
  focusCountries: ['704', '408'],
};
// Built in each test, where mutation testing sees which test ran which code.
const opening = () => buildStyle(THEME, data);
type Style = ReturnType<typeof opening>;
const layer = (s: Style, id: string) => s.layers.find((l) => l.id === id) as (LayerSpecification & { paint?: Record<string, unknown>; filter?: unknown; source?: string }) | undefined;
const visibilityOf = (s: Style) => new Map(s.layers.map((l) => [l.id, l.layout && 'visibility' in l.layout ? l.layout.visibility : undefined]));

describe('buildStyle', () => {
  it('is a valid MapLibre style', () => {
    const style = opening();
    expect(validateStyleMin(style as never)).toEqual([]);
  });

  it('requests nothing from any host: inline GeoJSON only, no glyphs, sprites or tiles', () => {
    const style = opening();
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const source of Object.values(style.sources)) {
      expect(source.type).toBe('geojson');
      expect(typeof (source as { data: unknown }).data).toBe('object');
    }
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
  });

  it('tiles each source only to the zoom its detail needs, so flights to a city request no new tiles on the way', () => {
    const style = opening();
    const maxzoom = Object.fromEntries(Object.entries(style.sources).map(([id, src]) => [id, (src as { maxzoom?: number }).maxzoom]));
    expect(maxzoom).toEqual({ basemap: BASEMAP_MAXZOOM, features: FEATURES_MAXZOOM, progress: FEATURES_MAXZOOM, places: FEATURES_MAXZOOM });
    expect(BASEMAP_MAXZOOM).toBeLessThanOrEqual(8);
    expect(FEATURES_MAXZOOM).toBeLessThanOrEqual(12);
  });

  it('has the style layers of every declared feature, by its kind, hidden until a step shows it', () => {
    const style = opening();
    const byId = new Map(style.layers.map((l) => [l.id, l]));
    expect(featureLayerIds(train)).toEqual(['feature:train:planned', 'feature:train:rail', 'feature:train:road', 'feature:train:stops']);
    expect(featureLayerIds(features[4]!)).toEqual(['feature:north-korea:fill', 'feature:north-korea:outline']);
    expect(featureLayerIds(features[1]!)).toEqual(['feature:ghost']);
    for (const f of features) {
      for (const id of featureLayerIds(f)) {
        expect(byId.get(id), id).toBeDefined();
        expect(byId.get(id)!.layout?.visibility, id).toBe('none');
      }
    }
    // Nothing but the basemap, the features' layers and the halos.
    const own = style.layers.filter((l) => l.id.startsWith('feature:')).map((l) => l.id);
    expect(own.sort()).toEqual(features.flatMap(featureLayerIds).sort());
  });

  it('is built in the state of the step the map opens at: its features, its part of the route, its places', () => {
    const s = buildStyle(THEME, data, { features: ['train', 'ghost'], routeProgress: { train: 0.75 }, highlighted: ['hanoi', 'pyongyang'] });
    expect(validateStyleMin(s as never)).toEqual([]);
    const visibility = visibilityOf(s);
    for (const id of [...featureLayerIds(train), ...featureLayerIds(features[1]!)]) expect(visibility.get(id), id).toBe('visible');
    for (const f of features.slice(2)) for (const id of featureLayerIds(f)) expect(visibility.get(id), id).toBe('none');
    const drawn = (s.sources.progress as unknown as { data: FeatureCollection<LineString, { fid: string; mode: string }> }).data;
    expect(drawn.features.map((f) => [f.properties.fid, f.properties.mode])).toEqual([
      ['train', 'rail'],
      ['train', 'road'],
    ]);
    const coords = drawn.features[1]!.geometry.coordinates;
    expect(coords[0]).toEqual([10, 0]);
    expect(coords[1]![0]).toBeCloseTo(15, 9);
    expect(layer(s, 'place-halo')!.filter).toEqual(['in', ['get', 'id'], ['literal', ['hanoi', 'pyongyang']]]);
  });

  it('draws each travel mode of a route as a layer of its own, road dashed and rail solid', () => {
    const style = opening();
    expect(modesOf(train)).toEqual(['rail', 'road']);
    const rail = layer(style, 'feature:train:rail')!;
    const road = layer(style, 'feature:train:road')!;
    expect(rail.paint).not.toHaveProperty('line-dasharray');
    expect(road.paint).toHaveProperty('line-dasharray');
    expect(rail.filter).toEqual(['all', ['==', ['get', 'fid'], 'train'], ['==', ['get', 'mode'], 'rail']]);
    expect(rail.source).toBe('progress');
  });

  it('draws an offered flight as a dotted ghost and a flown one solid, in their own colours', () => {
    const style = opening();
    const ghost = layer(style, 'feature:ghost')!;
    const flown = layer(style, 'feature:af1')!;
    expect(ghost.paint!['line-color']).toBe(THEME.offered);
    expect(ghost.paint).toHaveProperty('line-dasharray');
    expect(flown.paint!['line-color']).toBe(THEME.flown);
    expect(flown.paint).not.toHaveProperty('line-dasharray');
  });

  it('highlights a basemap country by its code, a shape by its own polygon, and draws areas under lines, routes and arcs', () => {
    const style = opening();
    expect(layer(style, 'feature:north-korea:fill')!.source).toBe('basemap');
    expect(layer(style, 'feature:north-korea:fill')!.filter).toEqual(['all', ['==', ['get', 'kind'], 'country'], ['==', ['get', 'id'], '408']]);
    expect(layer(style, 'feature:zone:fill')!.source).toBe('features');
    const order = style.layers.map((l) => l.id);
    expect(order.indexOf('feature:zone:outline')).toBeLessThan(order.indexOf('feature:dmz'));
    expect(order.indexOf('feature:dmz')).toBeLessThan(order.indexOf('feature:train:planned'));
    expect(order.indexOf('feature:train:stops')).toBeLessThan(order.indexOf('feature:ghost'));
  });

  it('draws the focus countries a shade lighter', () => {
    const style = opening();
    expect(layer(style, 'countries')!.paint!['fill-color']).toEqual(['match', ['get', 'id'], ['704', '408'], THEME.landFocus, THEME.land]);
    expect(layer(buildStyle(THEME, { ...data, focusCountries: [] }), 'countries')!.paint!['fill-color']).toBe(THEME.land);
  });

  it('draws the route as a plain line, with no line-gradient shader to compile on the first step that shows it', () => {
    const style = opening();
    for (const id of featureLayerIds(train)) expect(layer(style, id)!.paint).not.toHaveProperty('line-gradient');
    expect(JSON.stringify(style.layers)).not.toContain('line-progress');
  });
});

describe('progressData', () => {
  it('draws every route whole unless the state names its progress', () => {
    const other: RouteFeature = { ...train, id: 'home' };
    const drawn = progressData([train, other, features[1]!], { routeProgress: { train: 0 } });
    expect(drawn.features.map((f) => f.properties.fid)).toEqual(['home', 'home']);
  });
});

describe('the theme and the sources', () => {
  // Every entry its own colour, so a layer painted from the wrong entry shows.
  const theme = Object.fromEntries(Object.keys(THEME).map((k, i) => [k, `#0000${(i + 1).toString(16).padStart(2, '0')}`])) as unknown as Theme;
  const entryOf = new Map(Object.entries(theme).map(([k, v]) => [v, k]));

  it('colours every layer from its own entry of the theme', () => {
    const s = buildStyle(theme, { ...data, focusCountries: [] });
    const colours = Object.fromEntries(
      s.layers.map((l) => {
        const paint = (l.paint ?? {}) as Record<string, unknown>;
        const keys = ['background-color', 'fill-color', 'line-color', 'circle-color', 'circle-stroke-color'].filter((k) => k in paint);
        return [l.id, keys.map((k) => `${k}=${entryOf.get(paint[k] as string) ?? String(paint[k])}`).join(' ')];
      }),
    );
    expect(colours).toEqual({
      background: 'background-color=sea',
      countries: 'fill-color=land',
      coastline: 'line-color=coast',
      borders: 'line-color=border',
      demarcation: 'line-color=demarcation',
      'feature:north-korea:fill': 'fill-color=area',
      'feature:north-korea:outline': 'line-color=area',
      'feature:zone:fill': 'fill-color=area',
      'feature:zone:outline': 'line-color=area',
      'feature:dmz': 'line-color=line',
      'feature:train:planned': 'line-color=routePlanned',
      'feature:train:rail': 'line-color=route',
      'feature:train:road': 'line-color=route',
      'feature:train:stops': 'circle-color=#ffffff circle-stroke-color=stop',
      'feature:ghost': 'line-color=offered',
      'feature:af1': 'line-color=flown',
      'place-halo': 'circle-color=placeHalo circle-stroke-color=placeHalo',
    });
  });

  it('draws the planned route dashed under the drawn part, whose dashed modes end square and solid ones round', () => {
    const s = opening();
    expect(layer(s, 'feature:train:planned')!.paint!['line-dasharray']).toEqual([2, 2]);
    expect(layer(s, 'feature:train:planned')!.source).toBe('features');
    const cap = (id: string) => (s.layers.find((l) => l.id === id)!.layout as Record<string, unknown>)['line-cap'];
    expect(cap('feature:train:rail')).toBe('round');
    expect(cap('feature:train:road')).toBe('butt');
    expect(layer(s, 'demarcation')!.paint!['line-dasharray']).toEqual([3, 2]);
    // Fills without their antialiased outline pass: the lines draw every edge (one shader program fewer).
    for (const id of ['countries', 'feature:zone:fill', 'feature:north-korea:fill']) expect(layer(s, id)!.paint!['fill-antialias'], id).toBe(false);
  });

  it('tags the basemap by layer, keeping each shape’s own properties', () => {
    const one = (props: Record<string, unknown>): FeatureCollection => ({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } }],
    });
    const basemap = { countries: one({ id: '408' }), coastline: one({}), borders: one({}), demarcation: one({}) } as unknown as StyleData['basemap'];
    const s = buildStyle(THEME, { ...data, basemap });
    const tagged = (s.sources.basemap as unknown as { data: FeatureCollection }).data.features.map((f) => f.properties);
    expect(tagged).toEqual([{ id: '408', kind: 'country' }, { kind: 'coast' }, { kind: 'border' }, { kind: 'demarcation' }]);
    expect(layer(s, 'countries')!.filter).toEqual(['==', ['get', 'kind'], 'country']);
    expect(layer(s, 'coastline')!.filter).toEqual(['==', ['get', 'kind'], 'coast']);
    expect(layer(s, 'borders')!.filter).toEqual(['==', ['get', 'kind'], 'border']);
    expect(layer(s, 'demarcation')!.filter).toEqual(['==', ['get', 'kind'], 'demarcation']);
  });

  it("puts each feature's own geometry in one source, tagged with its id and part, which the feature's layers select", () => {
    const s = opening();
    const parts = (s.sources.features as unknown as { data: FeatureCollection }).data.features.map((f) => [f.properties!.fid, f.properties!.part, f.geometry.type]);
    expect(parts).toEqual([
      ['train', 'planned', 'LineString'],
      ['train', 'stop', 'Point'],
      ['train', 'stop', 'Point'],
      ['train', 'stop', 'Point'],
      ['ghost', 'line', 'LineString'],
      ['af1', 'line', 'LineString'],
      ['dmz', 'line', 'MultiLineString'],
      // north-korea is the basemap's country: no geometry of its own.
      ['zone', 'area', 'MultiPolygon'],
    ]);
    const part = (fid: string, p: string) => ['all', ['==', ['get', 'fid'], fid], ['==', ['get', 'part'], p]];
    expect(layer(s, 'feature:train:planned')!.filter).toEqual(part('train', 'planned'));
    expect(layer(s, 'feature:train:stops')!.filter).toEqual(part('train', 'stop'));
    expect(layer(s, 'feature:ghost')!.filter).toEqual(part('ghost', 'line'));
    expect(layer(s, 'feature:dmz')!.filter).toEqual(part('dmz', 'line'));
    expect(layer(s, 'feature:zone:fill')!.filter).toEqual(part('zone', 'area'));
    expect(layer(s, 'feature:zone:outline')!.filter).toEqual(part('zone', 'area'));
  });

  it('counts the mode of the legs only, not the one a first stop may carry', () => {
    const stops = train.stops.map((stop, i) => ({ ...stop, mode: i === 0 ? ('sea' as const) : ('rail' as const) }));
    expect(modesOf({ ...train, stops })).toEqual(['rail']);
  });
});
