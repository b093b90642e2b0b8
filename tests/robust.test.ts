import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { artifacts, launch, openPage, waitForCamera, waitForMap, waitInteractive } from './browser';

const base = inject('baseUrl');
const story = JSON.parse(readFileSync(join(import.meta.dirname, '../dist/stories/trump-kim-summits.json'), 'utf8')) as {
  steps: { id: string; camera: { center: [number, number]; zoom: number; bearing: number; pitch: number }; features: string[]; places: string[] }[];
};
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('keyboard only', () => {
  it('reaches the language switch, places, citations and map markers in order, with a visible focus', async () => {
    const { page } = await openPage(browser, `${base}/trump-kim-summits/`, { reducedMotion: 'reduce' });
    await waitForMap(page);
    const seen: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const cs = getComputedStyle(el);
        const kind = el.matches('.sm-lang button') ? 'lang' : el.matches('.sm-place') ? 'marker' : el.matches('.sm-chip') ? 'chip' : el.matches('.sm-citation button') ? 'citation' : el.tagName.toLowerCase();
        return { kind, outline: cs.outlineStyle !== 'none' && cs.outlineWidth !== '0px' };
      });
      if (['lang', 'marker', 'chip', 'citation'].includes(info.kind)) {
        expect(info.outline, `${info.kind} shows focus`).toBe(true);
        if (!seen.includes(info.kind)) seen.push(info.kind);
      }
    }
    expect(seen).toEqual(expect.arrayContaining(['marker', 'lang', 'chip', 'citation']));
    // The map comes first in the page (a landmark), then the story in reading order.
    expect(seen.indexOf('lang')).toBeLessThan(seen.indexOf('chip'));
    await page.context().close();
  });
});

describe('screen readers', () => {
  it('hear each step\'s title and what the map shows, politely', async () => {
    const { page } = await openPage(browser, `${base}/trump-kim-summits/?lang=en`, { reducedMotion: 'reduce' });
    const live = page.locator('[aria-live="polite"]');
    await waitInteractive(page);
    await page.keyboard.press('ArrowDown');
    await page.waitForSelector('[data-step="threats-and-a-secret-message"][aria-current="step"]');
    await expect.poll(() => live.innerText()).toBe('Step 2 of 14: From threats to a secret message. The map shows: Pyongyang.');
    // The map canvas is not a trap: Tab moves on from it.
    await page.locator('.maplibregl-canvas').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas'))).toBe(false);
    await page.context().close();
  });
});

describe('text zoom', () => {
  it('doubles the text without horizontal scrolling or clipped cards', async () => {
    for (const viewport of [{ width: 1024, height: 700 }, { width: 375, height: 667 }]) {
      const { page } = await openPage(browser, `${base}/trump-kim-summits/#the-offer`, { viewport, reducedMotion: 'reduce' });
      await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
      await page.evaluate(() => document.querySelector('[data-step="the-offer"]')!.scrollIntoView({ block: 'center' }));
      await page.waitForSelector('[data-step="the-offer"][aria-current="step"]');
      const layout = await page.evaluate(() => {
        const card = document.querySelector('[data-step="the-offer"] .sm-card')!.getBoundingClientRect();
        const h2 = getComputedStyle(document.querySelector('[data-step="the-offer"] h2')!).fontSize;
        return { scrollWidth: document.documentElement.scrollWidth, width: innerWidth, left: card.left, right: card.right, h2 };
      });
      expect(parseFloat(layout.h2)).toBeGreaterThanOrEqual(40);
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.width);
      expect(layout.left).toBeGreaterThanOrEqual(0);
      expect(layout.right).toBeLessThanOrEqual(layout.width);
      await page.screenshot({ path: join(artifacts, `zoom-200-${viewport.width}.png`) });
      await page.context().close();
    }
  });
});

describe('privacy', () => {
  it('writes no cookies and no storage while the story is read', async () => {
    const { page } = await openPage(browser, `${base}/trump-kim-summits/?lang=en#dmz`, { reducedMotion: 'reduce' });
    await waitForMap(page);
    await page.keyboard.press('ArrowUp');
    await page.locator('[data-step="dmz"] .sm-chip').first().click();
    await page.keyboard.press('Escape');
    const stored = await page.evaluate(async () => ({
      cookie: document.cookie,
      local: localStorage.length,
      session: sessionStorage.length,
      idb: (await indexedDB.databases()).length,
    }));
    expect(stored).toEqual({ cookie: '', local: 0, session: 0, idb: 0 });
    expect((await page.context().cookies()).length).toBe(0);
    await page.context().close();
  });
});

describe('a slow network', () => {
  it('paints the text first and fills in the map later without shifting the text', async () => {
    const ctx = await browser.newContext({ viewport: { width: 800, height: 600 } });
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.enable');
    // About a slow 3G connection: 400 ms round trips, 50 KB/s down.
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: 50 * 1024, uploadThroughput: 20 * 1024 });
    await page.addInitScript(() => {
      const w = window as unknown as { cls: number };
      w.cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) w.cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${base}/trump-kim-summits/`, { waitUntil: 'commit' });
    await page.waitForSelector('[data-step="overview"] h2', { state: 'visible' });
    const statusAtText = await page.getAttribute('.sm-map', 'data-map-status');
    expect(statusAtText).toBe('loading');
    await page.waitForSelector('.sm-map[data-map-status="ready"]', { timeout: 120_000 });
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { cls: number }).cls)).toBeLessThan(0.01);
    await ctx.close();
  }, 180_000);
});

describe('rapid input', () => {
  it('finishes a flight to the step that something other than the reader stopped halfway', async () => {
    const { page, errors } = await openPage(browser, `${base}/trump-kim-summits/`, {});
    await waitForMap(page);
    await waitInteractive(page);
    // Once in 30 s of rapid scrolling and resizing, a flight was left halfway, not moving, with the
    // next step active. Stopping a flight from outside the app reproduces that state every time.
    await page.evaluate(() => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true })));
    await page.waitForTimeout(200);
    const stoppedMidway = await page.evaluate(() => {
      const map = (document.querySelector('.sm-map__canvas') as HTMLElement & { maplibreMap: { isMoving(): boolean; stop(): void } }).maplibreMap;
      const wasMoving = map.isMoving();
      map.stop();
      return wasMoving;
    });
    expect(stoppedMidway, 'the flight was under way when stopped').toBe(true);
    expect(await page.getAttribute('[aria-current="step"]', 'data-step')).toBe(story.steps[1]!.id);
    await waitForCamera(page, story.steps[1]!.camera, 15_000);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('survives 30 s of fast scrolling, resizing and rotating, ending in the active step\'s state with stable memory', async () => {
    const { page, errors } = await openPage(browser, `${base}/trump-kim-summits/`, {});
    await waitForMap(page);
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
    };
    await cdp.send('Performance.enable');
    const sizes = [
      { width: 800, height: 600 },
      { width: 375, height: 667 },
      { width: 667, height: 375 },
      { width: 1024, height: 700 },
    ];
    const before = await heap();
    const end = Date.now() + 30_000;
    let i = 0;
    while (Date.now() < end) {
      await page.mouse.wheel(0, i % 7 < 4 ? 2400 : -2600);
      if (i % 10 === 0) await page.setViewportSize(sizes[(i / 10) % sizes.length]!);
      await page.waitForTimeout(40);
      i++;
    }
    await page.setViewportSize({ width: 800, height: 600 });
    // Let the last scroll and flight settle; then the map must show exactly the active step.
    await page.waitForTimeout(1500);
    const active = (await page.getAttribute('[aria-current="step"]', 'data-step'))!;
    const camera = story.steps.find((s) => s.id === active)!.camera;
    const snap = await waitForCamera(page, camera);
    expect(await page.getAttribute('.sm-map__canvas', 'data-map-step')).toBe(active);
    // Exactly the active step's features are on the map (no layer left from a step scrolled past), its route
    // drawn as far as the step draws it, its places highlighted.
    const step = story.steps.find((s) => s.id === active)!;
    const featureLayers = Object.entries(snap.visible).filter(([id]) => id.startsWith('feature:'));
    expect(featureLayers.length).toBeGreaterThan(0);
    for (const [id, visibility] of featureLayers) {
      const feature = id.split(':')[1]!;
      expect(visibility, id).toBe(step.features.includes(feature) ? 'visible' : 'none');
    }
    const shown = await page.evaluate(() => {
      const map = (document.querySelector('.sm-map__canvas') as HTMLElement & { maplibreMap: import('maplibre-gl').Map }).maplibreMap;
      return map.getFilter('place-halo');
    });
    expect(shown).toEqual(['in', ['get', 'id'], ['literal', step.places]]);
    const after = await heap();
    expect(after).toBeLessThan(before * 1.5);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});

