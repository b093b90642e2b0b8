/**
 * Writes `geo/basemap.topo.json`: the country polygons the story map draws,
 * as one small TopoJSON topology with a single object, `countries`.
 *
 * Input: Natural Earth 1:10m Admin-0 countries (public domain) as packaged in
 * the `world-atlas` npm package. Everything is built from that one source so
 * that shared borders stay shared arcs: the app derives land borders
 * (a !== b), coastlines (a === b) and the Korean Military Demarcation Line
 * (the arcs shared by North Korea "408" and South Korea "410") with
 * topojson-client's `mesh`, which only works if neighbours share arcs exactly.
 *
 * Why the processing: the raw 10m file is 3.6 MB for the whole world. We keep
 * only countries that touch the story region, drop far-away and tiny islands,
 * and simplify with a location-dependent weight — around the DMZ (where the
 * story zooms in to about zoom 10) nearly all source detail survives, the rest
 * of Korea and the summit cities keep more than the story region at large, and
 * the far parts of e.g. Russia or India keep very little.
 * Countries that reach into the region are kept whole (not cut at the region's
 * edge), so no artificial straight "coastlines" appear at the frame. Countries
 * entirely outside are absent, so a kept country's border with one of them
 * (e.g. China–Kazakhstan) decodes as coastline; all of those lie west of 88°E.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { feature, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { filter, filterWeight, planarRingArea, planarTriangleArea, presimplify, simplify } from 'topojson-simplify';
import type { Triangle } from 'topojson-simplify';
import { bboxContains, bboxesIntersect, ringAreaKm2, ringBBox, type BBox } from './geometry';
import { geoPath, isMain, writeText } from './io';

export type CountryProperties = { id: string; name: string };
export type Basemap = Topology<{ countries: GeometryCollection<CountryProperties> }>;
type SourceTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;
type CountryFeature = Feature<Polygon | MultiPolygon, CountryProperties>;

/** Countries with any land in this box are kept (lon 88…150, lat −8…56). */
export const STORY_REGION: BBox = [88, -8, 150, 56];
/** Parts of kept countries entirely outside this wider box (Kaliningrad, Arctic islands…) are dropped. */
export const PART_REGION: BBox = [75, -15, 160, 66];

/**
 * Where detail matters, first match wins. `weight` multiplies the
 * simplification weight of a vertex (higher keeps more detail); islands
 * (polygon parts) smaller than `minIslandKm2` are dropped, except a country's
 * largest part, so small countries like Singapore or Macao never disappear.
 */
type Zone = { name: string; box: BBox; weight: number; minIslandKm2: number };
export const ZONES: readonly Zone[] = [
  // The story zooms to the DMZ at about zoom 9–10: keep nearly all source detail.
  { name: 'dmz', box: [124.5, 37.0, 129.0, 39.0], weight: 500, minIslandKm2: 5 },
  // The rest of the peninsula is seen on the way there, at zoom 6–8.
  { name: 'korea', box: [124, 33, 131.5, 43.5], weight: 50, minIslandKm2: 30 },
  // The summit cities and the train's border crossing at Dong Dang are shown closer up.
  { name: 'singapore', box: [103.3, 0.9, 104.4, 1.7], weight: 40, minIslandKm2: 5 },
  { name: 'tonkin', box: [105, 20.2, 108.3, 22.7], weight: 40, minIslandKm2: 20 },
  { name: 'story', box: STORY_REGION, weight: 1, minIslandKm2: 300 },
];
const OUTSIDE: Zone = { name: 'outside', box: [-180, -90, 180, 90], weight: 0.02, minIslandKm2: 5000 };

/**
 * Vertices whose weight (Web-Mercator triangle area in square degrees times
 * the zone weight) falls below this are removed. Tuned so the output stays
 * well under the 45 KB gzip budget.
 */
export const MIN_WEIGHT = 0.02;
/** Grid for the quantised output: ~0.0008° × 0.0004° steps (under 100 m) over this extent. */
export const QUANTIZATION = 2e5;

export const SOURCE_FILE = createRequire(import.meta.url).resolve('world-atlas/countries-10m.json');
export const BASEMAP_FILE = geoPath('basemap.topo.json');

export function zoneAt(point: Position): Zone {
  return ZONES.find((z) => bboxContains(z.box, point)) ?? OUTSIDE;
}

function bboxCenter(box: BBox): Position {
  return [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
}

function largestPart(parts: Position[][][]): Position[][] | undefined {
  return parts.reduce<Position[][] | undefined>(
    (best, p) => (best === undefined || ringAreaKm2(p[0] ?? []) > ringAreaKm2(best[0] ?? []) ? p : best),
    undefined,
  );
}

/** The polygon parts of one country worth keeping, largest part always included. */
function keptParts(parts: Position[][][]): Position[][][] {
  const largest = largestPart(parts);
  return parts.filter((part) => {
    const outer = part[0] ?? [];
    const box = ringBBox(outer);
    if (!bboxesIntersect(box, PART_REGION)) return false;
    return part === largest || ringAreaKm2(outer) >= zoneAt(bboxCenter(box)).minIslandKm2;
  });
}

/**
 * Natural Earth closes Russia's mainland ring along the antimeridian with a few
 * vertices at lon −180. On a sphere that is the same meridian as +180, but a
 * flat map such as MapLibre would draw an edge across the whole world. Every
 * part we keep lies east of Greenwich, so −180 can only mean +180 here.
 */
function onEasternSide(part: Position[][]): Position[][] {
  return part.map((ring) => ring.map(([lon = 0, lat = 0]) => [lon === -180 ? 180 : lon, lat]));
}

/** The countries touching the story region, with their parts filtered, as GeoJSON. */
export function selectCountries(source: SourceTopology): FeatureCollection<Polygon | MultiPolygon, CountryProperties> {
  const countries: CountryFeature[] = [];
  for (const f of feature(source, source.objects.countries).features) {
    const geometry = f.geometry;
    // Natural Earth's disputed reefs (Spratly Is., Scarborough Reef) have no ISO code; we leave them out.
    if (f.id === undefined || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) continue;
    const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    if (!parts.some((p) => bboxesIntersect(ringBBox(p[0] ?? []), STORY_REGION))) continue;
    const kept = keptParts(parts).map(onEasternSide);
    if (kept.length === 0) continue;
    const id = String(f.id);
    countries.push({
      type: 'Feature',
      id,
      properties: { id, name: f.properties?.name ?? id },
      geometry: kept.length === 1 ? { type: 'Polygon', coordinates: kept[0] ?? [] } : { type: 'MultiPolygon', coordinates: kept },
    });
  }
  countries.sort((a, b) => a.properties.id.localeCompare(b.properties.id));
  return { type: 'FeatureCollection', features: countries };
}

/** Countries whose main land is smaller than this are simplified much less (see below). */
export const MICROSTATE_KM2 = 2000;
const MICROSTATE_WEIGHT = 100;

const vertexKey = (p: readonly number[]): string => `${p[0]},${p[1]}`;

/**
 * Vertices of small countries' main land (Singapore, Macao, Hong Kong, Guam…).
 * At the story region's simplification they would collapse to nothing and the
 * country would vanish; weighting them up keeps a recognisable outline for a
 * few dozen vertices each.
 */
export function microstateVertices(countries: readonly CountryFeature[]): Set<string> {
  const keys = new Set<string>();
  for (const c of countries) {
    const parts = c.geometry.type === 'Polygon' ? [c.geometry.coordinates] : c.geometry.coordinates;
    const outer = largestPart(parts)?.[0] ?? [];
    if (ringAreaKm2(outer) < MICROSTATE_KM2) for (const p of outer) keys.add(vertexKey(p));
  }
  return keys;
}

/** Visvalingam weight measured as it looks on a Web-Mercator map, scaled by zone. */
export function triangleWeight(triangle: Triangle, keep: ReadonlySet<string> = new Set()): number {
  const middle = triangle[1];
  const cos = Math.cos((middle[1] * Math.PI) / 180);
  const boost = keep.has(vertexKey(middle)) ? MICROSTATE_WEIGHT : 1;
  return (planarTriangleArea(triangle) / (cos * cos)) * zoneAt(middle).weight * boost;
}

export type BuildOptions = { minWeight?: number; quantization?: number };

export function buildBasemap(source: SourceTopology, options: BuildOptions = {}): Basemap {
  const { minWeight = MIN_WEIGHT, quantization = QUANTIZATION } = options;
  const selected = selectCountries(source);
  const keep = microstateVertices(selected.features);
  // No quantisation here: world-atlas coordinates decode bit-identically on
  // both sides of a border, so the server finds every shared arc exactly.
  const full = topology({ countries: selected }) as Basemap;
  const simplified = simplify(presimplify(full, (t) => triangleWeight(t, keep)), minWeight);
  // Simplification can collapse a small island's ring to a line; drop those.
  const cleaned = filter(simplified, filterWeight(simplified, Number.MIN_VALUE, planarRingArea)) as Basemap;
  return quantize(cleaned, quantization);
}

export function serializeBasemap(basemap: Basemap): string {
  return JSON.stringify(basemap);
}

export function loadSource(path: string = SOURCE_FILE): SourceTopology {
  return JSON.parse(readFileSync(path, 'utf8')) as SourceTopology;
}

export function writeBasemap(): { raw: number; gzip: number } {
  const text = serializeBasemap(buildBasemap(loadSource()));
  writeText(BASEMAP_FILE, text);
  return { raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length };
}

if (isMain(import.meta.url)) {
  const { raw, gzip } = writeBasemap();
  console.log(`wrote ${BASEMAP_FILE} (${(raw / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip)`);
}
