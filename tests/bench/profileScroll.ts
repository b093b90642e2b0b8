/**
 * A diagnostic: loads a built site once, then profiles one scroll pass (or,
 * with --load, the load until the map's first idle) with V8's sampling
 * profiler and prints the functions with the most self time and the main
 * thread's script/layout/style split.
 *   npx tsx tests/bench/profileScroll.ts [--reference] [--load] [--callers=name,…]
 */
import { join } from 'node:path';
import { openColdPage } from './measureRun';
import { scrollThrough, mapSettled } from './pageActions';
import { startStaticServer } from './staticServer';
import { BENCH_PAGE } from './storyInfo';
import { traceMainThread } from './mainThreadTrace';

const reference = process.argv.includes('--reference');
const root = join(import.meta.dirname, reference ? '.dist-reference' : '.dist-v6');
const server = await startStaticServer({ root, network: null, page: reference ? '/' : BENCH_PAGE });
// --load: the load until the map's first idle instead of a scroll pass.
const load = process.argv.includes('--load');
const cold = await openColdPage('running');
try {
  const { cdp } = cold;
  const idle = () => cold.page.waitForFunction(() => (window as unknown as { __bench: { data: { mapIdle: number | null } } }).__bench.data.mapIdle !== null, null, { timeout: 60_000 });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Performance.enable');
  if (!load) {
    await cold.page.goto(server.page);
    await idle();
    await cold.page.waitForTimeout(1000);
  }
  const before = (await cdp.send('Performance.getMetrics')).metrics;
  const trace = await traceMainThread(cold.browser, server.url);
  await cdp.send('Profiler.start');
  if (load) {
    await cold.page.goto(server.page);
    await idle();
    const tasks = await cold.page.evaluate(() => (window as unknown as { __bench: { data: { longTasks: Array<{ start: number; duration: number }>; mapIdle: number } } }).__bench.data);
    console.log(`map idle ${tasks.mapIdle.toFixed(0)} ms; long tasks: ${tasks.longTasks.map((t) => `${t.start.toFixed(0)}+${t.duration.toFixed(0)}`).join(', ')}`);
  } else {
    await scrollThrough(cold.page, 300);
    await mapSettled(cold.page);
  }
  const { profile } = await cdp.send('Profiler.stop');
  const traced = await trace.stop();
  const after = (await cdp.send('Performance.getMetrics')).metrics;
  const count = (n: string) => (after.find((m) => m.name === n)?.value ?? 0) - (before.find((m) => m.name === n)?.value ?? 0);
  const d = (n: string) => count(n) * 1000;
  console.log(`trace: script ${traced.scriptMs.toFixed(0)} ms, layout ${traced.layoutMs.toFixed(0)} ms, style ${traced.styleMs.toFixed(0)} ms, busy ${traced.busyMs.toFixed(0)} ms (with the profiler running)`);
  console.log(`CDP metrics (no microtasks): script ${d('ScriptDuration').toFixed(0)} ms, layouts ${count('LayoutCount')}, style recalculations ${count('RecalcStyleCount')}`);
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const n = byId.get(id)!;
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const byFile = new Map<string, number>();
  for (const [k, v] of self) {
    const file = k.split(' ')[1]!.split(':')[0]!.replace(/-[\w-]{8}\.js$/, '.js') || '(native)';
    byFile.set(file, (byFile.get(file) ?? 0) + v);
  }
  console.log([...byFile].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([f, v]) => `${f} ${v.toFixed(0)}`).join(' · '));
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(v.toFixed(1).padStart(8), k);
  // Who calls the functions named on the command line (--callers name,name): self time by caller chain.
  const wanted = process.argv.find((a) => a.startsWith('--callers='))?.slice(10).split(',') ?? [];
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (id: number) => {
    const f = byId.get(id)!.callFrame;
    return `${f.functionName || '(anon)'}@${f.url.split('/').pop()}:${f.columnNumber}`;
  };
  const chains = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    if (!wanted.includes(byId.get(id)!.callFrame.functionName)) return;
    const chain: string[] = [];
    for (let p = parent.get(id), k = 0; p !== undefined && k < 5; p = parent.get(p), k++) chain.push(label(p));
    const key = chain.join(' < ');
    chains.set(key, (chains.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  for (const [k, v] of [...chains].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(v.toFixed(1).padStart(8), k);
} finally {
  await cold.browser.close();
  await server.close();
}
