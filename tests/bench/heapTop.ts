/**
 * A diagnostic: loads a built site once, scrolls through it, and prints what
 * the main thread's heap holds by constructor (self sizes after a GC), to
 * see where a page's memory goes.   npx tsx tests/bench/heapTop.ts [--reference]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openColdPage } from './measureRun';
import { mapSettled, scrollThrough } from './pageActions';
import { startStaticServer } from './staticServer';
import { BENCH_PAGE } from './storyInfo';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

const reference = process.argv.includes('--reference');
const root = join(import.meta.dirname, reference ? '.dist-reference' : '.dist-v6');
const server = await startStaticServer({ root, network: null, page: reference ? '/' : BENCH_PAGE });
const cold = await openColdPage('running');
try {
  await cold.page.goto(server.page);
  await cold.page.waitForFunction(() => (window as unknown as { __bench: { data: { mapIdle: number | null } } }).__bench.data.mapIdle !== null, null, { timeout: 60_000 });
  await scrollThrough(cold.page, 300);
  await mapSettled(cold.page);
  const { cdp } = cold;
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e: { chunk: string }) => chunks.push(e.chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  const save = process.argv.find((a) => a.startsWith('--save='))?.slice(7);
  if (save) writeFileSync(save, chunks.join(''));
  const snap = JSON.parse(chunks.join('')) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [T, N, S] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
  const by = new Map<string, { size: number; count: number }>();
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + T]!]!;
    const name = type === 'object' || type === 'closure' ? snap.strings[snap.nodes[i + N]!]! : `(${type})`;
    const size = snap.nodes[i + S]!;
    total += size;
    const e = by.get(name) ?? { size: 0, count: 0 };
    e.size += size;
    e.count++;
    by.set(name, e);
  }
  console.log(`total ${(total / 1024 / 1024).toFixed(2)} MB`);
  for (const [k, v] of [...by].sort((a, b) => b[1].size - a[1].size).slice(0, 30)) console.log(`${(v.size / 1024).toFixed(0).padStart(7)} KB ${String(v.count).padStart(7)}  ${k.slice(0, 80)}`);
} finally {
  await cold.browser.close();
  await server.close();
}
