/**
 * File helpers shared by the geo scripts: paths relative to this folder (so
 * the scripts work from any working directory) and a stable JSON layout (so
 * regenerated files only show up in a diff when the data really changed).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export function geoPath(fileName: string): string {
  return fileURLToPath(new URL(fileName, import.meta.url));
}

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

/**
 * Pretty JSON, but with arrays of plain numbers (coordinates, bboxes) kept on
 * one line; fully expanded GeoJSON puts every number on its own line.
 */
export function formatJson(value: unknown): string {
  const expanded = JSON.stringify(value, null, 2);
  return expanded.replace(/\[\s*(-?[\d.e+-]+(?:,\s*-?[\d.e+-]+)*)\s*\]/g, (_match, body: string) =>
    `[${body.split(/,\s*/).join(', ')}]`,
  ) + '\n';
}

export function writeText(path: string, text: string): void {
  writeFileSync(path, text, 'utf8');
}

/** True when the calling module was started directly (`tsx geo/x.ts`), not imported. */
export function isMain(moduleUrl: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && pathToFileURL(entry).href === moduleUrl;
}

export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  // `+ 0` turns -0 into 0 so that output bytes never depend on the sign of zero.
  return Math.round(value * factor) / factor + 0;
}
