import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import type { MapFeature } from '../story/model';
import { drawStep } from './staticMap';
import { project } from './mercator';
import type { MapData } from './mapData';
import type { MapState } from './mapState';
import type { MarkerPlace } from './shownPlaces';

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
  countryLabels: { type: 'FeatureCollection', features: [] },
};
const label = { nl: 'x', en: 'x' };
const features: MapFeature[] = [
  {
    id: 'train',
    kind: 'route',
    label,
    provenance: label,
    coordinates: [[100, 20], [104, 20], [110, 20]],
    stops: [
      { place: 'start', mode: 'rail', inferred: false, progress: 0 },
      { place: 'border', mode: 'rail', inferred: true, progress: 0.4 },
      { place: 'end', mode: 'road', inferred: false, progress: 1 },
    ],
    lengthKm: 1045,
  },
  { id: 'ghost', kind: 'arc', label, provenance: label, from: 'hanoi', to: 'north', status: 'offered', coordinates: [[105, 21], [115, 32], [125, 39]], distanceKm: 2760 },
  { id: 'vietnam', kind: 'area', label, provenance: label, country: '704' },
];
const state = (over: Partial<MapState> = {}): MapState => ({
  stepId: 's',
  camera: { center: [105, 21], zoom: 4, bearing: 0, pitch: 0 },
  features: [],
  routeProgress: {},
  highlighted: [],
  ...over,
});
const places: MarkerPlace[] = [
  { id: 'hanoi', name: { nl: 'Hanoi', en: 'Hanoi' }, kind: 'city', coordinates: [105.85, 21.03] },
  { id: 'hotel', name: { nl: 'Hotel', en: 'Hotel' }, kind: 'venue', coordinates: [105.856, 21.025] },
  { id: 'border', name: { nl: 'Grens', en: 'Border' }, kind: 'station', coordinates: [104, 20] },
];
const draw = (s: MapState) => drawStep(data, s, places, features, 'en');

describe('drawStep', () => {
  it('draws the countries in view and leaves out the rest', () => {
    expect(draw(state()).countries.map((c) => c.id)).toEqual(['704']);
  });

  it('draws only the features the step shows, each styled by its kind; the route as far as it has come', () => {
    expect(draw(state()).lines).toEqual([]);
    expect(draw(state()).areas).toEqual([]);
    const full = draw(state({ features: ['train', 'ghost', 'vietnam'] }));
    expect(full.lines.map((l) => l.kind)).toEqual(['route-planned', 'route-rail', 'route-road', 'arc-offered']);
    expect(full.areas.map((a) => a.id)).toEqual(['vietnam']);
    // Up to 0.2 of the drawn length: inside the first (rail) segment, one straight piece, no road yet.
    const part = draw(state({ features: ['train'], routeProgress: { train: 0.2 } })).lines;
    expect(part.map((l) => l.kind)).toEqual(['route-planned', 'route-rail']);
    expect(part[1]!.d).toMatch(/^M-?\d+ -?\d+l-?\d+ -?\d+$/);
    expect(part[1]!.d.length).toBeLessThan(full.lines[1]!.d.length + 2);
    // Another route's progress does not cut this one.
    expect(draw(state({ features: ['train'], routeProgress: { other: 0.2 } })).lines.map((l) => l.kind)).toEqual(['route-planned', 'route-rail', 'route-road']);
  });

  it('clips shapes to the view and its margin, in whole pixels', () => {
    // At a city's zoom the country around it spans millions of pixels: clipped, it is a few corners.
    const close = draw(state({ camera: { center: [105.853, 21.027], zoom: 13, bearing: 0, pitch: 0 } }));
    expect(close.countries.map((c) => c.id)).toEqual(['704']);
    expect(close.countries[0]!.d.length).toBeLessThan(120);
    for (const n of close.countries[0]!.d.match(/-?\d+(\.\d+)?/g)!) expect(Math.abs(Number(n))).toBeLessThanOrEqual(720 * 3);
  });

  it('puts the camera centre in the middle and marks highlighted places; hides a hotel inside its city when zoomed out', () => {
    const d = draw(state({ highlighted: ['hanoi'] }));
    expect(d.places.map((p) => p.id)).toEqual(['hanoi']);
    expect(d.places[0]!.highlighted).toBe(true);
    expect(d.places[0]!.x).toBeCloseTo(360 + (project([105.85, 0], 4)[0] - project([105, 0], 4)[0]), 1);
    const close = draw(state({ camera: { center: [105.853, 21.027], zoom: 13, bearing: 0, pitch: 0 } }));
    expect(close.places.map((p) => p.id).sort()).toEqual(['hanoi', 'hotel']);
  });

  it('shows a station only with a route that stops there, or when the step highlights it', () => {
    expect(draw(state()).places.map((p) => p.id)).not.toContain('border');
    const withRoute = draw(state({ features: ['train'] })).places.find((p) => p.id === 'border');
    expect(withRoute?.station).toBe(true);
    expect(draw(state({ highlighted: ['border'] })).places.map((p) => p.id)).toContain('border');
  });

  it('labels the story places always and a station only where its label fits', () => {
    const wide = draw(state({ features: ['train'] }));
    expect(wide.places.find((p) => p.id === 'hanoi')?.lines.length).toBeGreaterThan(0);
    expect(wide.places.find((p) => p.id === 'border')?.lines.length).toBeGreaterThan(0);
    // Zoomed out, the station's dot sits next to Hanoi's: no marker of its own (its target would overlap
    // Hanoi's), only the route's stop dot; Hanoi keeps its marker and label.
    const far = draw(state({ features: ['train'], camera: { center: [105, 21], zoom: 1, bearing: 0, pitch: 0 } }));
    expect(far.places.find((p) => p.id === 'hanoi')?.lines.length).toBeGreaterThan(0);
    expect(far.places.some((p) => p.id === 'border')).toBe(false);
    expect(far.stops.length).toBeGreaterThanOrEqual(2);
  });
});
