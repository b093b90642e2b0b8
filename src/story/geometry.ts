/**
 * Build-time geometry of the story's map features: great-circle arcs,
 * routes through stops and distances (turf), computed once so the browser
 * receives finished coordinates.
 */
import { distance } from '@turf/distance';
import { greatCircle } from '@turf/great-circle';
import type { LngLat } from './model';
import { project } from '../map/mercator';

const KM = { units: 'kilometers' } as const;
const round = (v: number, decimals: number) => Math.round(v * 10 ** decimals) / 10 ** decimals + 0;
// Four decimals, about 10 m: far finer than any arc is drawn.
const roundPoint = (p: readonly number[]): LngLat => [round(p[0]!, 4), round(p[1]!, 4)];

/** Great-circle distance in km (haversine, mean earth radius). */
export function distanceKm(a: LngLat, b: LngLat): number {
  return distance(a, b, KM);
}

/** The point a fraction `t` of the way along the great circle from `a` to `b` (spherical interpolation). */
export function interpolateGreatCircle(a: LngLat, b: LngLat, t: number): LngLat {
  const rad = Math.PI / 180;
  const vec = ([lon, lat]: LngLat) => [Math.cos(lat * rad) * Math.cos(lon * rad), Math.cos(lat * rad) * Math.sin(lon * rad), Math.sin(lat * rad)];
  const va = vec(a);
  const vb = vec(b);
  const omega = Math.acos(Math.min(1, va[0]! * vb[0]! + va[1]! * vb[1]! + va[2]! * vb[2]!));
  if (omega === 0) return [...a];
  const wa = Math.sin((1 - t) * omega) / Math.sin(omega);
  const wb = Math.sin(t * omega) / Math.sin(omega);
  const [x, y, z] = [0, 1, 2].map((i) => wa * va[i]! + wb * vb[i]!) as [number, number, number];
  return [Math.atan2(y, x) / rad, Math.atan2(z, Math.hypot(x, y)) / rad];
}

/**
 * The great circle from `from` to `to` as one line whose ends are exactly
 * the two places; with `shownKm`, only its first `shownKm` kilometres (a
 * sub-arc of a great circle is the same circle). Null if it would cross the
 * antimeridian, which a flat map cannot draw as one line.
 */
export function greatCircleArc(from: LngLat, to: LngLat, shownKm?: number): LngLat[] | null {
  const total = distanceKm(from, to);
  const end = (shownKm ?? Infinity) < total ? roundPoint(interpolateGreatCircle(from, to, shownKm! / total)) : to;
  // 48 points: a smooth curve at every zoom a story uses for a continent-wide arc.
  const line = greatCircle(from, end, { npoints: 48 }).geometry;
  if (line.type !== 'LineString') return null;
  const coords = line.coordinates.map(roundPoint);
  coords[0] = [...from];
  coords[coords.length - 1] = [...end];
  return coords;
}

/**
 * Where each stop lies along a route of straight segments, 0..1 of its
 * length as drawn on a Web-Mercator map — the measure by which
 * `src/map/routeLine.ts` cuts the drawn part, so a step's route ends
 * exactly at its stop — and the route's length on the ground.
 */
export function routeMeasures(points: readonly LngLat[]): { progress: number[]; lengthKm: number } {
  const projected = points.map((p) => project(p, 0));
  const cumulative = [0];
  let km = 0;
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [projected[i - 1]!, projected[i]!];
    cumulative.push(cumulative[i - 1]! + Math.hypot(b[0] - a[0], b[1] - a[1]));
    km += distanceKm(points[i - 1]!, points[i]!);
  }
  const total = cumulative.at(-1)!;
  return { progress: cumulative.map((c) => (total > 0 ? round(c / total, 4) : 0)), lengthKm: km };
}
