/**
 * The in-page probe: an init script that runs before any of the page's own
 * scripts and records, on the page's `performance.now()` clock (0 = start of
 * navigation), what the benchmark reports. Everything here is serialised and
 * run inside Chromium, so it must not refer to anything outside its own body.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

/** What the probe records. Times are ms since navigation start; null until it happened. */
export interface ProbeData {
  /** First contentful paint as presented on screen (the 'paint' entry's startTime). */
  fcp: number | null;
  /**
   * First contentful paint as painted by the renderer (the entry's `paintTime`), before the
   * compositor and GPU process present it; with SwiftShader on a cold browser the two differ a lot.
   */
  fcpPaint: number | null;
  /** Latest largest-contentful-paint candidate. */
  lcp: number | null;
  /**
   * The first animation frame in which the first step's text is laid out,
   * inside the viewport and not hidden (rAF polling from page start).
   */
  firstStepVisible: number | null;
  /** Render time of the first step's heading (Element Timing, attribute added by the probe). */
  firstStepPaint: number | null;
  /** When the MapLibre instance appeared on its container. */
  mapFound: number | null;
  /** The map's 'load' event. */
  mapLoad: number | null;
  /** The map's first 'idle' after 'load': everything in view rendered, nothing moving. */
  mapIdle: number | null;
  /** Every long task (> 50 ms) on the main thread. */
  longTasks: Array<{ start: number; duration: number }>;
  /** A step got aria-current="step": timed synchronously by hooking Element.setAttribute. */
  stepSets: Array<{ id: string; t: number }>;
  /** The same changes as seen by a MutationObserver (delivered at the next microtask checkpoint). */
  stepMutations: Array<{ id: string; t: number }>;
  /** Every 'movestart' of the map. */
  moveStarts: number[];
  /** Every Web Worker the page created: its URL and type. */
  workers: Array<{ url: string; type: string }>;
  /** Error events of the map. */
  mapErrors: string[];
}

/** The probe as the page sees it (`window.__bench`). */
export interface ProbeApi {
  data: ProbeData;
  map: MapLibreMap | null;
  /** Resolves with the time at which the map has loaded, is not moving and has everything in view; null on timeout. */
  settled(timeoutMs: number): Promise<number | null>;
}

/** Read the probe inside the page (use only in page functions). */
export type BenchWindow = Window & { __bench: ProbeApi };

/**
 * tsx (esbuild with keepNames) wraps named functions in `__name(...)`, which
 * does not exist in the page: page functions compiled by it would throw. This
 * init script, added before any other, gives the page a harmless stand-in.
 */
export const NAME_SHIM = 'globalThis.__name ??= (fn) => fn;';

/** The init script. Pass to `page.addInitScript` after `NAME_SHIM`. */
export function installProbe(): void {
  if (window !== window.top) return;
  const now = () => performance.now();
  const data: ProbeData = {
    fcp: null,
    fcpPaint: null,
    lcp: null,
    firstStepVisible: null,
    firstStepPaint: null,
    mapFound: null,
    mapLoad: null,
    mapIdle: null,
    longTasks: [],
    stepSets: [],
    stepMutations: [],
    moveStarts: [],
    workers: [],
    mapErrors: [],
  };
  const api: ProbeApi = {
    data,
    map: null,
    settled(timeoutMs) {
      return new Promise((resolve) => {
        const deadline = now() + timeoutMs;
        const tick = () => {
          const map = api.map;
          if (map && data.mapLoad !== null && !map.isMoving() && map.loaded()) resolve(now());
          else if (now() > deadline) resolve(null);
          else requestAnimationFrame(tick);
        };
        tick();
      });
    },
  };
  Object.defineProperty(window, '__bench', { value: api });

  const observe = (type: string, onEntry: (entry: PerformanceEntry) => void) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true });
    } catch {
      // An entry type this Chromium does not support: that metric stays null.
    }
  };
  observe('paint', (e) => {
    if (e.name !== 'first-contentful-paint') return;
    data.fcp = e.startTime;
    data.fcpPaint = (e as PerformanceEntry & { paintTime?: number }).paintTime ?? null;
  });
  observe('largest-contentful-paint', (e) => {
    data.lcp = e.startTime;
  });
  observe('longtask', (e) => data.longTasks.push({ start: e.startTime, duration: e.duration }));
  observe('element', (e) => {
    const timing = e as PerformanceEntry & { identifier: string; renderTime: number };
    if (timing.identifier === 'bench-first-step' && data.firstStepPaint === null) data.firstStepPaint = timing.renderTime || e.startTime;
  });

  // Record every worker, to tell a same-origin worker file from a blob: URL (which `worker-src 'self'` blocks).
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      data.workers.push({ url: String(url), type: options?.type ?? 'classic' });
      super(url, options);
    }
  };

  // The exact moment a step becomes active. A MutationObserver alone reports it only at the next microtask
  // checkpoint, after any camera move started in the same task, so it cannot time a synchronous reaction.
  const nativeSetAttribute = Element.prototype.setAttribute;
  Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
    if (name === 'aria-current' && value === 'step' && this.hasAttribute('data-step')) {
      data.stepSets.push({ id: this.getAttribute('data-step') ?? '', t: now() });
    }
    nativeSetAttribute.call(this, name, value);
  };
  new MutationObserver((records) => {
    const t = now();
    for (const record of records) {
      const el = record.target as Element;
      if (el.getAttribute('aria-current') === 'step' && record.oldValue !== 'step') {
        data.stepMutations.push({ id: el.getAttribute('data-step') ?? '', t });
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-current'], attributeOldValue: true });

  const attachMap = (map: MapLibreMap) => {
    api.map = map;
    data.mapFound = now();
    map.on('movestart', () => data.moveStarts.push(now()));
    map.on('error', (e: { error?: { message?: string } }) => data.mapErrors.push(String(e.error?.message ?? 'map error')));
    map.once('load', () => {
      data.mapLoad = now();
      map.once('idle', () => {
        data.mapIdle = now();
      });
    });
  };
  // Watch the DOM as it is parsed and hydrated: tag the first step's heading for Element Timing before it
  // is painted, and pick up the map in the same task that creates it, before it can fire 'load'.
  let tagged = false;
  const discover = new MutationObserver(() => {
    if (!tagged) {
      const heading = document.querySelector('[data-step] h2, [data-step] h3');
      if (heading) {
        heading.setAttribute('elementtiming', 'bench-first-step');
        tagged = true;
      }
    }
    const host = document.querySelector('.sm-map__canvas') as (HTMLElement & { maplibreMap?: MapLibreMap }) | null;
    if (host?.maplibreMap) {
      attachMap(host.maplibreMap);
      discover.disconnect();
    }
  });
  discover.observe(document, { childList: true, subtree: true });

  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    const inView = r.width > 0 && r.height > 0 && r.top < innerHeight && r.bottom > 0 && r.left < innerWidth && r.right > 0;
    return inView && (el.textContent ?? '').trim() !== '' && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };
  const poll = () => {
    const first = document.querySelector('[data-step]');
    if (first && visible(first)) data.firstStepVisible = now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}
