/** A diagnostic: one cold load of a built site; prints when the first frame was presented, the map visible, created, loaded and painted.   npx tsx tests/bench/loadOnce.ts <dir> [page] */
import { measureLoad } from './measureRun';
import { startStaticServer } from './staticServer';

const server = await startStaticServer({ root: process.argv[2]!, network: null, page: process.argv[3] ?? '/trump-kim-summits/' });
const r = await measureLoad({ server, browser: 'running' });
const f = (n: number | null) => (n === null ? '—' : n.toFixed(0));
console.log(`fcp ${f(r.fcpPaintMs)} presented ${f(r.fcpMs)} visible ${f(r.mapVisibleMs)} created ${f(r.mapFoundMs)} load ${f(r.mapLoadMs)} idle ${f(r.mapIdleMs)} long tasks ${r.load.count} tbt ${f(r.load.tbtMs)}`);
await server.close();
