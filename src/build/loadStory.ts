/**
 * Node-side loading of story folders: finds every `stories/<folder>/`, reads
 * its `story.yaml`, source articles and own geography, merges that with the
 * shared gazetteer in `geo/`, validates it with the one schema, and reports
 * every problem as `file:line:column field: message`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseStory, StoryValidationError, formatPath, type PlaceRecord, type ShapeRecord, type StoryRefs } from '../story/schema';
import { readYaml } from '../story/yamlPositions';
import type { Lang, LngLat, Story } from '../story/model';
import { catalogueFor } from '../ui/catalogues/index';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MultiPolygon, Polygon } from 'geojson';
import { distanceToOutlineKm, pointInGeometry } from '../../geo/geometry';

export class StoryBuildError extends Error {
  constructor(readonly problems: string[]) {
    super(`Story validation failed:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'StoryBuildError';
  }
}

interface GeoFeature {
  geometry: { type: string; coordinates: unknown };
  properties: Record<string, unknown>;
}
interface GeoCollection {
  features: GeoFeature[];
}

/** Ids a story may not take: they are folders of the built site. */
export const RESERVED_IDS = new Set(['assets', 'stories']);

/** The folder that holds the stories: `stories/`, or `$STORY_MAP_STORIES` (for tests and other sites). */
export function storiesDir(root: string): string {
  const dir = process.env.STORY_MAP_STORIES;
  return dir ? (isAbsolute(dir) ? dir : resolve(root, dir)) : join(root, 'stories');
}

/** Where `"id": "<id>"` is written in a JSON file, for messages. */
function lineOfId(text: string, id: string): number {
  const at = text.search(new RegExp(`"id"\\s*:\\s*${JSON.stringify(id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}

function readPlaces(file: string, shown: string, problems: string[]): { records: PlaceRecord[]; text: string } {
  const text = readFileSync(file, 'utf8');
  let collection: GeoCollection;
  try {
    collection = JSON.parse(text) as GeoCollection;
  } catch (error) {
    problems.push(`${shown}:1:1 ${(error as Error).message}`);
    return { records: [], text };
  }
  const records: PlaceRecord[] = [];
  for (const f of collection.features ?? []) {
    const p = f.properties ?? {};
    const id = String(p.id ?? '');
    const at = `${shown}:${lineOfId(text, id)}:1 features[id=${id}]`;
    const c = f.geometry?.coordinates;
    if (f.geometry?.type !== 'Point' || !Array.isArray(c) || c.length < 2 || !c.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      problems.push(`${at}.geometry: a place is a Point with [longitude, latitude]`);
      continue;
    }
    if (typeof p.name !== 'object' || p.name === null || typeof p.provenance !== 'string' || p.provenance.length === 0) {
      problems.push(`${at}.properties: a place needs a \`name\` per language and a \`provenance\` saying where the coordinate comes from`);
      continue;
    }
    records.push({
      id,
      name: p.name as PlaceRecord['name'],
      kind: (['city', 'venue', 'landmark', 'station'].includes(String(p.kind)) ? p.kind : 'city') as PlaceRecord['kind'],
      coordinates: [c[0], c[1]] as LngLat,
      aliases: Array.isArray(p.aliases) ? p.aliases.map(String) : [],
      provenance: p.provenance,
      ...(p.labelSide === 'left' ? { labelSide: 'left' as const } : {}),
    });
  }
  return { records, text };
}

function readShapes(file: string): ShapeRecord[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as GeoCollection).features.map((f) => ({
    id: String(f.properties.id),
    geometry: f.geometry as ShapeRecord['geometry'],
    naturalEarth: f.properties.source === 'natural-earth',
    ...(typeof f.properties.provenance === 'object' && f.properties.provenance !== null
      ? { provenance: f.properties.provenance as ShapeRecord['provenance'] }
      : {}),
  }));
}

/** Basemap countries (ISO 3166 numeric code and name) and the country a point lies in, from the TopoJSON. */
function readCountries(file: string): Pick<StoryRefs, 'countries' | 'countryOf'> {
  const topo = JSON.parse(readFileSync(file, 'utf8')) as Topology;
  const shapes = feature(topo, topo.objects.countries as GeometryCollection<{ name?: string }>).features;
  const polygons = shapes.filter((f): f is typeof f & { geometry: Polygon | MultiPolygon } => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon');
  return {
    countries: shapes.map((f) => ({ id: String(f.id ?? ''), name: f.properties?.name ?? '' })),
    // Inside, or within 5 km of the coast: the basemap is generalised (Sentosa is missing at 1:10m).
    countryOf: (point) =>
      polygons.find((f) => pointInGeometry(point, f.geometry))?.id?.toString() ??
      polygons.find((f) => distanceToOutlineKm(point, f.geometry) < 5)?.id?.toString(),
  };
}

/**
 * Everything a story may refer to: the shared gazetteer in `geo/` and the
 * story folder's own `places.geojson` and `shapes.geojson`, which add to it.
 * A place id given two different coordinates is an error, wherever it is.
 */
export function loadRefs(root: string, storyDir: string): { refs: Omit<StoryRefs, 'files'>; files: string[]; problems: string[] } {
  const geoDir = join(root, 'geo');
  const problems: string[] = [];
  const shared = readPlaces(join(geoDir, 'places.geojson'), relative(root, join(geoDir, 'places.geojson')), problems);
  const places = new Map(shared.records.map((p) => [p.id, p]));
  const files = [join(geoDir, 'places.geojson'), join(geoDir, 'shapes.geojson'), join(geoDir, 'basemap.topo.json')];
  const ownPlaces = join(storyDir, 'places.geojson');
  if (existsSync(ownPlaces)) {
    const shown = relative(root, ownPlaces);
    const own = readPlaces(ownPlaces, shown, problems);
    for (const p of own.records) {
      const before = places.get(p.id);
      if (before && (before.coordinates[0] !== p.coordinates[0] || before.coordinates[1] !== p.coordinates[1])) {
        problems.push(
          `${shown}:${lineOfId(own.text, p.id)}:1 features[id=${p.id}].geometry: place "${p.id}" is at [${p.coordinates.join(', ')}] here ` +
            `but at [${before.coordinates.join(', ')}] in geo/places.geojson: one place has one position (rename it if it is another place)`,
        );
      }
      if (!before) places.set(p.id, p);
    }
    files.push(ownPlaces);
  }
  const shapes = readShapes(join(geoDir, 'shapes.geojson'));
  const ownShapes = join(storyDir, 'shapes.geojson');
  if (existsSync(ownShapes)) {
    const text = readFileSync(ownShapes, 'utf8');
    for (const shape of readShapes(ownShapes)) {
      // One shape id, one shape: a story's own shape cannot silently lose to (or replace) a shared one.
      if (shapes.some((s) => s.id === shape.id)) {
        problems.push(`${relative(root, ownShapes)}:${lineOfId(text, shape.id)}:1 features[id=${shape.id}]: shape "${shape.id}" is also in geo/shapes.geojson: give this one another id`);
      } else shapes.push(shape);
    }
    files.push(ownShapes);
  }
  return {
    refs: { places: [...places.values()], shapes, ...readCountries(join(geoDir, 'basemap.topo.json')), catalogue: (l: Lang) => catalogueFor(l) },
    files,
    problems,
  };
}

function readFolderFiles(storyDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const sourcesDir = join(storyDir, 'sources');
  if (!existsSync(sourcesDir)) return files;
  for (const name of readdirSync(sourcesDir)) {
    if (name.endsWith('.txt')) files[`sources/${name}`] = readFileSync(join(sourcesDir, name), 'utf8');
  }
  return files;
}

/** Parse and check one story file against refs; throws `StoryBuildError` naming file, line and field. */
export function checkStoryFile(file: string, yamlText: string, refs: StoryRefs, displayRoot = process.cwd()): Story {
  const shown = relative(displayRoot, file) || file;
  const yaml = readYaml(yamlText);
  if (yaml.errors.length > 0) {
    throw new StoryBuildError(yaml.errors.map((e) => `${shown}:${e.position.line}:${e.position.column} ${e.message}`));
  }
  try {
    return parseStory(yaml.data, refs);
  } catch (error) {
    if (!(error instanceof StoryValidationError)) throw error;
    throw new StoryBuildError(
      error.issues.map((issue) => {
        const { line, column } = yaml.positionOf(issue.path);
        return `${shown}:${line}:${column} ${formatPath(issue.path)}: ${issue.message}`;
      }),
    );
  }
}

export interface StoryFolder {
  /** The story's id (its `id:`), which names its page and its embeds. */
  id: string;
  /** The folder, absolute. */
  dir: string;
}

/** The `id:` a story file declares and where, read without validating the rest (for discovery). */
function declaredId(yamlText: string): { id: string | undefined; at: string } {
  const yaml = readYaml(yamlText);
  const data = yaml.data;
  const id = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).id : undefined;
  const { line, column } = yaml.positionOf(['id']);
  return { id: typeof id === 'string' ? id : undefined, at: `${line}:${column}` };
}

/**
 * Every story folder under the stories folder, by id. Each folder must hold
 * a `story.yaml`; two folders may not declare the same id, nor a reserved one.
 */
export function discoverStories(root: string): StoryFolder[] {
  const dir = storiesDir(root);
  const problems: string[] = [];
  const found = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const file = join(dir, entry.name, 'story.yaml');
    const shown = relative(root, file);
    if (!existsSync(file)) {
      problems.push(`${relative(root, join(dir, entry.name))}: a story folder needs a story.yaml (npm run new-story -- <id> makes one)`);
      continue;
    }
    const declared = declaredId(readFileSync(file, 'utf8'));
    const id = declared.id ?? entry.name;
    if (RESERVED_IDS.has(id)) problems.push(`${shown}:${declared.at} id: "${id}" is reserved for the site's own files; choose another id`);
    const other = found.get(id);
    if (other) {
      problems.push(`${shown}:${declared.at} id: "${id}" is also the id of ${relative(root, join(other, 'story.yaml'))}: every story needs its own id`);
      continue;
    }
    found.set(id, join(dir, entry.name));
  }
  if (problems.length > 0) throw new StoryBuildError(problems);
  return [...found].map(([id, d]) => ({ id, dir: d }));
}

/** Load one story folder with its sources and geography; `watchFiles` are the files it was made from. */
export function loadStoryFolder(root: string, folder: StoryFolder): { story: Story; watchFiles: string[] } {
  const file = join(folder.dir, 'story.yaml');
  const { refs, files, problems } = loadRefs(root, folder.dir);
  if (problems.length > 0) throw new StoryBuildError(problems);
  const sources = readFolderFiles(folder.dir);
  const story = checkStoryFile(file, readFileSync(file, 'utf8'), { ...refs, files: sources }, root);
  return { story, watchFiles: [file, ...Object.keys(sources).map((f) => join(folder.dir, f)), ...files] };
}

/** Load the story with id `id` from the stories folder. */
export function loadStory(root: string, id: string): { story: Story; watchFiles: string[] } {
  const folder = discoverStories(root).find((s) => s.id === id);
  if (!folder) throw new StoryBuildError([`${relative(root, storiesDir(root))}: no story with id "${id}"`]);
  return loadStoryFolder(root, folder);
}

/** Ids of the stories under the stories folder. */
export function listStories(root: string): string[] {
  return discoverStories(root).map((s) => s.id);
}
