import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { STORY_LAYERS } from '../story/model';
import { buildStyle, highlightFilter, routeGradient, STORY_LAYER_IDS } from './style';
import { THEME } from './theme';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const style = buildStyle(THEME, {
  basemap: { countries: empty as never, borders: empty as never, coastline: empty as never, demarcation: empty as never },
  train: empty,
  flights: empty,
  places: empty,
});

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

  it('stays valid with a partly drawn route and highlighted places', () => {
    const s: StyleSpecification = structuredClone(style);
    const route = s.layers.find((l) => l.id === 'train-route')!;
    (route.paint as Record<string, unknown>)['line-gradient'] = routeGradient(0.37, THEME.train);
    const halo = s.layers.find((l) => l.id === 'place-halo')!;
    (halo as { filter: unknown }).filter = highlightFilter(['hanoi', 'pyongyang']);
    expect(validateStyleMin(s as never)).toEqual([]);
  });
});

describe('routeGradient', () => {
  it('draws up to the given fraction and hides the rest', () => {
    expect(routeGradient(0.4, '#000')).toEqual(['step', ['line-progress'], '#000', 0.4, 'rgba(0, 0, 0, 0)']);
  });
  it('clamps to 0..1 and draws the whole line at 1', () => {
    expect(routeGradient(3, '#000')).toEqual(['step', ['line-progress'], '#000', 2, '#000']);
    expect(routeGradient(-1, '#000')[3]).toBeGreaterThan(0);
  });
});
