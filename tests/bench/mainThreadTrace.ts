/**
 * The page's main-thread time by kind, from a Chrome trace, as DevTools' summary counts it: each
 * event's self time goes to the nearest enclosing event of a known kind. CDP's `Performance.getMetrics`
 * is not used for this: its ScriptDuration misses script run as microtasks, which is where
 * MapLibre 4 draws its frames (a `frameAsync` promise), so it undercounts the template's passes ~10×.
 */
import type { Browser } from 'playwright-core';

export interface MainThreadTime {
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  /** Every task the main thread ran, whatever its kind. */
  busyMs: number;
}

/** The fields of a Chrome trace event that the benchmark's diagnostics read. */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  cat?: string;
  args?: { name?: string; data?: { frames?: Array<{ processId?: number; url?: string }>; documentLoaderURL?: string; url?: string; renderer_pid?: number } };
}

type Kind = 'script' | 'layout' | 'style';
const SCRIPT = new Set([
  'EventDispatch', 'TimerFire', 'FireIdleCallback', 'FireAnimationFrame', 'FunctionCall', 'EvaluateScript',
  'v8.evaluateModule', 'RunMicrotasks', 'v8.compile', 'v8.compileModule', 'v8.produceCache', 'v8.produceModuleCache',
  'MajorGC', 'MinorGC', 'HandlePostMessage', 'XHRReadyStateChange', 'XHRLoad',
]);
const kindOf = (name: string): Kind | null =>
  SCRIPT.has(name) || name.startsWith('V8.GC') ? 'script'
  : name === 'Layout' ? 'layout'
  : name === 'UpdateLayoutTree' || name === 'RecalculateStyles' ? 'style'
  : null;

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', '__metadata'];

/** The main thread of the renderer showing `url`: named by the trace's start event, else the busiest renderer main thread. */
function mainThreadOf(events: readonly TraceEvent[], url: string): string | null {
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const started = events.find((e) => e.name === 'TracingStartedInBrowser');
  const pid = started?.args?.data?.frames?.find((f) => f.url?.startsWith(url))?.processId;
  const mains = [...names].filter(([key, name]) => name === 'CrRendererMain' && (pid === undefined || key.startsWith(`${pid}:`)));
  const busy = (key: string) => events.reduce((sum, e) => (e.name === 'ThreadControllerImpl::RunTask' && `${e.pid}:${e.tid}` === key ? sum + (e.dur ?? 0) : sum), 0);
  return mains.map(([key]) => [key, busy(key)] as const).sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** Self time by kind of one thread's complete events (`ph: 'X'`), ms. */
export function selfTimeByKind(events: readonly TraceEvent[]): MainThreadTime {
  const spans = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined)
    .map((e) => ({ name: e.name, start: e.ts, end: e.ts + e.dur!, self: e.dur!, kind: kindOf(e.name) }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const stack: typeof spans = [];
  for (const span of spans) {
    while (stack.length > 0 && stack[stack.length - 1]!.end <= span.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.self -= Math.min(span.end, parent.end) - span.start;
      span.kind ??= parent.kind;
    }
    stack.push(span);
  }
  // Busy: the union of the thread's tasks (a nested run loop runs tasks inside a task).
  let busy = 0;
  let reached = -Infinity;
  for (const task of spans.filter((x) => x.name === 'ThreadControllerImpl::RunTask')) {
    busy += Math.max(0, task.end - Math.max(task.start, reached));
    reached = Math.max(reached, task.end);
  }
  const sum = (kind: Kind) => spans.reduce((s, x) => (x.kind === kind ? s + Math.max(0, x.self) : s), 0) / 1000;
  return { scriptMs: sum('script'), layoutMs: sum('layout'), styleMs: sum('style'), busyMs: busy / 1000 };
}

/** Start tracing the browser; `stop()` ends it and returns the main-thread time of the page at `url` since the start. */
export async function traceMainThread(browser: Browser, url: string): Promise<{ stop(): Promise<MainThreadTime> }> {
  const cdp = await browser.newBrowserCDPSession();
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  return {
    async stop() {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach();
      const main = mainThreadOf(events, url);
      if (!main) throw new Error('no main thread of the page in the trace');
      return selfTimeByKind(events.filter((e) => `${e.pid}:${e.tid}` === main));
    },
  };
}
