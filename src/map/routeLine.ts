import type { Feature, FeatureCollection, LineString, Position } from 'geojson';
import type { RouteFeature, TravelMode } from '../story/model';
import { project, unproject } from './mercator';

/**
 * The part of a line up to `fraction` (0..1) of its length as drawn on a Web
 * Mercator map — the measure of the stops' `progress`, so a step's route
 * ends exactly at its stop. The cut is interpolated in projected space, so
 * it lies on the straight segment the map draws.
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

export type SegmentProperties = { fid: string; mode: TravelMode };

/**
 * The drawn part of a route, up to `fraction`, as one line per run of
 * segments travelled the same way (rail, road…), so each mode is styled
 * apart. Empty while less than a segment's start is drawn.
 */
export function drawnSegments(route: Pick<RouteFeature, 'id' | 'stops' | 'coordinates'>, fraction: number): Feature<LineString, SegmentProperties>[] {
  const drawn = lineUpTo(route.coordinates, fraction);
  const out: Feature<LineString, SegmentProperties>[] = [];
  // drawn[i] for i < drawn.length - 1 are whole stops; the last point may lie inside segment drawn.length - 2.
  for (let i = 1; i < drawn.length; i++) {
    const mode = route.stops[i]!.mode;
    const last = out.at(-1);
    if (last && last.properties.mode === mode) last.geometry.coordinates.push(drawn[i]!);
    else out.push({ type: 'Feature', properties: { fid: route.id, mode }, geometry: { type: 'LineString', coordinates: [drawn[i - 1]!, drawn[i]!] } });
  }
  return out;
}

/** The drawn parts of every route, as the map's `progress` source holds them. */
export function progressCollection(routes: readonly RouteFeature[], progress: (id: string) => number): FeatureCollection<LineString, SegmentProperties> {
  return { type: 'FeatureCollection', features: routes.flatMap((r) => drawnSegments(r, progress(r.id))) };
}

