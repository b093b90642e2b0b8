import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { STORY_LAYERS } from '../story/model';
import { buildStyle, highlightFilter, STORY_LAYER_IDS } from './style';
import { THEME } from './theme';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const train: FeatureCollection = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { id: 'train' }, geometry: { type: 'LineString', coordinates: [[0, 0], [10, 0], [20, 0]] } }],
};
const data = {
  basemap: { countries: empty as never, borders: empty as never, coastline: empty as never, demarcation: empty as never },
  train,
  flights: empty,
  places: empty,
};
const style = buildStyle(THEME, data);

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

  it('has a style layer behind every story layer, hidden until a step shows it', () => {
    const byId = new Map(style.layers.map((l) => [l.id, l]));
    for (const layer of STORY_LAYERS) {
      for (const id of STORY_LAYER_IDS[layer]) {
        expect(byId.get(id), id).toBeDefined();
        expect(byId.get(id)!.layout?.visibility).toBe('none');
      }
    }
  });

  it('is built in the state of the step the map opens at: its layers, its part of the route, its places', () => {
    const s = buildStyle(THEME, data, { layers: ['train-route', 'ghost-flight'], routeProgress: 0.75, highlighted: ['hanoi', 'pyongyang'] });
    expect(validateStyleMin(s as never)).toEqual([]);
    const visibility = new Map(s.layers.map((l) => [l.id, l.layout && 'visibility' in l.layout ? l.layout.visibility : undefined]));
    for (const id of [...STORY_LAYER_IDS['train-route'], ...STORY_LAYER_IDS['ghost-flight']]) expect(visibility.get(id), id).toBe('visible');
    for (const id of [...STORY_LAYER_IDS['af1-home'], ...STORY_LAYER_IDS['demarcation-line']]) expect(visibility.get(id), id).toBe('none');
    const drawn = (s.sources['train-progress'] as { data: FeatureCollection }).data;
    const coords = (drawn.features[0]!.geometry as { coordinates: number[][] }).coordinates;
    expect(coords.slice(0, 2)).toEqual([[0, 0], [10, 0]]);
    expect(coords[2]![0]).toBeCloseTo(15, 9);
    expect((s.layers.find((l) => l.id === 'place-halo') as { filter: unknown }).filter).toEqual(highlightFilter(['hanoi', 'pyongyang']));
  });

  it('draws the route as a plain line, with no line-gradient shader to compile on the first step that shows it', () => {
    const route = style.layers.find((l) => l.id === 'train-route')!;
    expect(route.paint).not.toHaveProperty('line-gradient');
    expect(JSON.stringify(style.layers)).not.toContain('line-progress');
  });
});
