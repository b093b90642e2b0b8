import type { FeatureCollection, LineString, Position } from 'geojson';
import { project, unproject } from './mercator';

/**
 * The part of a line up to `fraction` (0..1) of its length as drawn on a Web
 * Mercator map — the measure the stations' `lineProgress` in
 * `geo/train-route.geojson` uses, so a step's route ends exactly at its
 * station. The cut is interpolated in projected space, so it lies on the
 * straight segment the map draws.
 */
export function lineUpTo(coords: readonly Position[], fraction: number): Position[] {
  if (fraction >= 1) return [...coords];
  const pts = coords.map((c) => project(c, 0));
  const seg = pts.slice(1).map((p, i) => Math.hypot(p[0] - pts[i]![0], p[1] - pts[i]![1]));
  let left = seg.reduce((a, b) => a + b, 0) * Math.max(0, fraction);
  const out: Position[] = [coords[0]!];
  for (let i = 0; i < seg.length; i++) {
    if (left >= seg[i]!) {
      out.push(coords[i + 1]!);
      left -= seg[i]!;
      continue;
    }
    if (left > 0) {
      const t = left / seg[i]!;
      const a = pts[i]!;
      const b = pts[i + 1]!;
      out.push(unproject([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t], 0));
    }
    break;
  }
  return out;
}

/** The route's LineString in `geo/train-route.geojson` (which also holds the stations as Points). */
export function routeCoordinates(train: FeatureCollection): Position[] {
  const line = train.features.find((f) => f.geometry.type === 'LineString');
  return line ? (line.geometry as LineString).coordinates : [];
}

/** The drawn part of the route as GeoJSON for the map: empty while less than a segment's start is drawn. */
export function routeUpTo(coords: readonly Position[], fraction: number): FeatureCollection<LineString> {
  const drawn = lineUpTo(coords, fraction);
  return {
    type: 'FeatureCollection',
    features: drawn.length < 2 ? [] : [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: drawn } }],
  };
}
