import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import type { FeatureCollection, LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { MapFeature, RouteFeature } from '../story/model';
import { BASEMAP_MAXZOOM, buildStyle, FEATURES_MAXZOOM, featureLayerIds, highlightFilter, modesOf, progressData, type StyleData } from './style';
import { THEME } from './theme';

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
const style = buildStyle(THEME, data);
const layer = (s: typeof style, id: string) => s.layers.find((l) => l.id === id) as (LayerSpecification & { paint?: Record<string, unknown>; filter?: unknown; source?: string }) | undefined;
const visibilityOf = (s: typeof style) => new Map(s.layers.map((l) => [l.id, l.layout && 'visibility' in l.layout ? l.layout.visibility : undefined]));

describe('buildStyle', () => {
  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style as never)).toEqual([]);
  });

  it('requests nothing from any host: inline GeoJSON only, no glyphs, sprites or tiles', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const source of Object.values(style.sources)) {
      expect(source.type).toBe('geojson');
      expect(typeof (source as { data: unknown }).data).toBe('object');
    }
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
  });

  it('tiles each source only to the zoom its detail needs, so flights to a city request no new tiles on the way', () => {
    const maxzoom = Object.fromEntries(Object.entries(style.sources).map(([id, src]) => [id, (src as { maxzoom?: number }).maxzoom]));
    expect(maxzoom).toEqual({ basemap: BASEMAP_MAXZOOM, features: FEATURES_MAXZOOM, progress: FEATURES_MAXZOOM, places: FEATURES_MAXZOOM });
    expect(BASEMAP_MAXZOOM).toBeLessThanOrEqual(8);
    expect(FEATURES_MAXZOOM).toBeLessThanOrEqual(12);
  });

  it('has the style layers of every declared feature, by its kind, hidden until a step shows it', () => {
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
    expect(layer(s, 'place-halo')!.filter).toEqual(highlightFilter(['hanoi', 'pyongyang']));
  });

  it('draws each travel mode of a route as a layer of its own, road dashed and rail solid', () => {
    expect(modesOf(train)).toEqual(['rail', 'road']);
    const rail = layer(style, 'feature:train:rail')!;
    const road = layer(style, 'feature:train:road')!;
    expect(rail.paint).not.toHaveProperty('line-dasharray');
    expect(road.paint).toHaveProperty('line-dasharray');
    expect(rail.filter).toEqual(['all', ['==', ['get', 'fid'], 'train'], ['==', ['get', 'mode'], 'rail']]);
    expect(rail.source).toBe('progress');
  });

  it('draws an offered flight as a dotted ghost and a flown one solid, in their own colours', () => {
    const ghost = layer(style, 'feature:ghost')!;
    const flown = layer(style, 'feature:af1')!;
    expect(ghost.paint!['line-color']).toBe(THEME.offered);
    expect(ghost.paint).toHaveProperty('line-dasharray');
    expect(flown.paint!['line-color']).toBe(THEME.flown);
    expect(flown.paint).not.toHaveProperty('line-dasharray');
  });

  it('highlights a basemap country by its code, a shape by its own polygon, and draws areas under lines, routes and arcs', () => {
    expect(layer(style, 'feature:north-korea:fill')!.source).toBe('basemap');
    expect(layer(style, 'feature:north-korea:fill')!.filter).toEqual(['all', ['==', ['get', 'kind'], 'country'], ['==', ['get', 'id'], '408']]);
    expect(layer(style, 'feature:zone:fill')!.source).toBe('features');
    const order = style.layers.map((l) => l.id);
    expect(order.indexOf('feature:zone:outline')).toBeLessThan(order.indexOf('feature:dmz'));
    expect(order.indexOf('feature:dmz')).toBeLessThan(order.indexOf('feature:train:planned'));
    expect(order.indexOf('feature:train:stops')).toBeLessThan(order.indexOf('feature:ghost'));
  });

  it('draws the focus countries a shade lighter', () => {
    expect(layer(style, 'countries')!.paint!['fill-color']).toEqual(['match', ['get', 'id'], ['704', '408'], THEME.landFocus, THEME.land]);
    expect(layer(buildStyle(THEME, { ...data, focusCountries: [] }), 'countries')!.paint!['fill-color']).toBe(THEME.land);
  });

  it('draws the route as a plain line, with no line-gradient shader to compile on the first step that shows it', () => {
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
