/**
 * Regenerates every derived file in `geo/` (`npm run geo`): the basemap
 * topology from Natural Earth, the train route and the flight arcs from
 * `places.geojson` and the coordinates written in the scripts. The outputs
 * are committed because the app build reads them; the scripts are
 * deterministic, so re-running this only changes files whose inputs changed.
 */
import { BASEMAP_FILE, writeBasemap } from './basemap';
import { FLIGHTS_FILE, writeFlights } from './flights';
import { TRAIN_ROUTE_FILE, writeTrainRoute } from './train-route';

const { raw, gzip } = writeBasemap();
console.log(`wrote ${BASEMAP_FILE} (${(raw / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip)`);
writeTrainRoute();
console.log(`wrote ${TRAIN_ROUTE_FILE}`);
writeFlights();
console.log(`wrote ${FLIGHTS_FILE}`);
