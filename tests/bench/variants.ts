/**
 * The MapLibre versions the benchmark compares, and how the same app is
 * built with each. Only data: `buildVariant.ts` hands the aliases to Vite.
 *
 * The app imports three things from MapLibre (src/map/createStoryMap.ts,
 * src/main.tsx, src/embed/*): the library (`maplibre-gl`), its worker as a
 * file URL (`maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url`, passed to
 * `setWorkerUrl`) and its CSS. MapLibre 4 and 5 ship no `.mjs` worker:
 *
 * - their default bundle `dist/maplibre-gl.js` (UMD) carries the worker as a
 *   string and points `setWorkerUrl` at a `blob:` URL of it when it loads. The
 *   worker import is aliased to `blobWorkerUrl.ts`, which hands the app that
 *   same URL back, so the app's `setWorkerUrl` call changes nothing;
 * - their CSP build, `dist/maplibre-gl-csp.js`, has no worker inside; the
 *   worker import is aliased to `dist/maplibre-gl-csp-worker.js?url`, which Vite
 *   copies as a file next to the app, as v6's worker is.
 *
 * Both 4 and 5 export `setWorkerUrl` and `getWorkerUrl` (their d.ts), like 6.
 */
import { join } from 'node:path';

export type VariantId = 'v6' | 'v5' | 'v5-csp' | 'v4' | 'v4-csp';

/** One Vite alias entry (the subset of Vite's `Alias` the variants use). */
export interface BenchAlias {
  find: RegExp;
  replacement: string;
}

export interface Variant {
  id: VariantId;
  /** For the report, e.g. "5.24.1 UMD (blob worker)". */
  label: string;
  /** The npm package directory under node_modules. */
  packageName: 'maplibre-gl' | 'maplibre-gl-v5' | 'maplibre-gl-v4';
  /** Built site directory. */
  outDir: string;
  /** Vite aliases that swap MapLibre; null: the project's own build (`npx vite build`, into its own folder so `dist/` is left alone). */
  aliases: BenchAlias[] | null;
}

const repo = join(import.meta.dirname, '..', '..');

/** The three import specifiers the app uses, as the alias plugin sees them (query included). */
const WORKER_IMPORT = /^maplibre-gl\/dist\/maplibre-gl-worker\.mjs\?worker&url$/;
// No `$`: keeps a query such as the embed's `?inline`.
const CSS_IMPORT = /^maplibre-gl\/dist\/maplibre-gl\.css(?=$|\?)/;
const MAIN_IMPORT = /^maplibre-gl$/;

// The compared versions are the benchmark's own dependencies (tests/bench/package.json); 6 is the app's.
const distOf = (pkg: Variant['packageName']) => join(pkg === 'maplibre-gl' ? repo : import.meta.dirname, 'node_modules', pkg, 'dist');

/** MapLibre 4/5's default UMD bundle: worker inlined, started from a blob: URL. */
function umdAliases(pkg: Variant['packageName']): BenchAlias[] {
  return [
    { find: WORKER_IMPORT, replacement: join(import.meta.dirname, 'blobWorkerUrl.ts') },
    { find: CSS_IMPORT, replacement: join(distOf(pkg), 'maplibre-gl.css') },
    { find: MAIN_IMPORT, replacement: join(distOf(pkg), 'maplibre-gl.js') },
  ];
}

/** MapLibre 4/5's CSP build: the worker as a separate same-origin file. */
function cspAliases(pkg: Variant['packageName']): BenchAlias[] {
  return [
    { find: WORKER_IMPORT, replacement: `${join(distOf(pkg), 'maplibre-gl-csp-worker.js')}?url` },
    { find: CSS_IMPORT, replacement: join(distOf(pkg), 'maplibre-gl.css') },
    { find: MAIN_IMPORT, replacement: join(distOf(pkg), 'maplibre-gl-csp.js') },
  ];
}

const benchDist = (id: VariantId) => join(import.meta.dirname, `.dist-${id}`);

/** Every variant, in report order; the first is the project's current build. */
export const VARIANTS: readonly Variant[] = [
  { id: 'v6', label: '6.17 ESM (current)', packageName: 'maplibre-gl', outDir: benchDist('v6'), aliases: null },
  { id: 'v5', label: '5.24 UMD', packageName: 'maplibre-gl-v5', outDir: benchDist('v5'), aliases: umdAliases('maplibre-gl-v5') },
  { id: 'v5-csp', label: '5.24 CSP', packageName: 'maplibre-gl-v5', outDir: benchDist('v5-csp'), aliases: cspAliases('maplibre-gl-v5') },
  { id: 'v4', label: '4.7 UMD', packageName: 'maplibre-gl-v4', outDir: benchDist('v4'), aliases: umdAliases('maplibre-gl-v4') },
  { id: 'v4-csp', label: '4.7 CSP', packageName: 'maplibre-gl-v4', outDir: benchDist('v4-csp'), aliases: cspAliases('maplibre-gl-v4') },
];

/** What `--maplibre` accepts: a major version (both of its bundles), `all`, or variant ids separated by commas. */
export function selectVariants(choice: string): Variant[] {
  const groups: Record<string, VariantId[]> = {
    v6: ['v6'],
    v5: ['v5', 'v5-csp'],
    v4: ['v4', 'v4-csp'],
    all: VARIANTS.map((v) => v.id),
  };
  const ids = new Set<VariantId>();
  for (const part of choice.split(',').map((s) => s.trim())) {
    const group = groups[part] ?? VARIANTS.filter((v) => v.id === part).map((v) => v.id);
    if (group.length === 0) throw new Error(`--maplibre: unknown "${part}" (use v6, v5, v4, all, or ids: ${VARIANTS.map((v) => v.id).join(', ')})`);
    group.forEach((id) => ids.add(id));
  }
  return VARIANTS.filter((v) => ids.has(v.id));
}

/** Chunk MapLibre apart as the project's config does, also when it comes from an aliased package. */
export const isMapLibreModule = (id: string): boolean => /\/node_modules\/maplibre-gl(-v\d+)?\//.test(id);
