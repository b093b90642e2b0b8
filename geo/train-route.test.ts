import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Feature, LineString, Point } from 'geojson';
import { distance } from '@turf/distance';
import { formatJson } from './io';
import { loadPlaces, placeCoord } from './places';
import {
  buildTrainRoute,
  stations,
  TRAIN_ROUTE_FILE,
  type RouteProperties,
  type Station,
  type StationProperties,
} from './train-route';

const KM = { units: 'kilometers' } as const;

function station(id: string, coord: [number, number], mode: Station['mode'] = 'train'): Station {
  return { id, name: { nl: id, en: id }, coord, mode };
}

function split(route: ReturnType<typeof buildTrainRoute>) {
  const [line, ...points] = route.features;
  return {
    line: line as Feature<LineString, RouteProperties>,
    points: points as Feature<Point, StationProperties>[],
  };
}

describe('buildTrainRoute', () => {
  it('measures fractions by distance along the line', () => {
    // On the equator one degree of longitude is the same distance everywhere.
    const { line, points } = split(
      buildTrainRoute([station('a', [0, 0]), station('b', [1, 0]), station('c', [3, 0], 'car')]),
    );
    expect(points.map((p) => p.properties.fraction)).toEqual([0, 0.3333, 1]);
    expect(line.properties.lengthKm).toBe(Math.round(distance([0, 0], [3, 0], KM)));
    expect(line.geometry.coordinates).toEqual([[0, 0], [1, 0], [3, 0]]);
    expect(points.map((p) => p.properties.mode)).toEqual(['train', 'train', 'car']);
  });

  it('gives lineProgress in Web-Mercator length, as MapLibre measures line-progress', () => {
    const { points } = split(buildTrainRoute([station('a', [0, 0]), station('b', [0, 60]), station('c', [0, 70])]));
    const b = points[1]?.properties;
    expect(b?.fraction).toBeCloseTo(60 / 70, 3);
    // y(60°) / y(70°) with y = ln tan(45° + lat/2): Mercator stretches the northern leg.
    const y = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
    expect(b?.lineProgress).toBeCloseTo(y(60) / y(70), 3);
  });

  it('rejects a route without a leg', () => {
    expect(() => buildTrainRoute([station('a', [0, 0])])).toThrow();
  });
});

describe('train-route.geojson', () => {
  const places = loadPlaces();
  const route = buildTrainRoute(stations(places));
  const { line, points } = split(route);
  const fraction = (id: string) => points.find((p) => p.properties.id === id)?.properties.fraction ?? NaN;

  it('is up to date with the script (run `npm run geo`)', () => {
    expect(readFileSync(TRAIN_ROUTE_FILE, 'utf8')).toBe(formatJson(route));
  });

  it('visits the reported stations in order and ends by car in Hanoi', () => {
    expect(points.map((p) => p.properties.id)).toEqual([
      'pyongyang', 'sinuiju', 'dandong', 'shenyang', 'tianjin', 'shijiazhuang', 'wuhan',
      'changsha', 'hengyang', 'nanning', 'pingxiang', 'dong-dang', 'hanoi',
    ]);
    expect(points.map((p) => p.properties.mode)).toEqual([...Array<string>(12).fill('train'), 'car']);
    expect(line.geometry.coordinates).toEqual(points.map((p) => p.geometry.coordinates));
  });

  it('starts and ends on the place markers', () => {
    expect(line.geometry.coordinates[0]).toEqual(placeCoord(places, 'pyongyang'));
    expect(line.geometry.coordinates.at(-1)).toEqual(placeCoord(places, 'hanoi'));
  });

  it('has fractions rising from 0 to 1 in step with the leg lengths', () => {
    const fractions = points.map((p) => p.properties.fraction);
    const progress = points.map((p) => p.properties.lineProgress);
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    for (let i = 1; i < fractions.length; i++) {
      expect(fractions[i]).toBeGreaterThan(fractions[i - 1] ?? 1);
      expect(progress[i]).toBeGreaterThan(progress[i - 1] ?? 1);
      const legKm = distance(line.geometry.coordinates[i - 1] ?? [], line.geometry.coordinates[i] ?? [], KM);
      // Rounding to 4 decimals of ~3,500 km allows well under a kilometre of slack per station.
      expect(((fractions[i] ?? 0) - (fractions[i - 1] ?? 0)) * line.properties.lengthKm).toBeCloseTo(legKm, -1);
    }
  });

  it('has plausible lengths for straight segments', () => {
    const direct = distance(placeCoord(places, 'pyongyang'), placeCoord(places, 'hanoi'), KM);
    // The detour via Shenyang and Tianjin makes the route clearly longer than
    // the direct line, but straight segments stay below the ~4,000+ km of track.
    expect(line.properties.lengthKm).toBeGreaterThan(direct * 1.15);
    expect(line.properties.lengthKm).toBeGreaterThan(3300);
    expect(line.properties.lengthKm).toBeLessThan(3800);
    // Dong Dang–Hanoi is ~170 km by road, ~135 km as the crow flies.
    const carKm = (1 - fraction('dong-dang')) * line.properties.lengthKm;
    expect(carKm).toBeGreaterThan(120);
    expect(carKm).toBeLessThan(160);
    // The Yalu bridge: Sinuiju and Dandong face each other across the river.
    expect((fraction('dandong') - fraction('sinuiju')) * line.properties.lengthKm).toBeLessThan(5);
  });

  it('marks the line as approximate and says why', () => {
    expect(line.properties.approximate).toBe(true);
    expect(line.properties.provenance).toMatch(/February 2019/);
    expect(line.properties.provenance).toMatch(/approximate/);
    expect(line.properties.provenance).toMatch(/by car/);
  });
});
