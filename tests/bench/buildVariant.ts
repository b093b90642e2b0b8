/**
 * Child process entry: builds the app with one MapLibre candidate through
 * Vite's programmatic `build()`, on top of the project's own vite.config.ts
 * (left unchanged), with aliases that swap MapLibre and a separate outDir.
 *
 *   tsx tests/bench/buildVariant.ts v5-csp
 *
 * Run as its own process so the build's time and memory are its own.
 */
import { join } from 'node:path';
import { build } from 'vite';
import { mapLibreChunk } from '../../vite.config';
import { isMapLibreModule, VARIANTS } from './variants';

const id = process.argv[2];
const variant = VARIANTS.find((v) => v.id === id);
if (!variant?.aliases) {
  console.error(`buildVariant: no aliased variant "${id}" (one of ${VARIANTS.filter((v) => v.aliases).map((v) => v.id).join(', ')})`);
  process.exit(2);
}

await build({
  configFile: join(import.meta.dirname, '..', '..', 'vite.config.ts'),
  logLevel: 'warn',
  resolve: { alias: variant.aliases },
  build: {
    outDir: variant.outDir,
    emptyOutDir: true,
    // The project's manualChunks matches node_modules/maplibre-gl/ only; the aliased packages live
    // elsewhere. Without this MapLibre would land in the app's chunks and fail the payload budget.
    // Its CSS goes apart from its JS, as in the project.
    rollupOptions: { output: { manualChunks: (module: string) => (isMapLibreModule(module) ? mapLibreChunk(module) : undefined) } },
  },
});
