/**
 * Writes `geo/shapes.geojson`: lines and polygons derived from the basemap
 * that stories may declare as `line` or `area` features. Today one: the
 * Korean Military Demarcation Line, the border Natural Earth draws between
 * North (408) and South Korea (410).
 */
import type { FeatureCollection, MultiLineString } from 'geojson';
import { mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { BASEMAP_FILE } from './basemap';
import { formatJson, geoPath, isMain, readJson, round, writeText } from './io';

export const SHAPES_FILE = geoPath('shapes.geojson');

export interface ShapeProperties {
  id: string;
  /** `natural-earth`: the reader is told the outline follows Natural Earth. */
  source: 'natural-earth';
  provenance: string;
}

export function buildShapes(topology: Topology): FeatureCollection<MultiLineString, ShapeProperties> {
  const countries = topology.objects.countries as GeometryCollection;
  const korea = (g: { id?: string | number }, id: string) => String(g.id) === id;
  const line = mesh(topology, countries, (a, b) => (korea(a, '408') && korea(b, '410')) || (korea(a, '410') && korea(b, '408')));
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {
          id: 'demarcation-line',
          source: 'natural-earth',
          provenance: 'Border between North and South Korea in Natural Earth 1:10m Admin-0 countries (the Military Demarcation Line, generalised).',
        },
        geometry: { type: 'MultiLineString', coordinates: line.coordinates.map((l) => l.map((p) => p.map((v) => round(v, 5)))) },
      },
    ],
  };
}

export function writeShapes() {
  const shapes = buildShapes(readJson(BASEMAP_FILE) as Topology);
  writeText(SHAPES_FILE, formatJson(shapes));
  return shapes;
}

if (isMain(import.meta.url)) {
  writeShapes();
  console.log(`wrote ${SHAPES_FILE}`);
}
