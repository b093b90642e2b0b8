/**
 * Builds the reference reproduction into `tests/bench/.dist-reference/`:
 * the template's page, script and styles from this folder, MapLibre 4.7's
 * UMD bundle and CSS (the template loads the UMD build), `config.js` with this
 * story's chapters (Dutch text, the steps' cameras), and `countries.geojson`:
 * the region's countries from Natural Earth 1:50m as plain GeoJSON, the
 * "same country data" of the reference figures (which put it at about
 * 91 KB gzip; with coordinates to 3 decimals, about 110 m, this one is 110 KB).
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadSource, selectCountries } from '../../../geo/basemap';

const repo = join(import.meta.dirname, '..', '..', '..');
export const REFERENCE_DIR = join(repo, 'tests', 'bench', '.dist-reference');
const require = createRequire(import.meta.url);

type Coordinates = number | Coordinates[];
const rounded = (c: Coordinates): Coordinates => (typeof c === 'number' ? Math.round(c * 1000) / 1000 : c.map(rounded));

interface ExportedStep {
  id: string;
  title: { nl: string };
  text: { nl: string };
  camera: { center: [number, number]; zoom: number; bearing: number; pitch: number };
}

/** The template's config: a style with the one GeoJSON source, and one chapter per step. */
function templateConfig(story: { title: { nl: string }; steps: ExportedStep[] }) {
  return {
    theme: 'light',
    title: story.title.nl,
    footer: 'Bronnen: vijf Nederlandstalige nieuwsberichten, 2019–2021.',
    style: {
      version: 8,
      sources: { countries: { type: 'geojson', data: './countries.geojson' } },
      layers: [
        { id: 'background', type: 'background', paint: { 'background-color': '#d6e2ea' } },
        { id: 'countries', type: 'fill', source: 'countries', paint: { 'fill-color': '#f3efe6' } },
        { id: 'borders', type: 'line', source: 'countries', paint: { 'line-color': '#9a9184', 'line-width': 0.8 } },
      ],
    },
    chapters: story.steps.map((step) => ({
      id: step.id,
      alignment: 'left',
      title: step.title.nl,
      description: step.text.nl,
      location: step.camera,
      mapAnimation: 'flyTo',
      onChapterEnter: [],
      onChapterExit: [],
    })),
  };
}

/** Write the reference site; `storyDist` is a build of the app (for the story's steps). */
export function buildReference(storyDist: string): string {
  const storyFile = join(storyDist, 'stories', 'trump-kim-summits.json');
  const story = JSON.parse(readFileSync(storyFile, 'utf8')) as { title: { nl: string }; steps: ExportedStep[] };
  rmSync(REFERENCE_DIR, { recursive: true, force: true });
  mkdirSync(REFERENCE_DIR, { recursive: true });
  for (const file of ['index.html', 'app.js', 'template.css']) copyFileSync(join(import.meta.dirname, file), join(REFERENCE_DIR, file));
  const mapLibreDist = join(require.resolve('maplibre-gl-v4/package.json'), '..', 'dist');
  copyFileSync(join(mapLibreDist, 'maplibre-gl.js'), join(REFERENCE_DIR, 'maplibre-gl.js'));
  copyFileSync(join(mapLibreDist, 'maplibre-gl.css'), join(REFERENCE_DIR, 'maplibre-gl.css'));
  writeFileSync(join(REFERENCE_DIR, 'config.js'), `var config = ${JSON.stringify(templateConfig(story), null, 2)};\n`);
  const countries = selectCountries(loadSource(require.resolve('world-atlas/countries-50m.json')));
  for (const f of countries.features) f.geometry.coordinates = rounded(f.geometry.coordinates) as never;
  writeFileSync(join(REFERENCE_DIR, 'countries.geojson'), JSON.stringify(countries));
  return REFERENCE_DIR;
}
