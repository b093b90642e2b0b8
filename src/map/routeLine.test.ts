import { describe, expect, it } from 'vitest';
import type { RouteFeature } from '../story/model';
import { drawnSegments, lineUpTo, progressCollection } from './routeLine';
import { project } from './mercator';

describe('lineUpTo', () => {
  it('cuts a line at a fraction of its drawn length', () => {
    const cut = lineUpTo([[0, 0], [10, 0], [20, 0]], 0.75);
    expect(cut.slice(0, 2)).toEqual([[0, 0], [10, 0]]);
    expect(cut[2]![0]).toBeCloseTo(15, 9);
    expect(cut[2]![1]).toBeCloseTo(0, 9);
  });

  it('keeps the whole line at 1 and only its start at 0', () => {
    expect(lineUpTo([[0, 0], [10, 0]], 1)).toEqual([[0, 0], [10, 0]]);
    expect(lineUpTo([[0, 0], [10, 0]], 0)).toEqual([[0, 0]]);
  });

  it('measures and cuts in Web Mercator, so the cut lies on the straight segment the map draws', () => {
    // Northward from the equator to 60°N: Mercator stretches the north, so half the drawn length is above 30°N.
    const [, [lon, lat]] = lineUpTo([[0, 0], [0, 60]], 0.5) as [number[], number[]];
    expect(lon).toBeCloseTo(0, 9);
    expect(lat).toBeGreaterThan(35);
    const [, y0] = project([0, 0], 0);
    const [, y1] = project([0, 60], 0);
    expect(project([lon!, lat!], 0)[1]).toBeCloseTo((y0 + y1) / 2, 6);
  });
});

/** Three stops along the equator, 10° apart; the last leg by road. */
const route: Pick<RouteFeature, 'id' | 'stops' | 'coordinates'> = {
  id: 'train',
  coordinates: [[0, 0], [10, 0], [20, 0]],
  stops: [
    { place: 'a', mode: 'rail', inferred: false, progress: 0 },
    { place: 'b', mode: 'rail', inferred: false, progress: 0.5 },
    { place: 'c', mode: 'road', inferred: false, progress: 1 },
  ],
};

describe('drawnSegments', () => {
  it('is empty before the route has begun', () => {
    expect(drawnSegments(route, 0)).toEqual([]);
  });

  it('draws one line per run of segments travelled the same way, each tagged with the route and its mode', () => {
    const whole = drawnSegments(route, 1);
    expect(whole.map((f) => f.properties)).toEqual([
      { fid: 'train', mode: 'rail' },
      { fid: 'train', mode: 'road' },
    ]);
    expect(whole.map((f) => f.geometry.coordinates)).toEqual([
      [[0, 0], [10, 0]],
      [[10, 0], [20, 0]],
    ]);
  });

  it('joins consecutive segments of one mode into one line', () => {
    const allRail = { ...route, stops: route.stops.map((s) => ({ ...s, mode: 'rail' as const })) };
    const whole = drawnSegments(allRail, 1);
    expect(whole).toHaveLength(1);
    expect(whole[0]!.geometry.coordinates).toEqual([[0, 0], [10, 0], [20, 0]]);
  });

  it('stops inside a segment at the fraction, in the mode of that segment', () => {
    const part = drawnSegments(route, 0.75);
    expect(part.map((f) => f.properties.mode)).toEqual(['rail', 'road']);
    const end = part[1]!.geometry.coordinates.at(-1)!;
    expect(end[0]).toBeCloseTo(15, 9);
    expect(end[1]).toBeCloseTo(0, 9);
    // Up to a stop exactly: the next mode has not begun.
    expect(drawnSegments(route, 0.5).map((f) => f.properties.mode)).toEqual(['rail']);
  });
});

describe('progressCollection', () => {
  it("holds the drawn part of every route, each up to its own progress", () => {
    const other = { ...route, id: 'home', stops: route.stops.map((s) => ({ ...s, mode: 'rail' as const })) } as RouteFeature;
    const collection = progressCollection([route as RouteFeature, other], (id) => (id === 'train' ? 0.25 : 1));
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.map((f) => f.properties.fid)).toEqual(['train', 'home']);
    expect(collection.features[0]!.geometry.coordinates.at(-1)![0]).toBeCloseTo(5, 9);
    expect(collection.features[1]!.geometry.coordinates).toEqual([[0, 0], [10, 0], [20, 0]]);
  });
});
