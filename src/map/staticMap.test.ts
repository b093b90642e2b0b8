import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { drawStep } from './staticMap';
import { project } from './mercator';
import type { MapData } from './mapData';
import type { MapState } from './mapState';

const fc = (features: FeatureCollection['features']): FeatureCollection => ({ type: 'FeatureCollection', features });
const square = (lon: number, lat: number, d: number) => ({
  type: 'Feature' as const,
  properties: { id: '704', name: 'Vietnam' },
  geometry: { type: 'Polygon' as const, coordinates: [[[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]] },
});
const data: MapData = {
  basemap: {
    countries: fc([square(105, 21, 2), { ...square(-70, -30, 2), properties: { id: '032', name: 'Argentina' } }]) as MapData['basemap']['countries'],
    borders: fc([]) as MapData['basemap']['borders'],
    coastline: fc([]) as MapData['basemap']['coastline'],
    demarcation: fc([]) as MapData['basemap']['demarcation'],
  },
  train: fc([{ type: 'Feature', properties: { id: 'train' }, geometry: { type: 'LineString', coordinates: [[100, 20], [110, 20]] } }]),
  flights: fc([{ type: 'Feature', properties: { id: 'ghost' }, geometry: { type: 'LineString', coordinates: [[105, 21], [125, 39]] } }]),
  countryLabels: { type: 'FeatureCollection', features: [] },
};
const state = (over: Partial<MapState> = {}): MapState => ({
  stepId: 's',
  camera: { center: [105, 21], zoom: 4, bearing: 0, pitch: 0 },
  layers: [],
  routeProgress: 1,
  highlighted: [],
  ...over,
});
const places = [
  { id: 'hanoi', name: { nl: 'Hanoi', en: 'Hanoi' }, kind: 'city' as const, coordinates: [105.85, 21.03] as [number, number] },
  { id: 'hotel', name: { nl: 'Hotel', en: 'Hotel' }, kind: 'venue' as const, coordinates: [105.856, 21.025] as [number, number] },
];

describe('drawStep', () => {
  it('draws the countries in view and leaves out the rest', () => {
    const d = drawStep(data, state(), places);
    expect(d.countries.map((c) => c.id)).toEqual(['704']);
  });

  it('draws only the layers the step shows, the route as far as it has come', () => {
    expect(drawStep(data, state(), places).lines).toEqual([]);
    const full = drawStep(data, state({ layers: ['train-route', 'ghost-flight'] }), places).lines;
    expect(full.map((l) => l.kind)).toEqual(['train', 'ghost']);
    const half = drawStep(data, state({ layers: ['train-route'], routeProgress: 0.5 }), places).lines[0]!.d;
    expect(half.length).toBeLessThan(full[0]!.d.length + 2);
    expect(half).toMatch(/^M[\d.]+ [\d.]+L[\d.]+ [\d.]+$/);
  });

  it('puts the camera centre in the middle and marks highlighted places; hides a hotel inside its city when zoomed out', () => {
    const d = drawStep(data, state({ highlighted: ['hanoi'] }), places);
    expect(d.places.map((p) => p.id)).toEqual(['hanoi']);
    expect(d.places[0]!.highlighted).toBe(true);
    expect(d.places[0]!.x).toBeCloseTo(360 + (project([105.85, 0], 4)[0] - project([105, 0], 4)[0]), 1);
    const close = drawStep(data, state({ camera: { center: [105.853, 21.027], zoom: 13, bearing: 0, pitch: 0 } }), places);
    expect(close.places.map((p) => p.id).sort()).toEqual(['hanoi', 'hotel']);
  });
});
