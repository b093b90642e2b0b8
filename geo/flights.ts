/**
 * Writes `geo/flights.geojson`: two computed flight arcs.
 *
 * - `ghost`: the flight that never happened — Kim flying home from Hanoi to
 *   Pyongyang instead of the 60-hour train ride. Great-circle arc, distance and
 *   a flight time at an assumed large-jet cruise speed.
 * - `af1-home`: Trump leaving Hanoi, drawn as the first part of the great
 *   circle towards Joint Base Andrews — just far enough to leave the East-Asia
 *   frame. Illustrative: the aircraft's real track is not part of our sources.
 *
 * Input: Hanoi and Pyongyang from `places.geojson` (so arcs end exactly on the
 * place markers) and the Andrews coordinate below. Arcs come from
 * @turf/great-circle, distances from @turf/distance (haversine, mean earth
 * radius), so everything is computed offline and deterministically.
 */
import type { Feature, FeatureCollection, LineString, Position } from 'geojson';
import { greatCircle } from '@turf/great-circle';
import { distance } from '@turf/distance';
import { formatJson, geoPath, isMain, round, writeText } from './io';
import { loadPlaces, placeCoord, type PlaceCollection } from './places';

/** Joint Base Andrews, Maryland (Air Force One's home base). */
export const ANDREWS: Position = [-76.8669, 38.8108];
/** Typical cruise speed of a large jet; an assumption, not a reported figure. */
export const CRUISE_SPEED_KMH = 900;
/**
 * How much of the Hanoi–Andrews great circle to draw. The circle runs almost
 * due north from Hanoi; 4,500 km ends near 61°N, clear of the story's frame
 * (whose top is about 56°N) and far from the pole and the antimeridian.
 */
export const AF1_SHOWN_KM = 4500;

const COORD_DECIMALS = 5;
const KM = { units: 'kilometers' } as const;

export type GhostProperties = {
  id: 'ghost';
  from: 'hanoi';
  to: 'pyongyang';
  distanceKm: number;
  cruiseSpeedKmh: number;
  flightMinutes: number;
  provenance: string;
};

export type Af1Properties = {
  id: 'af1-home';
  from: 'hanoi';
  to: 'andrews';
  totalDistanceKm: number;
  shownKm: number;
  provenance: string;
};

export type Flights = FeatureCollection<LineString, GhostProperties | Af1Properties>;

/**
 * A great-circle arc as a single LineString whose first and last positions are
 * exactly `from` and `to` (turf recomputes them with floating-point noise).
 * Throws if the arc would cross the antimeridian, which the callers never need.
 */
export function arc(from: Position, to: Position, npoints: number): Position[] {
  const line = greatCircle(from, to, { npoints }).geometry;
  if (line.type !== 'LineString') throw new Error('arc crosses the antimeridian');
  const coords = line.coordinates.map((p) => p.map((v) => round(v, COORD_DECIMALS)));
  coords[0] = [...from];
  coords[coords.length - 1] = [...to];
  return coords;
}

const toRad = (deg: number): number => (deg * Math.PI) / 180;
const toDeg = (rad: number): number => (rad * 180) / Math.PI;

function toVector([lon = 0, lat = 0]: Position): [number, number, number] {
  const [l, p] = [toRad(lon), toRad(lat)];
  return [Math.cos(p) * Math.cos(l), Math.cos(p) * Math.sin(l), Math.sin(p)];
}

/**
 * The point a fraction `t` of the way along the great circle from `a` to `b`
 * (spherical linear interpolation). Needed to end the AF1 arc at a given
 * distance; turf's great-circle only yields evenly spaced points.
 */
export function interpolateGreatCircle(a: Position, b: Position, t: number): Position {
  const va = toVector(a);
  const vb = toVector(b);
  const omega = Math.acos(Math.min(1, va[0] * vb[0] + va[1] * vb[1] + va[2] * vb[2]));
  if (omega === 0) return [...a];
  const wa = Math.sin((1 - t) * omega) / Math.sin(omega);
  const wb = Math.sin(t * omega) / Math.sin(omega);
  const [x, y, z] = [0, 1, 2].map((i) => wa * (va[i] ?? 0) + wb * (vb[i] ?? 0)) as [number, number, number];
  return [toDeg(Math.atan2(y, x)), toDeg(Math.atan2(z, Math.hypot(x, y)))];
}

export function buildGhostFlight(hanoi: Position, pyongyang: Position): Feature<LineString, GhostProperties> {
  const distanceKm = Math.round(distance(hanoi, pyongyang, KM));
  return {
    type: 'Feature',
    properties: {
      id: 'ghost',
      from: 'hanoi',
      to: 'pyongyang',
      distanceKm,
      cruiseSpeedKmh: CRUISE_SPEED_KMH,
      flightMinutes: Math.round((distanceKm / CRUISE_SPEED_KMH) * 60),
      provenance: 'computed great-circle; cruise speed an assumption for a large jet',
    },
    geometry: { type: 'LineString', coordinates: arc(hanoi, pyongyang, 64) },
  };
}

export function buildAf1Home(
  hanoi: Position,
  andrews: Position = ANDREWS,
  shownKm: number = AF1_SHOWN_KM,
): Feature<LineString, Af1Properties> {
  const total = distance(hanoi, andrews, KM);
  const end = interpolateGreatCircle(hanoi, andrews, shownKm / total).map((v) => round(v, COORD_DECIMALS));
  return {
    type: 'Feature',
    properties: {
      id: 'af1-home',
      from: 'hanoi',
      to: 'andrews',
      totalDistanceKm: Math.round(total),
      shownKm,
      provenance:
        'computed great-circle towards Joint Base Andrews, first part only; illustrative, not the actual flight path',
    },
    // A sub-arc of a great circle is the same great circle, so this is exactly
    // the first `shownKm` of the Hanoi–Andrews route.
    geometry: { type: 'LineString', coordinates: arc(hanoi, end, 64) },
  };
}

export function buildFlights(places: PlaceCollection): Flights {
  const hanoi = placeCoord(places, 'hanoi');
  return {
    type: 'FeatureCollection',
    features: [buildGhostFlight(hanoi, placeCoord(places, 'pyongyang')), buildAf1Home(hanoi)],
  };
}

export const FLIGHTS_FILE = geoPath('flights.geojson');

export function writeFlights(): Flights {
  const flights = buildFlights(loadPlaces());
  writeText(FLIGHTS_FILE, formatJson(flights));
  return flights;
}

if (isMain(import.meta.url)) {
  const flights = writeFlights();
  const ghost = flights.features[0]?.properties as GhostProperties;
  console.log(`wrote ${FLIGHTS_FILE} (ghost ${ghost.distanceKm} km, ${ghost.flightMinutes} min)`);
}
