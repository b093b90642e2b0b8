/** Regenerates every derived file in `geo/` (`npm run geo`); see geo/README.md. */
import { BASEMAP_FILE, writeBasemap } from './basemap';
import { SHAPES_FILE, writeShapes } from './shapes';

const { raw, gzip } = writeBasemap();
console.log(`wrote ${BASEMAP_FILE} (${(raw / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip)`);
writeShapes();
console.log(`wrote ${SHAPES_FILE}`);
