/**
 * Node-side loading of a story folder: reads `stories/<id>/story.yaml`, its
 * source articles and the geo data it refers to, validates it with the one
 * schema, and reports every problem as `file:line:column field: message`.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseStory, StoryValidationError, formatPath, type PlaceRecord, type StoryRefs } from '../story/schema';
import { readYaml } from '../story/yamlPositions';
import type { FlightEstimate, Story } from '../story/model';

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

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** The geo data a story may refer to: places, train stations and computed flights. */
export function loadGeoRefs(geoDir: string): Omit<StoryRefs, 'files'> {
  const places = readJson<GeoCollection>(join(geoDir, 'places.geojson')).features.map(
    (f): PlaceRecord => ({
      id: String(f.properties.id),
      name: f.properties.name as PlaceRecord['name'],
      kind: f.properties.kind as PlaceRecord['kind'],
      coordinates: f.geometry.coordinates as PlaceRecord['coordinates'],
      aliases: (f.properties.aliases as string[] | undefined) ?? [],
      provenance: String(f.properties.provenance ?? ''),
      ...(f.properties.labelSide === 'left' ? { labelSide: 'left' as const } : {}),
    }),
  );
  const stations = readJson<GeoCollection>(join(geoDir, 'train-route.geojson'))
    .features.filter((f) => f.geometry.type === 'Point')
    // lineProgress is the station's position along the line as drawn in Web Mercator, the measure by which
    // src/map/routeLine.ts cuts the route; it differs from the share of the ground distance by up to 3 %.
    .map((f) => ({ id: String(f.properties.id), fraction: Number(f.properties.lineProgress) }));
  const ghost = readJson<GeoCollection>(join(geoDir, 'flights.geojson')).features.find(
    (f) => f.properties.id === 'ghost',
  );
  const calculations: StoryRefs['calculations'] = {};
  if (ghost) {
    const p = ghost.properties;
    calculations['ghost-flight'] = {
      from: String(p.from),
      to: String(p.to),
      distanceKm: Number(p.distanceKm),
      cruiseSpeedKmh: Number(p.cruiseSpeedKmh),
      flightMinutes: Number(p.flightMinutes),
    } satisfies FlightEstimate;
  }
  return { places, stations, calculations };
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

/** Load `stories/<id>/story.yaml` with its sources and the geo data. */
export function loadStory(root: string, id: string): { story: Story; watchFiles: string[] } {
  const storyDir = join(root, 'stories', id);
  const file = join(storyDir, 'story.yaml');
  if (!existsSync(file)) throw new StoryBuildError([`${relative(root, file)}: story file not found`]);
  const files = readFolderFiles(storyDir);
  const geoDir = join(root, 'geo');
  const story = checkStoryFile(file, readFileSync(file, 'utf8'), { ...loadGeoRefs(geoDir), files }, root);
  if (story.id !== id) {
    throw new StoryBuildError([`${relative(root, file)}:1:1 id: is "${story.id}" but the folder is "${id}"`]);
  }
  const watchFiles = [
    file,
    ...Object.keys(files).map((f) => join(storyDir, f)),
    ...['places.geojson', 'train-route.geojson', 'flights.geojson'].map((f) => join(geoDir, f)),
  ];
  return { story, watchFiles };
}

/** Ids of the stories under `stories/`, one folder each. */
export function listStories(root: string): string[] {
  const dir = join(root, 'stories');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'story.yaml')))
    .map((d) => d.name)
    .sort();
}
