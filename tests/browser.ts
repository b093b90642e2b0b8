/**
 * Headless Chromium for the browser tests: the system's Chromium (Debian's
 * package), WebGL through SwiftShader, and no network but 127.0.0.1.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';

export const artifacts = join(import.meta.dirname, 'artifacts');
mkdirSync(artifacts, { recursive: true });

const executablePath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

const BASE_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  '--no-sandbox',
];

export async function launch(options: { webgl?: boolean } = {}): Promise<Browser> {
  if (!executablePath) throw new Error('Chromium not found: install it (apt-get install -y chromium) or set CHROMIUM_PATH');
  const gl =
    options.webgl === false
      ? ['--disable-webgl', '--disable-webgl2', '--disable-3d-apis', '--disable-gpu']
      : ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'];
  return chromium.launch({ executablePath, headless: true, args: [...BASE_ARGS, ...gl] });
}

/** Every URL the page requested, to prove nothing leaves the machine. */
export interface TrackedPage {
  page: Page;
  requests: string[];
  errors: string[];
}

export async function openPage(browser: Browser, url: string, context: BrowserContextOptions = {}): Promise<TrackedPage> {
  const ctx = await browser.newContext({ viewport: { width: 800, height: 600 }, ...context });
  const page = await ctx.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  return { page, requests, errors };
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

/**
 * One Chromium for a test file, launched before its tests and closed after;
 * `open` loads a page of the story's server, and every test's pages are
 * closed when it ends (many live WebGL maps would slow the rest down).
 * `opened` keeps what each page requested and logged, for the final checks.
 */
export function useBrowser(baseUrl: string | (() => string)) {
  let browser: Browser | undefined;
  const opened: TrackedPage[] = [];
  beforeAll(async () => {
    browser = await launch();
  });
  afterEach(async () => {
    for (const { page } of opened) if (!page.isClosed()) await page.context().close();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    opened,
    browser: () => browser!,
    async open(path: string, context: BrowserContextOptions = {}) {
      const tracked = await openPage(browser!, `${typeof baseUrl === 'string' ? baseUrl : baseUrl()}${path}`, context);
      opened.push(tracked);
      return tracked;
    },
  };
}
