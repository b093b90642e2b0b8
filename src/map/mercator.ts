import type { Position } from 'geojson';

/** MapLibre's world is 512 px wide at zoom 0. */
const TILE = 512;
/** Web Mercator's latitude limit, degrees. */
const MAX_LAT = 85.05;

/** Web Mercator, as MapLibre projects: world pixels at `zoom`. */
export function project([lon, lat]: Position, zoom: number): [number, number] {
  const scale = TILE * 2 ** zoom;
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat!)) * Math.PI) / 180;
  const x = ((lon! + 180) / 360) * scale;
  const y = ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * scale;
  return [x, y];
}

/** The inverse of `project`: longitude and latitude of world pixels at `zoom`. */
export function unproject([x, y]: readonly [number, number], zoom: number): [number, number] {
  const scale = TILE * 2 ** zoom;
  const lon = (x / scale) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / scale))) * 180) / Math.PI;
  return [lon, lat];
}
