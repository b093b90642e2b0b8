/**
 * The reported metrics, once: how to read each from a run, its unit and its
 * label. The medians in the JSON file and the rows of the table both come
 * from this list, so they cannot disagree.
 */
import { median } from './analyze';
import type { LoadMetrics, RunMetrics } from './measureRun';

export type Unit = 'ms' | 'KB' | 'MB' | 'n' | '%';

export interface MetricDef<Run = RunMetrics> {
  key: string;
  /** Section of the table. */
  group: string;
  label: string;
  unit: Unit;
  get(run: Run): number | null;
}

const KB = 1024;
const growth = (before: number, after: number) => (before > 0 ? ((after - before) / before) * 100 : null);
const MB = 1024 * 1024;

/** What a load alone gives. */
export const LOAD_METRICS: readonly MetricDef<LoadMetrics>[] = [
  { key: 'wire.maplibreJs', group: 'wire, gzip, until map idle', label: 'MapLibre JS (incl. worker)', unit: 'KB', get: (r) => r.bytes.maplibreJs / KB },
  { key: 'wire.otherJs', group: 'wire, gzip, until map idle', label: 'other JS (app, Solid, data modules)', unit: 'KB', get: (r) => r.bytes.otherJs / KB },
  { key: 'wire.css', group: 'wire, gzip, until map idle', label: 'CSS', unit: 'KB', get: (r) => r.bytes.css / KB },
  { key: 'wire.html', group: 'wire, gzip, until map idle', label: 'HTML', unit: 'KB', get: (r) => r.bytes.html / KB },
  { key: 'wire.data', group: 'wire, gzip, until map idle', label: 'JSON / data', unit: 'KB', get: (r) => r.bytes.data / KB },
  { key: 'wire.other', group: 'wire, gzip, until map idle', label: 'other', unit: 'KB', get: (r) => r.bytes.other / KB },
  { key: 'wire.total', group: 'wire, gzip, until map idle', label: 'total', unit: 'KB', get: (r) => r.bytes.total / KB },
  { key: 'wire.requests', group: 'wire, gzip, until map idle', label: 'requests', unit: 'n', get: (r) => r.bytes.requests },
  { key: 'load.fcpPaint', group: 'load (ms from navigation)', label: 'first contentful paint, painted', unit: 'ms', get: (r) => r.fcpPaintMs },
  { key: 'load.fcp', group: 'load (ms from navigation)', label: 'first contentful paint, presented', unit: 'ms', get: (r) => r.fcpMs },
  { key: 'load.firstStepVisible', group: 'load (ms from navigation)', label: 'first step text visible (rAF poll)', unit: 'ms', get: (r) => r.firstStepVisibleMs },
  { key: 'load.firstStepPaint', group: 'load (ms from navigation)', label: 'first step title presented (Element Timing)', unit: 'ms', get: (r) => r.firstStepPaintMs },
  { key: 'load.lcp', group: 'load (ms from navigation)', label: 'largest contentful paint, presented', unit: 'ms', get: (r) => r.lcpMs },
  { key: 'load.mapVisible', group: 'load (ms from navigation)', label: 'map visible (first frame showing it)', unit: 'ms', get: (r) => r.mapVisibleMs },
  { key: 'load.mapFound', group: 'load (ms from navigation)', label: 'map created', unit: 'ms', get: (r) => r.mapFoundMs },
  { key: 'load.mapLoad', group: 'load (ms from navigation)', label: "map 'load'", unit: 'ms', get: (r) => r.mapLoadMs },
  { key: 'load.mapIdle', group: 'load (ms from navigation)', label: "map painted (first 'idle')", unit: 'ms', get: (r) => r.mapIdleMs },
  { key: 'load.longTasks', group: 'load (ms from navigation)', label: 'long tasks until map idle', unit: 'n', get: (r) => r.load.count },
  { key: 'load.tbt', group: 'load (ms from navigation)', label: 'total blocking time until map idle', unit: 'ms', get: (r) => r.load.tbtMs },
];

export const METRICS: readonly MetricDef[] = [
  ...LOAD_METRICS,
  { key: 'scroll.longTasks', group: 'scroll-through (pass 1)', label: 'long tasks', unit: 'n', get: (r) => r.scroll.count },
  { key: 'scroll.maxTask', group: 'scroll-through (pass 1)', label: 'longest task', unit: 'ms', get: (r) => r.scroll.maxMs },
  { key: 'scroll.tbt', group: 'scroll-through (pass 1)', label: 'total blocking time', unit: 'ms', get: (r) => r.scroll.tbtMs },
  { key: 'scroll.script', group: 'scroll-through (pass 1)', label: 'main thread: script', unit: 'ms', get: (r) => r.scrollMainThread.scriptMs },
  { key: 'scroll.layout', group: 'scroll-through (pass 1)', label: 'main thread: layout', unit: 'ms', get: (r) => r.scrollMainThread.layoutMs },
  { key: 'scroll.style', group: 'scroll-through (pass 1)', label: 'main thread: style', unit: 'ms', get: (r) => r.scrollMainThread.styleMs },
  {
    key: 'scroll.mainThread',
    group: 'scroll-through (pass 1)',
    label: 'main thread: script + layout + style',
    unit: 'ms',
    get: (r) => r.scrollMainThread.scriptMs + r.scrollMainThread.layoutMs + r.scrollMainThread.styleMs,
  },
  { key: 'scroll.busy', group: 'scroll-through (pass 1)', label: 'main thread: busy (every task)', unit: 'ms', get: (r) => r.scrollMainThread.busyMs },
  { key: 'scroll.scriptCdp', group: 'scroll-through (pass 1)', label: 'script by CDP metrics (misses microtasks)', unit: 'ms', get: (r) => r.scrollMainThreadCdp?.scriptMs ?? null },
  { key: 'scroll.longTasks3', group: 'scroll-through (pass 1)', label: 'long tasks in passes 1–3', unit: 'n', get: (r) => r.scrollThreePasses.count },
  { key: 'scroll.toStep', group: 'scroll-through (pass 1)', label: 'scroll → step active (median)', unit: 'ms', get: (r) => r.scrollToStep.medianMs },
  { key: 'scroll.cameraStart', group: 'scroll-through (pass 1)', label: 'step active → movestart (median)', unit: 'ms', get: (r) => r.cameraStart.medianMs },
  { key: 'scroll.cameraStartMax', group: 'scroll-through (pass 1)', label: 'step active → movestart (max)', unit: 'ms', get: (r) => r.cameraStart.maxMs },
  { key: 'jump.step', group: 'fast jump to the last step', label: 'last step active', unit: 'ms', get: (r) => r.jump.stepMs },
  { key: 'jump.settle', group: 'fast jump to the last step', label: 'map settled', unit: 'ms', get: (r) => r.jump.settleMs },
  { key: 'jump.moves', group: 'fast jump to the last step', label: 'camera moves started', unit: 'n', get: (r) => r.jump.moves },
  { key: 'heap.onePass', group: 'JS heap (main thread, after GC)', label: 'after 1 pass', unit: 'MB', get: (r) => r.heapAfterOnePassBytes / MB },
  { key: 'heap.threePasses', group: 'JS heap (main thread, after GC)', label: 'after 3 passes', unit: 'MB', get: (r) => r.heapAfterThreePassesBytes / MB },
  { key: 'heap.growth', group: 'JS heap (main thread, after GC)', label: 'growth, pass 1 → 3', unit: '%', get: (r) => growth(r.heapAfterOnePassBytes, r.heapAfterThreePassesBytes) },
  { key: 'heap.objectsOnePass', group: 'JS heap (main thread, after GC)', label: 'snapshot without compiled code, after 1 pass', unit: 'MB', get: (r) => r.heapObjectsAfterOnePassBytes / MB },
  { key: 'heap.objectsThreePasses', group: 'JS heap (main thread, after GC)', label: 'snapshot without compiled code, after 3 passes', unit: 'MB', get: (r) => r.heapObjectsAfterThreePassesBytes / MB },
  { key: 'heap.objectsGrowth', group: 'JS heap (main thread, after GC)', label: 'growth without compiled code, pass 1 → 3', unit: '%', get: (r) => growth(r.heapObjectsAfterOnePassBytes, r.heapObjectsAfterThreePassesBytes) },
];

/** Per metric key: the median over the runs that have a value, and the range. */
export type Summary = Record<string, { median: number | null; min: number | null; max: number | null; n: number }>;

/** Summarise runs metric by metric (a reference run's load only: `LOAD_METRICS`). */
export function summarise<Run>(runs: readonly Run[], metrics: readonly MetricDef<Run>[]): Summary {
  const summary: Summary = {};
  for (const metric of metrics) {
    const values = runs.map((r) => metric.get(r)).filter((v): v is number => v !== null && Number.isFinite(v));
    summary[metric.key] = {
      median: median(values),
      min: values.length > 0 ? Math.min(...values) : null,
      max: values.length > 0 ? Math.max(...values) : null,
      n: values.length,
    };
  }
  return summary;
}
