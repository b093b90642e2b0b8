import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { distance } from '@turf/distance';
import type { LngLat } from './model';
import { distanceKm, greatCircleArc, interpolateGreatCircle, routeMeasures } from './geometry';
import { project } from '../map/mercator';
import { runs } from './fixtures/propertyRuns';

const KM = { units: 'kilometers' } as const;
const hanoi: LngLat = [105.8542, 21.0285];
const pyongyang: LngLat = [125.7547, 39.0194];
const andrews: LngLat = [-76.8669, 38.8108];
const tokyo: LngLat = [139.6917, 35.6895];
const sanFrancisco: LngLat = [-122.4194, 37.7749];

/** How far a point lies off the great circle from a to b: on it, the two legs add up to the whole. */
function offCircleKm(a: LngLat, p: LngLat | number[], b: LngLat): number {
  return distance(a, p, KM) + distance(p, b, KM) - distance(a, b, KM);
}

describe('distanceKm', () => {
  it('is the great-circle distance', () => {
    expect(distanceKm([0, 0], [1, 0])).toBeCloseTo(111.19, 1);
    expect(distanceKm(hanoi, pyongyang)).toBeGreaterThan(2700);
    expect(distanceKm(hanoi, pyongyang)).toBeLessThan(2800);
    expect(distanceKm(hanoi, hanoi)).toBe(0);
  });
});

describe('interpolateGreatCircle', () => {
  it('runs from a to b along the great circle', () => {
    const a: LngLat = [10, 20];
    const b: LngLat = [60, 50];
    expect(interpolateGreatCircle(a, b, 0)[0]).toBeCloseTo(10, 9);
    expect(interpolateGreatCircle(a, b, 1)[1]).toBeCloseTo(50, 9);
    const mid = interpolateGreatCircle(a, b, 0.5);
    expect(distance(a, mid, KM)).toBeCloseTo(distance(mid, b, KM), 3);
    expect(offCircleKm(a, interpolateGreatCircle(a, b, 0.3), b)).toBeLessThan(0.01);
    expect(interpolateGreatCircle(a, a, 0.5)).toEqual(a);
  });
});

describe('greatCircleArc', () => {
  const arc = greatCircleArc(hanoi, pyongyang)!;

  it('ends exactly on the two places, however precisely they are given', () => {
    expect(arc[0]).toEqual(hanoi);
    expect(arc.at(-1)).toEqual(pyongyang);
    expect(arc.length).toBeGreaterThan(10);
    // Six decimals: the points between are rounded to four, the ends are the places themselves.
    const a: LngLat = [105.854213, 21.028517];
    const b: LngLat = [125.754689, 39.019432];
    const precise = greatCircleArc(a, b)!;
    expect(precise[0]).toEqual(a);
    expect(precise.at(-1)).toEqual(b);
    expect(greatCircleArc(a, b, 1000)![0]).toEqual(a);
  });

  it('follows the great circle, which bows poleward of the straight longitude/latitude line', () => {
    for (const p of arc) expect(offCircleKm(hanoi, p, pyongyang)).toBeLessThan(0.05);
    const [lon, lat] = arc[Math.floor(arc.length / 2)]!;
    const straightLat = hanoi[1] + ((lon - hanoi[0]) / (pyongyang[0] - hanoi[0])) * (pyongyang[1] - hanoi[1]);
    expect(lat - straightLat).toBeGreaterThan(0.5);
    // Hanoi to Washington: far north, over Siberia and the Arctic, not across the Pacific at Hanoi's latitude.
    const home = greatCircleArc(hanoi, andrews)!;
    expect(Math.max(...home.map((p) => p[1]))).toBeGreaterThan(70);
  });

  it('with shownKm, stops that far along the same great circle', () => {
    const part = greatCircleArc(hanoi, andrews, 4500)!;
    expect(part[0]).toEqual(hanoi);
    const end = part.at(-1)!;
    expect(distance(hanoi, end, KM)).toBeCloseTo(4500, 0);
    for (const p of part) expect(offCircleKm(hanoi, p, andrews)).toBeLessThan(0.1);
    // Every point of the part lies within the shown distance.
    for (const p of part) expect(distance(hanoi, p, KM)).toBeLessThanOrEqual(4500.01);
  });

  it('draws the whole arc when shownKm is the distance or more', () => {
    expect(greatCircleArc(hanoi, pyongyang, 100_000)).toEqual(arc);
    // Exactly the distance: the arc still ends on the place as given, not on a point rounded near it.
    const [a, b]: [LngLat, LngLat] = [[105.854444, 21.028511], [125.762524, 39.039219]];
    expect(greatCircleArc(a, b, distanceKm(a, b))!.at(-1)).toEqual(b);
  });

  it('writes no negative zero, which would print as -0', () => {
    const end = greatCircleArc([0, 10], [-0.00001, -10], 100)!.at(-1)!;
    expect(Object.is(end[0], -0)).toBe(false);
  });

  it('returns null for an arc across the antimeridian, which a flat map cannot draw as one line', () => {
    expect(greatCircleArc(tokyo, sanFrancisco)).toBeNull();
    expect(greatCircleArc(sanFrancisco, tokyo)).toBeNull();
    // Its first 2,000 km stay west of the antimeridian: drawable.
    const part = greatCircleArc(tokyo, sanFrancisco, 2000);
    expect(part).not.toBeNull();
    expect(Math.max(...part!.map((p) => p[0]))).toBeLessThan(180);
  });
});

describe('routeMeasures', () => {
  const y = (lat: number) => project([0, lat], 0)[1];

  it('gives each stop its share of the length as drawn on a Web-Mercator map, from 0 to 1', () => {
    const { progress, lengthKm } = routeMeasures([[0, 0], [1, 0], [3, 0]]);
    expect(progress).toEqual([0, 0.3333, 1]);
    expect(lengthKm).toBeCloseTo(distanceKm([0, 0], [3, 0]), 6);
    // Mercator stretches the north: the leg 60°–70° N weighs more on the map than on the ground.
    const north = routeMeasures([[0, 0], [0, 60], [0, 70]]);
    expect(north.progress[1]).toBeCloseTo((y(0) - y(60)) / (y(0) - y(70)), 4);
    expect(north.progress[1]).toBeLessThan(60 / 70);
  });

  it('measures the length on the ground as the sum of the great-circle legs', () => {
    const stops: LngLat[] = [pyongyang, [124.3893, 40.1196], [123.3954, 41.7943], hanoi];
    const legs = stops.slice(1).reduce((km, p, i) => km + distance(stops[i]!, p, KM), 0);
    expect(routeMeasures(stops).lengthKm).toBeCloseTo(legs, 6);
  });

  it('is all zero for a route that does not move', () => {
    expect(routeMeasures([hanoi, hanoi])).toEqual({ progress: [0, 0], lengthKm: 0 });
  });

  it('rises monotonically from 0 to 1 along any route', () => {
    const point = fc.tuple(fc.double({ min: -179, max: 179, noNaN: true }), fc.double({ min: -80, max: 80, noNaN: true }));
    fc.assert(
      fc.property(fc.array(point, { minLength: 2, maxLength: 12 }), (points) => {
        const { progress, lengthKm } = routeMeasures(points);
        expect(progress).toHaveLength(points.length);
        expect(progress[0]).toBe(0);
        for (let i = 1; i < progress.length; i++) expect(progress[i]!).toBeGreaterThanOrEqual(progress[i - 1]!);
        for (const p of progress) expect(p >= 0 && p <= 1).toBe(true);
        if (progress.some((p) => p > 0)) expect(progress.at(-1)).toBe(1);
        expect(lengthKm).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: runs(300) },
    );
  });
});
