/**
 * Small planar geometry helpers for the basemap build and its tests. Good
 * enough for ranking islands by size and for "is this city inside its country"
 * checks at the scale of a few kilometres; not a general GIS library.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Kilometres per degree of latitude (mean earth radius 6371 km). */
export const KM_PER_DEGREE = 111.195;

export type BBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

export function ringBBox(ring: readonly Position[]): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon = 0, lat = 0] of ring) {
    box[0] = Math.min(box[0], lon);
    box[1] = Math.min(box[1], lat);
    box[2] = Math.max(box[2], lon);
    box[3] = Math.max(box[3], lat);
  }
  return box;
}

export function bboxesIntersect(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

export function bboxContains(box: BBox, [lon = 0, lat = 0]: Position): boolean {
  return lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3];
}

/** Approximate area in km², shrinking longitudes by the cosine of the ring's mean latitude. */
export function ringAreaKm2(ring: readonly Position[]): number {
  const box = ringBBox(ring);
  const k = Math.cos((((box[1] + box[3]) / 2) * Math.PI) / 180);
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x1 = 0, y1 = 0] = ring[j] ?? [];
    const [x2 = 0, y2 = 0] = ring[i] ?? [];
    twice += x1 * k * y2 - x2 * k * y1;
  }
  return (Math.abs(twice) / 2) * KM_PER_DEGREE * KM_PER_DEGREE;
}

function pointInRing([x = 0, y = 0]: Position, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function polygons(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

export function pointInGeometry(point: Position, geometry: Polygon | MultiPolygon): boolean {
  return polygons(geometry).some(
    ([outer, ...holes]) => outer !== undefined && pointInRing(point, outer) && !holes.some((h) => pointInRing(point, h)),
  );
}

/** Shortest distance from `point` to the geometry's outline, in km (local equirectangular). */
export function distanceToOutlineKm([px = 0, py = 0]: Position, geometry: Polygon | MultiPolygon): number {
  const k = Math.cos((py * Math.PI) / 180);
  let best = Infinity;
  for (const ring of polygons(geometry).flat()) {
    for (let i = 1; i < ring.length; i++) {
      const [ax = 0, ay = 0] = ring[i - 1] ?? [];
      const [bx = 0, by = 0] = ring[i] ?? [];
      // Work in km around the point so that the segment projection is metric.
      const [x1, y1, x2, y2] = [(ax - px) * k, ay - py, (bx - px) * k, by - py];
      const [dx, dy] = [x2 - x1, y2 - y1];
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(x1 * dx + y1 * dy) / len2));
      best = Math.min(best, Math.hypot(x1 + t * dx, y1 + t * dy) * KM_PER_DEGREE);
    }
  }
  return best;
}
