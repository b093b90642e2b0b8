import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { BASEMAP_FILE } from './basemap';
import { formatJson, readJson } from './io';
import { buildShapes, SHAPES_FILE } from './shapes';

describe('shapes.geojson', () => {
  const shapes = buildShapes(readJson(BASEMAP_FILE) as Topology);

  it('is up to date with the script (run `npm run geo`)', () => {
    expect(readFileSync(SHAPES_FILE, 'utf8')).toBe(formatJson(shapes));
  });

  it('holds the demarcation line as a line across the Korean peninsula, from Natural Earth', () => {
    expect(shapes.features.map((f) => f.properties.id)).toEqual(['demarcation-line']);
    const line = shapes.features[0]!;
    expect(line.properties.source).toBe('natural-earth');
    expect(line.properties.provenance).toMatch(/Natural Earth/);
    expect(line.geometry.type).toBe('MultiLineString');
    const points = line.geometry.coordinates.flat();
    expect(points.length).toBeGreaterThan(10);
    for (const [lon, lat] of points) {
      expect(lon).toBeGreaterThan(124);
      expect(lon).toBeLessThan(129.5);
      expect(lat).toBeGreaterThan(37.4);
      expect(lat).toBeLessThan(38.9);
    }
    // It crosses the peninsula from the Han estuary in the west to the east coast (about 1.7° of longitude).
    const lons = points.map((p) => p[0]!);
    expect(Math.max(...lons) - Math.min(...lons)).toBeGreaterThan(1.5);
  });
});
