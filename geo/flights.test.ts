import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { distance } from '@turf/distance';
import { formatJson } from './io';
import { loadPlaces, placeCoord } from './places';
import {
  AF1_SHOWN_KM,
  ANDREWS,
  arc,
  buildAf1Home,
  buildFlights,
  buildGhostFlight,
  CRUISE_SPEED_KMH,
  FLIGHTS_FILE,
  interpolateGreatCircle,
} from './flights';

const KM = { units: 'kilometers' } as const;
const places = loadPlaces();
const hanoi = placeCoord(places, 'hanoi');
const pyongyang = placeCoord(places, 'pyongyang');

/** A point on the great circle from a to b splits the distance exactly. */
function offCircleKm(a: Position, p: Position, b: Position): number {
  return distance(a, p, KM) + distance(p, b, KM) - distance(a, b, KM);
}

describe('interpolateGreatCircle', () => {
  it('runs from a to b along the great circle', () => {
    const a: Position = [10, 20];
    const b: Position = [60, 50];
    expect(interpolateGreatCircle(a, b, 0)[0]).toBeCloseTo(10, 9);
    expect(interpolateGreatCircle(a, b, 1)[1]).toBeCloseTo(50, 9);
    const mid = interpolateGreatCircle(a, b, 0.5);
    expect(distance(a, mid, KM)).toBeCloseTo(distance(mid, b, KM), 3);
    expect(offCircleKm(a, interpolateGreatCircle(a, b, 0.3), b)).toBeLessThan(0.01);
  });
});

describe('ghost flight Hanoi → Pyongyang', () => {
  const ghost = buildGhostFlight(hanoi, pyongyang);
  const coords = ghost.geometry.coordinates;

  it('has a realistic distance and the flight time that follows from it', () => {
    expect(ghost.properties.distanceKm).toBeGreaterThan(2600);
    expect(ghost.properties.distanceKm).toBeLessThan(2900);
    expect(Number.isInteger(ghost.properties.distanceKm)).toBe(true);
    expect(ghost.properties.cruiseSpeedKmh).toBe(CRUISE_SPEED_KMH);
    expect(ghost.properties.flightMinutes).toBe(Math.round((ghost.properties.distanceKm / 900) * 60));
    expect(ghost.properties.provenance).toBe('computed great-circle; cruise speed an assumption for a large jet');
  });

  it('ends exactly on the places', () => {
    expect(coords[0]).toEqual(hanoi);
    expect(coords.at(-1)).toEqual(pyongyang);
  });

  it('follows the great circle, which bows poleward of the straight lon/lat line', () => {
    for (const p of coords) expect(offCircleKm(hanoi, p, pyongyang)).toBeLessThan(0.05);
    const [lon = 0, lat = 0] = coords[Math.floor(coords.length / 2)] ?? [];
    const [x0 = 0, y0 = 0] = hanoi;
    const [x1 = 0, y1 = 0] = pyongyang;
    const straightLat = y0 + ((lon - x0) / (x1 - x0)) * (y1 - y0);
    expect(lat - straightLat).toBeGreaterThan(0.5);
  });
});

describe('Air Force One home, Hanoi → Andrews (first part)', () => {
  const af1 = buildAf1Home(hanoi);
  const coords = af1.geometry.coordinates;
  const end = coords.at(-1) ?? [];

  it('starts in Hanoi and stops after shownKm on the way to Andrews', () => {
    expect(coords[0]).toEqual(hanoi);
    expect(af1.properties.shownKm).toBe(AF1_SHOWN_KM);
    expect(distance(hanoi, end, KM)).toBeCloseTo(AF1_SHOWN_KM, 0);
    expect(af1.properties.totalDistanceKm).toBe(Math.round(distance(hanoi, ANDREWS, KM)));
    expect(af1.properties.totalDistanceKm).toBeGreaterThan(13000);
    for (const p of coords) expect(offCircleKm(hanoi, p, ANDREWS)).toBeLessThan(0.05);
  });

  it('leaves the East-Asia frame northward without touching the antimeridian', () => {
    expect(end[1]).toBeGreaterThan(56);
    for (let i = 1; i < coords.length; i++) {
      const [lon = 0, lat = 0] = coords[i] ?? [];
      const [prevLon = 0, prevLat = 0] = coords[i - 1] ?? [];
      expect(lon).toBeGreaterThan(100);
      expect(lon).toBeLessThan(120);
      expect(lat).toBeGreaterThan(prevLat);
      expect(Math.abs(lon - prevLon)).toBeLessThan(1);
    }
  });
});

describe('flights.geojson', () => {
  it('is deterministic and up to date with the script (run `npm run geo`)', () => {
    const text = formatJson(buildFlights(places));
    expect(formatJson(buildFlights(loadPlaces()))).toBe(text);
    expect(readFileSync(FLIGHTS_FILE, 'utf8')).toBe(text);
  });

  it('refuses an arc across the antimeridian rather than drawing it around the world', () => {
    expect(() => arc([170, 50], [-170, 50], 16)).toThrow(/antimeridian/);
  });
});
