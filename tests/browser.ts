/** What the browser tests share: the guarded Chromium of each file, and reading the story's map. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';

export const artifacts = join(import.meta.dirname, 'artifacts');
mkdirSync(artifacts, { recursive: true });

/** A page in a context of its own; the guard of `useBrowser` watches what it requests and logs. */
export async function openPage(browser: Browser, url: string, context: BrowserContextOptions = {}): Promise<{ page: Page }> {
  const ctx = await browser.newContext({ viewport: { width: 800, height: 600 }, ...context });
  const page = await ctx.newPage();
  await page.goto(url);
  return { page };
}

export interface MapSnapshot {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
  moving: boolean;
  visible: Record<string, string>;
}

/** Read the MapLibre map the app attaches to its container. */
export async function mapSnapshot(page: Page): Promise<MapSnapshot> {
  return page.evaluate(() => {
    const host = document.querySelector('.sm-map__canvas') as (HTMLElement & { maplibreMap?: import('maplibre-gl').Map }) | null;
    const map = host?.maplibreMap;
    if (!map) throw new Error('no map');
    const c = map.getCenter();
    const visible: Record<string, string> = {};
    for (const layer of map.getStyle().layers) visible[layer.id] = String(map.getLayoutProperty(layer.id, 'visibility') ?? 'visible');
    // "Moving" until every tile of the new view has loaded too, so queries see the whole view.
    const moving = map.isMoving() || !map.loaded();
    return { center: [c.lng, c.lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch(), moving, visible };
  });
}

/**
 * When the page's first contentful paint was painted, ms on its clock, or -1 before there is one.
 * `paintTime` is when the renderer painted it; `startTime` also waits for SwiftShader's presentation.
 */
export async function firstPaintTime(page: Page): Promise<number> {
  return page.evaluate(() => {
    const entry = performance.getEntriesByName('first-contentful-paint')[0] as (PerformanceEntry & { paintTime?: number }) | undefined;
    return entry?.paintTime ?? entry?.startTime ?? -1;
  });
}

/** The served page reads at once; its keys and buttons work once the app has hydrated it. */
export async function waitInteractive(page: Page): Promise<void> {
  await page.waitForSelector('.sm-app[data-interactive]', { state: 'attached', timeout: 30_000 });
}

export async function waitForMap(page: Page): Promise<void> {
  await page.waitForSelector('.sm-map[data-map-status="ready"]', { timeout: 60_000 });
}

/** Wait until the map has stopped at `camera` (within rendering tolerance). */
export async function waitForCamera(
  page: Page,
  camera: { center: [number, number]; zoom: number; bearing: number; pitch: number },
  timeout = 30_000,
): Promise<MapSnapshot> {
  const deadline = Date.now() + timeout;
  let last: MapSnapshot | undefined;
  while (Date.now() < deadline) {
    last = await mapSnapshot(page);
    // The app zooms out on maps smaller than the size the story was framed for.
    const offset = Number(await page.getAttribute('.sm-map__canvas', 'data-zoom-offset'));
    const close =
      !last.moving &&
      Math.abs(last.center[0] - camera.center[0]) < 0.01 &&
      Math.abs(last.center[1] - camera.center[1]) < 0.01 &&
      Math.abs(last.zoom - (camera.zoom + offset)) < 0.01 &&
      Math.abs(last.bearing - camera.bearing) < 0.5 &&
      Math.abs(last.pitch - camera.pitch) < 0.5;
    if (close) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`camera did not reach ${JSON.stringify(camera)}; last ${JSON.stringify(last && { ...last, visible: undefined })}`);
}


/** Whether a request would leave this machine (the article and the story are on 127.0.0.1 and localhost). */
export function leavesMachine(url: string): boolean {
  if (/^(data|blob|about):/.test(url)) return false;
  try {
    return !['127.0.0.1', 'localhost'].includes(new URL(url).hostname);
  } catch {
    return true;
  }
}

/**
 * The browser tests' Chromium, shared by every file (launched once by tests/serve.ts), and a guard on
 * every context opened in it during a test — by `open`, `openPage` or `browser().newContext`: after each
 * test its contexts are closed (a failed test leaves no live WebGL map behind), then the test fails if any
 * of their pages or frames requested another host, logged a console error or threw. A test that expects
 * errors on purpose names them with `allow`.
 */
export function useBrowser(baseUrl: string | (() => string) = '') {
  let shared: Browser | undefined;
  let noGl: Browser | undefined;
  let contexts: BrowserContext[] = [];
  let problems: string[] = [];
  let allowed: RegExp[] = [];
  const expected = (text: string) => allowed.some((re) => re.test(text));

  const watch = (ctx: BrowserContext) => {
    contexts.push(ctx);
    ctx.on('request', (r) => {
      if (leavesMachine(r.url())) problems.push(`request to another host: ${r.url()}`);
    });
    ctx.on('weberror', (e) => {
      if (!expected(e.error().message)) problems.push(`page error: ${e.error().message}`);
    });
    ctx.on('console', (m) => {
      if (m.type() === 'error' && !expected(m.text())) problems.push(`console error: ${m.text()} (${m.location().url})`);
    });
  };
  const guard = (browser: Browser): Browser => {
    const newContext = browser.newContext.bind(browser);
    browser.newContext = async (options) => {
      const ctx = await newContext(options);
      watch(ctx);
      return ctx;
    };
    browser.newPage = async (options) => (await browser.newContext(options)).newPage();
    return browser;
  };

  beforeAll(async () => {
    shared = guard(await chromium.connect(inject('browserEndpoint')));
  });
  afterEach(async () => {
    const open = contexts;
    const found = problems;
    contexts = [];
    problems = [];
    allowed = [];
    await Promise.all(open.map((ctx) => ctx.close().catch(() => undefined)));
    const left = [shared, noGl].flatMap((b) => b?.contexts() ?? []);
    expect(left, 'browser contexts left open').toEqual([]);
    expect(found, 'requests to other hosts, console errors and page errors').toEqual([]);
  });
  afterAll(async () => {
    await Promise.all([shared?.close(), noGl?.close()]);
  });

  return {
    /** The shared Chromium, with WebGL through SwiftShader. */
    browser: () => shared!,
    /** The shared Chromium without WebGL. */
    async noWebgl() {
      noGl ??= guard(await chromium.connect(inject('noWebglEndpoint')));
      return noGl;
    },
    /** A page at `path` of the file's server. */
    open: (path: string, context: BrowserContextOptions = {}) =>
      openPage(shared!, `${typeof baseUrl === 'string' ? baseUrl : baseUrl()}${path}`, context),
    /** A page at any address. */
    openUrl: (url: string, context: BrowserContextOptions = {}) => openPage(shared!, url, context),
    /** What the guard found so far in this test, taken from it (for the guard's own test). */
    takeProblems: () => problems.splice(0),
    /** Errors this test causes on purpose (console messages or page errors matching one of `patterns`). */
    allow(...patterns: RegExp[]) {
      allowed.push(...patterns);
    },
  };
}
