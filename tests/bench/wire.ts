/**
 * Weighs what a page downloaded by kind, from the static server's log of
 * bodies it sent (gzip sizes for text, headers excluded).
 */
import type { ServedResponse } from './staticServer';

/** The kinds the benchmark reports. */
export const KINDS = ['maplibreJs', 'otherJs', 'css', 'html', 'data', 'other'] as const;
export type Kind = (typeof KINDS)[number];

/** Bytes by kind, their total, and the number of responses. */
export type WireBytes = Record<Kind, number> & { total: number; requests: number };

/**
 * MapLibre's own code: the files Vite emits for it, which all start with
 * "maplibre" (the `maplibre` chunk, `maplibre-gl-worker-*`, `maplibre-gl-csp-worker-*`).
 * With MapLibre 4/5's default bundle the worker is a string inside that chunk.
 */
const isMapLibreFile = (path: string) => /^maplibre/.test(path.slice(path.lastIndexOf('/') + 1));

/**
 * The kind of one response. The story data and the basemap are JS modules
 * in this app, so they count as "other JS"; "data" is what arrives as JSON
 * or binary data (tiles, GeoJSON).
 */
export function kindOf(response: Pick<ServedResponse, 'path' | 'contentType'>): Kind {
  const type = response.contentType;
  if (/javascript/.test(type)) return isMapLibreFile(response.path) ? 'maplibreJs' : 'otherJs';
  if (/^text\/css/.test(type)) return 'css';
  if (/^text\/html/.test(type)) return 'html';
  if (/json|protobuf|octet-stream/.test(type)) return 'data';
  return 'other';
}

/** Sum the log by kind. */
export function wireBytes(log: readonly ServedResponse[]): WireBytes {
  const bytes: WireBytes = { maplibreJs: 0, otherJs: 0, css: 0, html: 0, data: 0, other: 0, total: 0, requests: 0 };
  for (const response of log) {
    bytes[kindOf(response)] += response.wireBytes;
    bytes.total += response.wireBytes;
    bytes.requests++;
  }
  return bytes;
}
