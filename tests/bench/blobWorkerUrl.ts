/**
 * Stands in for `maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url` when the
 * benchmark builds the app with MapLibre 4 or 5's default bundle (see
 * `variants.ts`). That bundle has already pointed its worker URL at a blob:
 * of its inlined worker; handing the same URL back makes the app's
 * `setWorkerUrl(workerUrl)` a no-op instead of breaking the worker.
 */
import { getWorkerUrl } from 'maplibre-gl';

export default getWorkerUrl();
