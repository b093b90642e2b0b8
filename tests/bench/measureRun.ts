/**
 * One cold run: a fresh Chromium (new profile, empty caches, no compiled
 * shaders or code kept from an earlier run) opens the page at 800×600, and
 * the in-page probe records the load, a scroll-through, a fast jump and the
 * heap after one and three passes through the story. `measureLoad` records
 * the load alone (for the reference template, which has no story steps to pass through).
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { launch } from '../chromium';
import {
  cameraMatches,
  cameraStartLatencies,
  longTaskStats,
  scrollToStepLatencies,
  stepChanges,
  type Latencies,
  type LongTaskStats,
} from './analyze';
import { backToTop, heapBreakdown, jumpToEnd, mapSettled, probeSnapshot, readCamera, scrollThrough, usedHeap, type Jump } from './pageActions';
import { installProbe, NAME_SHIM, type BenchWindow, type ProbeData } from './probe';
import { firstMapFrame, recordFrames, type Rect } from './mapVisible';
import type { StaticServer } from './staticServer';
import { traceMainThread, type MainThreadTime } from './mainThreadTrace';
import type { StepCamera } from './storyInfo';
import { kindOf, wireBytes, type Kind, type WireBytes } from './wire';

/**
 * The browser the page opens in.
 * - `running`: Chromium has started and opened its window before the page is requested, as a
 *   reader's browser has. A new Chromium's first seconds go to its own start-up: its GPU process
 *   compiles the compositor's shaders for the first frame (0.5 s under SwiftShader), and the
 *   window loads the browser's own built-in pages (the address bar's pop-up, about 200 modules),
 *   which on 2 cores compete with the page for the CPU.
 * - `started`: the page is requested the moment Chromium has started, and pays for all that.
 * Both are cold for the page: a new profile, empty HTTP cache, no compiled code or shaders of it.
 */
export type BrowserCondition = 'running' | 'started';
/** How long a `running` browser has to finish starting up (measured: its start-up work ends within about 2 s). */
export const SETTLE_MS = 3000;

export interface LoadOptions {
  server: StaticServer;
  browser: BrowserCondition;
}

export interface RunOptions extends LoadOptions {
  steps: readonly StepCamera[];
  /** Pause on each step during a pass, ms. */
  pauseMs: number;
}

/** What the load measured. Times are ms from navigation start. */
export interface LoadMetrics {
  /** What the page downloaded until the map's first idle. */
  bytes: WireBytes;
  /** The files behind `bytes`. */
  files: Array<{ path: string; kind: Kind; wireBytes: number; rawBytes: number }>;
  fcpMs: number | null;
  fcpPaintMs: number | null;
  lcpMs: number | null;
  firstStepVisibleMs: number | null;
  firstStepPaintMs: number | null;
  /** The first presented frame whose map area shows the map (drawing or canvas), from a screencast. */
  mapVisibleMs: number | null;
  /** Each screencast frame until the map settled: its time and the share of the map area matching the settled map. */
  mapFrames: Array<{ t: number; share: number }>;
  mapFoundMs: number | null;
  mapLoadMs: number | null;
  mapIdleMs: number | null;
  /** Long tasks from navigation until the map's first idle. */
  load: LongTaskStats;
  errors: string[];
  /** Wall time of the whole run, ms. */
  wallMs: number;
}

/** Everything one run measured. Times are ms from navigation start unless named otherwise. */
export interface RunMetrics extends LoadMetrics {
  /** What it downloaded in the whole run (load and three passes). */
  bytesWholeRun: WireBytes;
  /** Long tasks from the first scroll of pass 1 until the map settled after it. */
  scroll: LongTaskStats;
  /** Long tasks in passes 1 to 3, each from its first scroll until the map settled after it (the jump excluded). */
  scrollThreePasses: LongTaskStats;
  /** Main-thread time in pass 1, from a trace (see mainThreadTrace.ts), ms. */
  scrollMainThread: MainThreadTime;
  /** The same from CDP's Performance metrics, which miss script run as microtasks: a diagnostic. */
  scrollMainThreadCdp: CdpMainThreadTime;
  scrollToStep: Latencies;
  cameraStart: Latencies;
  /** How step changes were timed (see `stepChanges`). */
  stepTimedBy: 'setAttribute' | 'MutationObserver';
  /**
   * The same latency timed from the MutationObserver's delivery instead: a diagnostic. When the app starts
   * the camera in the same task as it marks the step, the movestart precedes the delivery and counts as missing.
   */
  cameraStartByMutationObserver: Latencies;
  jump: Jump & { cameraOk: boolean | null };
  heapAfterOnePassBytes: number;
  heapAfterThreePassesBytes: number;
  /** The heap snapshot's size without compiled code (see `heapBreakdown`), after one and three passes. */
  heapObjectsAfterOnePassBytes: number;
  heapObjectsAfterThreePassesBytes: number;
  workers: ProbeData['workers'];
}

/** Main-thread time by kind as CDP's Performance metrics count it, ms. */
export type CdpMainThreadTime = Omit<MainThreadTime, 'busyMs'>;

async function mainThreadTime(cdp: CDPSession): Promise<CdpMainThreadTime> {
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const s = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { scriptMs: s('ScriptDuration'), layoutMs: s('LayoutDuration'), styleMs: s('RecalcStyleDuration') };
}
const since = (a: CdpMainThreadTime, b: CdpMainThreadTime): CdpMainThreadTime => ({ scriptMs: b.scriptMs - a.scriptMs, layoutMs: b.layoutMs - a.layoutMs, styleMs: b.styleMs - a.styleMs });

const VIEWPORT = { width: 800, height: 600 };
/** After the map's first idle, how long the screencast goes on: the app's canvas fades in over 0.4 s. */
const SETTLE_FRAMES_MS = 800;
const FAILED_STATUSES = new Set(['error', 'no-webgl', 'lost']);

/** Wait for the map's first idle; throws with the map's status and the page's errors when it does not come. */
async function waitForMapIdle(page: Page, errors: readonly string[], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let status: string | null = null;
  while (Date.now() < deadline) {
    const state = await page.evaluate(() => ({
      idle: (window as unknown as BenchWindow).__bench.data.mapIdle,
      status: document.querySelector('.sm-map')?.getAttribute('data-map-status') ?? null,
    }));
    status = state.status;
    if (state.idle !== null) return;
    if (status && FAILED_STATUSES.has(status)) break;
    await page.waitForTimeout(100);
  }
  const why = errors.length > 0 ? `; page errors: ${errors.slice(0, 3).join(' | ')}` : '';
  throw new Error(`map did not paint (data-map-status="${status}")${why}`);
}

export interface ColdPage {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  /** The page's errors and console errors, as they come. */
  errors: string[];
}

/** A fresh Chromium with one page, the probe installed, ready to navigate; closed by the caller. */
export async function openColdPage(condition: BrowserCondition): Promise<ColdPage> {
  const browser = await launch();
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  if (condition === 'running') await page.waitForTimeout(SETTLE_MS);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.addInitScript(NAME_SHIM);
  await page.addInitScript(installProbe);
  const cdp = await context.newCDPSession(page);
  return { browser, context, page, cdp, errors };
}

/** Load the site and wait for the map's first idle; what the probe saw until then. */
async function loadSite(cold: ColdPage, server: StaticServer, started: number): Promise<LoadMetrics> {
  server.resetLog();
  const frames = await recordFrames(cold.cdp);
  await cold.page.goto(server.page, { waitUntil: 'load', timeout: 60_000 });
  await waitForMapIdle(cold.page, cold.errors);
  const loaded = await probeSnapshot(cold.page);
  await cold.page.waitForTimeout(SETTLE_FRAMES_MS);
  const { rect, timeOrigin } = await cold.page.evaluate(() => {
    const r = document.querySelector('.sm-map__canvas')!.getBoundingClientRect();
    // Only the part inside the viewport is in the frames.
    const x = Math.max(0, r.left);
    const y = Math.max(0, r.top);
    const rect = { x, y, width: Math.min(innerWidth, r.right) - x, height: Math.min(innerHeight, r.bottom) - y };
    return { rect, timeOrigin: performance.timeOrigin };
  });
  const visible = firstMapFrame(await frames.stop(timeOrigin), rect as Rect);
  return {
    bytes: wireBytes(server.log),
    files: server.log.map((r) => ({ path: r.path, kind: kindOf(r), wireBytes: r.wireBytes, rawBytes: r.rawBytes })),
    fcpMs: loaded.fcp,
    fcpPaintMs: loaded.fcpPaint,
    lcpMs: loaded.lcp,
    firstStepVisibleMs: loaded.firstStepVisible,
    firstStepPaintMs: loaded.firstStepPaint,
    mapVisibleMs: visible.t,
    mapFrames: visible.frames,
    mapFoundMs: loaded.mapFound,
    mapLoadMs: loaded.mapLoad,
    mapIdleMs: loaded.mapIdle,
    load: longTaskStats(loaded.longTasks, 0, loaded.mapIdle ?? 0),
    errors: [...cold.errors, ...loaded.mapErrors],
    wallMs: performance.now() - started,
  };
}

/** Measure one cold load of the site the server serves, until its map has painted. */
export async function measureLoad(options: LoadOptions): Promise<LoadMetrics> {
  const started = performance.now();
  const cold = await openColdPage(options.browser);
  try {
    return await loadSite(cold, options.server, started);
  } finally {
    await cold.browser.close();
  }
}

/** Measure one cold run of the site the server serves. Throws when the page or its map cannot run. */
export async function measureRun(options: RunOptions): Promise<RunMetrics> {
  const started = performance.now();
  const first = options.steps[0]!;
  const last = options.steps[options.steps.length - 1]!;
  const cold = await openColdPage(options.browser);
  const { page, cdp } = cold;
  try {
    const load = await loadSite(cold, options.server, started);
    // Playwright injects its own helper script (about 330 KB of source) into the page the first time a
    // selector or a predicate is waited for, as backToTop does. Do it before pass 1, so that both heap
    // readings include it and their difference is the page's own.
    await page.waitForSelector('[data-step]', { state: 'attached' });
    await page.waitForFunction(() => true);

    const beforePass1 = await mainThreadTime(cdp);
    const trace = await traceMainThread(cold.browser, options.server.url);
    const pass1 = await scrollThrough(page, options.pauseMs);
    const settledAfterPass1 = (await mapSettled(page)) ?? pass1.end;
    const scrollMainThread = await trace.stop();
    const scrollMainThreadCdp = since(beforePass1, await mainThreadTime(cdp));
    const passWindows: Array<[number, number]> = [[pass1.start, settledAfterPass1]];
    const heapAfterOnePassBytes = await usedHeap(cdp);
    const heapOnePass = await heapBreakdown(cdp);
    const afterPass1 = await probeSnapshot(page);

    if (!(await backToTop(page, first.id))) throw new Error(`could not return to the first step "${first.id}"`);
    const jump = await jumpToEnd(page, last.id);
    const camera = jump.settleMs === null ? null : await readCamera(page);

    for (let pass = 2; pass <= 3; pass++) {
      const p = await scrollThrough(page, options.pauseMs);
      passWindows.push([p.start, (await mapSettled(page)) ?? p.end]);
    }
    const heapAfterThreePassesBytes = await usedHeap(cdp);
    const heapThreePasses = await heapBreakdown(cdp);
    const end = await probeSnapshot(page);

    const { changes, timedBy } = stepChanges(afterPass1);
    return {
      ...load,
      bytesWholeRun: wireBytes(options.server.log),
      scroll: longTaskStats(afterPass1.longTasks, pass1.start, settledAfterPass1),
      scrollThreePasses: passWindows
        .map(([from, to]) => longTaskStats(end.longTasks, from, to))
        .reduce((a, b) => ({ count: a.count + b.count, maxMs: Math.max(a.maxMs, b.maxMs), tbtMs: a.tbtMs + b.tbtMs })),
      scrollMainThread,
      scrollMainThreadCdp,
      scrollToStep: scrollToStepLatencies(pass1.scrolls, changes, pass1.end),
      cameraStart: cameraStartLatencies(changes, afterPass1.moveStarts, pass1.start, pass1.end),
      stepTimedBy: timedBy,
      cameraStartByMutationObserver: cameraStartLatencies(afterPass1.stepMutations, afterPass1.moveStarts, pass1.start, pass1.end),
      jump: { ...jump, cameraOk: camera ? cameraMatches(camera, last.camera) : null },
      heapAfterOnePassBytes,
      heapAfterThreePassesBytes,
      heapObjectsAfterOnePassBytes: heapOnePass.totalBytes - heapOnePass.codeBytes,
      heapObjectsAfterThreePassesBytes: heapThreePasses.totalBytes - heapThreePasses.codeBytes,
      workers: end.workers,
      errors: [...cold.errors, ...end.mapErrors],
      wallMs: performance.now() - started,
    };
  } finally {
    await cold.browser.close();
  }
}
