/**
 * `[BENCH_TRACE_PAGE=/path/] [BENCH_TRACE_ROOT=dir] npx tsx tests/bench/trace.ts [--reference] [--browser running|started]`:
 * one cold load of the built site (or of the reference template) under a Chrome trace of every
 * process, to see where the time until the map's first idle goes. Prints how busy each thread of
 * each process was (renderers named by what they loaded: the page, or the browser's own chrome://
 * pages) and each frame the GPU process presented, and writes the trace for chrome://tracing or
 * Perfetto to tests/bench/results/. A diagnostic beside the benchmark, not part of its numbers.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openColdPage, type BrowserCondition } from './measureRun';
import type { BenchWindow } from './probe';
import { buildReference } from './reference/build';
import { startStaticServer } from './staticServer';
import { ensureBenchInstalled } from './install';
import type { TraceEvent } from './mainThreadTrace';
import { BENCH_PAGE } from './storyInfo';

const repo = join(import.meta.dirname, '..', '..');
const argv = process.argv.slice(2);
const reference = argv.includes('--reference');
const condition: BrowserCondition = argv[argv.indexOf('--browser') + 1] === 'started' ? 'started' : 'running';
// skia.gpu: the drawing operations each raster task ran, by kind (each kind new to SwiftShader compiles its pipeline).
const CATEGORIES = ['blink.user_timing', 'toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'gpu', 'viz', 'loading', 'disabled-by-default-skia.gpu', '__metadata'];

if (reference) ensureBenchInstalled();
// BENCH_TRACE_ROOT: another built site, such as a variant of the page edited by hand.
const root = reference ? buildReference(join(repo, 'dist')) : (process.env.BENCH_TRACE_ROOT ?? join(repo, 'dist'));
const server = await startStaticServer({ root, page: reference ? '/' : (process.env.BENCH_TRACE_PAGE ?? BENCH_PAGE) });
// The browser settles (when `running`) before tracing starts, so the trace holds the page's load only.
const cold = await openColdPage(condition);
const { browser, page } = cold;
const events: TraceEvent[] = [];
try {
  const cdp = await browser.newBrowserCDPSession();
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  await page.goto(server.page);
  await page.waitForFunction(() => (window as unknown as BenchWindow).__bench.data.mapIdle !== null, undefined, { timeout: 60_000 });
  const probe = await page.evaluate(() => (window as unknown as BenchWindow).__bench.data);
  await cdp.send('Tracing.end');
  await complete;

  const navigation = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.startsWith(server.url));
  if (!navigation) throw new Error('no navigationStart of the page in the trace');
  const t0 = navigation.ts;
  const end = (probe.mapIdle ?? 0) * 1000;
  const ms = (us: number) => Math.round(us / 1000);
  const threads = new Map<string, string>();
  const processes = new Map<number, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
    if (e.ph === 'M' && e.name === 'process_name') processes.set(e.pid, e.args?.name ?? '?');
  }
  // A renderer is named by what it loaded: the page, or one of the browser's own pages.
  const loaded = new Map<number, string>();
  for (const e of events) {
    const url = e.name === 'ResourceSendRequest' ? e.args?.data?.url : undefined;
    if (url && !loaded.has(e.pid)) loaded.set(e.pid, url.startsWith(server.url) ? 'the page' : new URL(url).host || url.slice(0, 30));
  }
  const busy = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || e.cat !== 'toplevel' || (e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'ThreadPool_RunTask')) continue;
    const from = Math.max(e.ts - t0, 0);
    const to = Math.min(e.ts - t0 + (e.dur ?? 0), end);
    if (to <= from) continue;
    const process = `${processes.get(e.pid) ?? e.pid}${loaded.has(e.pid) ? ` (${loaded.get(e.pid)})` : ''}`;
    const key = `${process} / ${threads.get(`${e.pid}:${e.tid}`) ?? e.tid}`;
    busy.set(key, (busy.get(key) ?? 0) + (to - from));
  }
  console.log(`${reference ? 'reference template' : 'the story'}, browser ${condition}: text painted ${Math.round(probe.fcpPaint ?? -1)} ms, presented ${Math.round(probe.fcp ?? -1)} ms, map created ${Math.round(probe.mapFound ?? -1)} ms, map idle ${Math.round(probe.mapIdle ?? -1)} ms`);
  console.log(`\nbusy from navigation to map idle (ms):`);
  for (const [key, us] of [...busy].sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(`${String(ms(us)).padStart(6)}  ${key}`);
  const swaps = events.filter((e) => e.name === 'SkiaOutputSurfaceImplOnGpu::SwapBuffers' && e.ph === 'X' && e.ts - t0 < end);
  console.log(`\nframes the GPU process presented until then (start +duration, ms): ${swaps.map((e) => `${ms(e.ts - t0)} +${ms(e.dur ?? 0)}`).join(', ')}`);
  // The kinds of drawing operation the page's rasterisation asked of the GPU process until its first frame was presented.
  const pagePid = [...loaded].find(([, what]) => what === 'the page')?.[0];
  const firstFrame = (probe.fcp ?? 0) * 1000;
  const rasterTasks = events.filter((e) => e.name === 'GPUTask' && e.ph === 'X' && e.args?.data?.renderer_pid === pagePid && e.ts - t0 < firstFrame);
  const ops = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || !/Op$/.test(e.name) || e.name === 'SurfaceDrawContext::addDrawOp') continue;
    if (rasterTasks.some((t) => t.pid === e.pid && t.tid === e.tid && e.ts >= t.ts && e.ts <= t.ts + (t.dur ?? 0))) ops.set(e.name, (ops.get(e.name) ?? 0) + 1);
  }
  console.log(`\nthe page's drawing operations until its first frame: ${[...ops].map(([name, n]) => `${name} ×${n}`).join(', ') || 'none seen'}`);
  const resultsDir = join(import.meta.dirname, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `trace-${reference ? 'reference' : 'story'}-${condition}.json`);
  writeFileSync(file, JSON.stringify({ traceEvents: events }));
  console.log(`\ntrace: ${file}`);
} finally {
  await browser.close();
  await server.close();
}
