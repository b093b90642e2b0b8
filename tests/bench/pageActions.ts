/**
 * What the benchmark does to the page: scroll through the story, jump to its
 * end, wait for the map, read the heap. Each action runs inside the page in
 * one `evaluate`, so round trips to Node do not add to what is timed.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { BenchWindow, ProbeData } from './probe';

/** A copy of everything the probe has recorded so far. */
export async function probeSnapshot(page: Page): Promise<ProbeData> {
  return page.evaluate(() => (window as unknown as BenchWindow).__bench.data);
}

/** Wait until the map has loaded, stopped and has all it shows; the page time then, or null after `timeoutMs`. */
export async function mapSettled(page: Page, timeoutMs = 30_000): Promise<number | null> {
  return page.evaluate((t) => (window as unknown as BenchWindow).__bench.settled(t), timeoutMs);
}

/** One pass through the story: when each step was scrolled to, and the window it took. */
export interface Pass {
  start: number;
  end: number;
  scrolls: Array<{ id: string; t: number }>;
}

/**
 * Scroll each step to the middle of the screen (where the step tracker's
 * activation line is), instantly, and pause `pauseMs` before the next: a
 * reader skimming the story faster than the camera flights last.
 */
export async function scrollThrough(page: Page, pauseMs: number): Promise<Pass> {
  return page.evaluate(async (pause) => {
    const steps = [...document.querySelectorAll<HTMLElement>('[data-step]')];
    const scrolls: Array<{ id: string; t: number }> = [];
    const start = performance.now();
    for (const el of steps) {
      scrolls.push({ id: el.dataset.step ?? '', t: performance.now() });
      el.scrollIntoView({ block: 'center', behavior: 'instant' });
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
    return { start, end: performance.now(), scrolls };
  }, pauseMs);
}

/** Back to the top of the page, and wait until the first step is active and the map has stopped there. */
export async function backToTop(page: Page, firstId: string, timeoutMs = 30_000): Promise<boolean> {
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  try {
    await page.waitForSelector(`[data-step="${firstId}"][aria-current="step"]`, { timeout: timeoutMs });
    await page.waitForFunction((id) => document.querySelector<HTMLElement>('.sm-map__canvas')?.dataset.mapStep === id, firstId, {
      timeout: timeoutMs,
      polling: 50,
    });
  } catch {
    return false;
  }
  return (await mapSettled(page, timeoutMs)) !== null;
}

/** Outcome of a jump to the end; times in ms from the jump. */
export interface Jump {
  /** Until the last step was aria-current. */
  stepMs: number | null;
  /** Until, in addition, the map showed the last step's state and had stopped with everything loaded. */
  settleMs: number | null;
  /** Camera moves started during the jump (1 means no intermediate step was flown to). */
  moves: number;
}

/**
 * From the top, `window.scrollTo` the bottom of the page in one go and poll
 * every frame until the last step is active and the map has settled on it.
 */
export async function jumpToEnd(page: Page, lastId: string, timeoutMs = 20_000): Promise<Jump> {
  return page.evaluate(
    ({ lastId, timeoutMs }) => {
      const api = (window as unknown as BenchWindow).__bench;
      const map = api.map;
      const host = document.querySelector<HTMLElement>('.sm-map__canvas');
      const last = document.querySelector(`[data-step="${CSS.escape(lastId)}"]`);
      const movesBefore = api.data.moveStarts.length;
      const t0 = performance.now();
      window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' });
      return new Promise<Jump>((resolve) => {
        let stepMs: number | null = null;
        const tick = () => {
          const elapsed = performance.now() - t0;
          const active = last?.getAttribute('aria-current') === 'step';
          if (active && stepMs === null) stepMs = elapsed;
          const done = active && host?.dataset.mapStep === lastId && !!map && !map.isMoving() && map.loaded();
          if (done || elapsed > timeoutMs) {
            resolve({ stepMs, settleMs: done ? elapsed : null, moves: api.data.moveStarts.length - movesBefore });
          } else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    },
    { lastId, timeoutMs },
  );
}

/** Where the map's camera is, and the zoom offset the app applies for small maps. */
export async function readCamera(page: Page): Promise<{ center: [number, number]; zoom: number; offset: number } | null> {
  return page.evaluate(() => {
    const map = (window as unknown as BenchWindow).__bench.map;
    if (!map) return null;
    const c = map.getCenter();
    const offset = Number(document.querySelector<HTMLElement>('.sm-map__canvas')?.dataset.zoomOffset ?? 0);
    return { center: [c.lng, c.lat] as [number, number], zoom: map.getZoom(), offset };
  });
}

/**
 * The main thread's JS heap in use, in bytes, after a forced garbage
 * collection (CDP), so the number is what the page retains rather than
 * garbage not yet collected. MapLibre's workers have heaps of their own,
 * not counted here.
 */
export async function usedHeap(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize');
  if (!used) throw new Error('CDP Performance.getMetrics reported no JSHeapUsedSize');
  return used.value;
}

/** A V8 heap snapshot, as much of it as `heapBreakdown` reads. */
interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
}

/**
 * What the main thread's heap holds, from a heap snapshot (after a GC):
 * everything, and the part that is compiled code. V8 compiles functions to
 * faster code as they get hot (and flushes code not run for a while), so
 * JSHeapUsedSize moves between passes even when the page keeps no more
 * objects; the heap without code is what the page itself retains.
 */
export async function heapBreakdown(cdp: CDPSession): Promise<{ totalBytes: number; codeBytes: number }> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const onChunk = (event: { chunk: string }) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const snap = JSON.parse(chunks.join('')) as HeapSnapshot;
  const fields = snap.snapshot.meta.node_fields;
  const typeNames = snap.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  let totalBytes = 0;
  let codeBytes = 0;
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const size = snap.nodes[i + sizeAt]!;
    totalBytes += size;
    if (typeNames[snap.nodes[i + typeAt]!] === 'code') codeBytes += size;
  }
  return { totalBytes, codeBytes };
}
