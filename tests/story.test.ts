import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { artifacts, firstPaintTime, launch, useBrowser, openPage, waitForCamera, waitForMap, waitInteractive } from './browser';

interface ExportedStep {
  id: string;
  title: { nl: string; en: string };
  camera: { center: [number, number]; zoom: number; bearing: number; pitch: number };
  places: string[];
  features: string[];
  citations: { source: string; quote: string }[];
}
const story = JSON.parse(readFileSync(join(import.meta.dirname, '../dist/stories/trump-kim-summits.json'), 'utf8')) as {
  title: { nl: string; en: string };
  steps: ExportedStep[];
  places: { id: string; name: { nl: string; en: string } }[];
};
const base = inject('baseUrl');
const steps = story.steps;
const last = steps[steps.length - 1]!;
const stepIndex = (id: string) => steps.findIndex((s) => s.id === id);

const session = useBrowser(base);
const opened = session.opened;
const open = session.open;
const activeStep = (page: Page) => page.getAttribute('[aria-current="step"]', 'data-step');
const waitActive = (page: Page, id: string) => page.waitForSelector(`[data-step="${id}"][aria-current="step"]`, { timeout: 15_000 });
const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('the story page', () => {
  it('renders the offline basemap, the places and the first step', async () => {
    const { page } = await open('/trump-kim-summits/');
    await waitForMap(page);
    await waitForCamera(page, steps[0]!.camera);
    const counts = await page.evaluate(() => {
      const map = (document.querySelector('.sm-map__canvas') as HTMLElement & { maplibreMap: import('maplibre-gl').Map }).maplibreMap;
      const count = (layer: string) => map.queryRenderedFeatures({ layers: [layer] }).length;
      const countries = map.queryRenderedFeatures({ layers: ['countries'] }).map((f) => f.properties.name);
      return { countries, borders: count('borders'), coastline: count('coastline'), halos: count('place-halo') };
    });
    expect(counts.countries).toEqual(expect.arrayContaining(['China', 'Vietnam', 'North Korea', 'South Korea']));
    expect(counts.borders).toBeGreaterThan(0);
    expect(counts.coastline).toBeGreaterThan(0);
    expect(counts.halos).toBe(steps[0]!.places.length);
    expect(await activeStep(page)).toBe(steps[0]!.id);
    for (const id of steps[0]!.places) {
      const name = story.places.find((p) => p.id === id)!.name.nl;
      await expect(page.getByRole('button', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}:`) }).first().isVisible()).resolves.toBe(true);
    }
    await page.screenshot({ path: join(artifacts, 'desktop-overview.png') });
  });

  it('activates each step as the reader scrolls to it and moves the camera there', async () => {
    // Reduced motion makes camera moves instant, so the walk through all steps stays quick.
    const { page } = await open('/trump-kim-summits/', { reducedMotion: 'reduce' });
    await waitForMap(page);
    for (const step of steps) {
      await page.evaluate((id) => document.querySelector(`[data-step="${id}"]`)!.scrollIntoView({ block: 'center' }), step.id);
      await waitActive(page, step.id);
      await waitForCamera(page, step.camera);
    }
  });

  it('flies between steps and, on a fast jump to the end, lands in the last step without replaying the others', async () => {
    const { page } = await open('/trump-kim-summits/');
    await waitForMap(page);
    await waitForCamera(page, steps[0]!.camera);
    await page.evaluate(() => {
      const w = window as unknown as { activated: string[] };
      w.activated = [];
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target as HTMLElement;
          if (el.getAttribute('aria-current') === 'step') w.activated.push(el.dataset.step!);
        }
      }).observe(document.body, { subtree: true, attributeFilter: ['aria-current'] });
    });
    // One step on: the camera must animate (be between the two positions) before it arrives.
    await page.evaluate((id) => document.querySelector(`[data-step="${id}"]`)!.scrollIntoView({ block: 'center' }), steps[1]!.id);
    await waitActive(page, steps[1]!.id);
    await page.waitForFunction(() => {
      const map = (document.querySelector('.sm-map__canvas') as HTMLElement & { maplibreMap: import('maplibre-gl').Map }).maplibreMap;
      return map.isMoving();
    });
    // Then straight to the end, mid-flight.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await waitActive(page, last.id);
    const snap = await waitForCamera(page, last.camera);
    expect(await page.evaluate(() => (window as unknown as { activated: string[] }).activated)).toEqual([steps[1]!.id, last.id]);
    // No layer of an earlier step is left on the map.
    const featureLayers = Object.keys(snap.visible).filter((id) => id.startsWith('feature:'));
    expect(featureLayers.length).toBeGreaterThan(5);
    for (const id of featureLayers) expect(snap.visible[id], id).toBe(last.features.some((f) => id.startsWith(`feature:${f}:`) || id === `feature:${f}`) ? 'visible' : 'none');
  });

  it('compiles every shader the story needs for its first view, so no later step stalls on one', async () => {
    const ctx = await session.browser().newContext({ viewport: { width: 800, height: 600 }, reducedMotion: 'reduce' });
    // A WebGL program linked during a step change blocks the main thread (about 100 ms under SwiftShader).
    await ctx.addInitScript(() => {
      const w = window as unknown as { linked: number };
      w.linked = 0;
      for (const proto of [WebGL2RenderingContext.prototype, WebGLRenderingContext.prototype]) {
        const link = proto.linkProgram;
        proto.linkProgram = function (this: WebGLRenderingContext, program: WebGLProgram) {
          w.linked++;
          return link.call(this, program);
        };
      }
    });
    const page = await ctx.newPage();
    await page.goto(`${base}/trump-kim-summits/`);
    await waitForMap(page);
    await waitForCamera(page, steps[0]!.camera);
    const linked = () => page.evaluate(() => (window as unknown as { linked: number }).linked);
    const atFirstView = await linked();
    expect(atFirstView).toBeGreaterThan(0);
    for (const step of steps.slice(1)) {
      await page.evaluate((id) => document.querySelector(`[data-step="${id}"]`)!.scrollIntoView({ block: 'center' }), step.id);
      await waitActive(page, step.id);
      await waitForCamera(page, step.camera);
      expect(await linked(), `new shader program at step ${step.id}`).toBe(atFirstView);
    }
    await ctx.close();
  });

  it('opens at the step a deep link names, with that step\'s map', async () => {
    const target = steps[stepIndex('the-offer')]!;
    const { page } = await open(`/trump-kim-summits/#${target.id}`);
    await waitActive(page, target.id);
    await waitForMap(page);
    const snap = await waitForCamera(page, target.camera);
    expect(snap.visible['feature:ghost-flight']).toBe('visible');
    // The journey Kim actually made home, by road to Dong Dang and by rail from there.
    expect(snap.visible['feature:train-home:rail']).toBe('visible');
    expect(snap.visible['feature:train-home:road']).toBe('visible');
    expect(snap.visible['feature:train-route:rail']).toBe('none');
    const figure = await page.locator(`[data-step="${target.id}"] .sm-calc`).innerText();
    expect(figure).toMatch(/\d\.\d{3} km/);
    await page.screenshot({ path: join(artifacts, 'desktop-the-offer.png') });
  });

  it('labels the stations where they fit — Dandong as the train leaves, Dong Dang where it stops — and opens what is said about one', async () => {
    // Markers are laid out just after the frame that shows the step: wait for that, not for a time.
    const labelled = (page: Page, id: string) =>
      page.waitForFunction(
        (place) => [...document.querySelectorAll<HTMLElement>('.sm-place--station')].some((b) => b.isConnected && !b.classList.contains('sm-place--unlabelled') && b.dataset.place === place),
        id,
        { timeout: 5000 },
      );
    const { page } = await open('/trump-kim-summits/#train-departs', { reducedMotion: 'reduce' });
    await page.waitForSelector('.sm-map__canvas[data-map-step="train-departs"]', { timeout: 60_000 });
    await labelled(page, 'dandong');
    await page.evaluate(() => document.querySelector('[data-step="train-arrives"]')!.scrollIntoView({ block: 'center' }));
    await page.waitForSelector('.sm-map__canvas[data-map-step="train-arrives"]');
    await labelled(page, 'dong-dang');
    // Steps without a route show no stations: their markers leave the map.
    await page.evaluate(() => document.querySelector('[data-step="singapore"]')!.scrollIntoView({ block: 'center' }));
    await page.waitForSelector('.sm-map__canvas[data-map-step="singapore"]');
    await page.waitForFunction(() => document.querySelectorAll('.sm-place--station').length === 0, null, { timeout: 5000 });
    await page.evaluate(() => document.querySelector('[data-step="train-arrives"]')!.scrollIntoView({ block: 'center' }));
    await page.waitForSelector('.sm-map__canvas[data-map-step="train-arrives"]');
    await page.locator('.sm-place[data-place="dong-dang"]').click();
    const dialog = page.getByRole('dialog', { name: 'Dong Dang' });
    await dialog.waitFor();
    expect(await dialog.locator('.sm-context').innerText()).toMatch(/grensstation/);
  });

  it('moves between steps with the arrow keys and j/k, and the hash follows without filling history', async () => {
    const { page } = await open('/trump-kim-summits/', { reducedMotion: 'reduce' });
    await waitInteractive(page);
    const historyLength = await page.evaluate(() => history.length);
    await page.keyboard.press('ArrowDown');
    await waitActive(page, steps[1]!.id);
    await page.keyboard.press('j');
    await waitActive(page, steps[2]!.id);
    await page.keyboard.press('k');
    await waitActive(page, steps[1]!.id);
    await page.waitForFunction((id) => location.hash === `#${id}`, steps[1]!.id);
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
  });

  it('shows a place\'s excerpts when its marker is clicked, and Escape returns focus to it', async () => {
    const target = steps[stepIndex('hanoi-hopes')]!;
    const { page } = await open(`/trump-kim-summits/#${target.id}`, { reducedMotion: 'reduce' });
    await waitForMap(page);
    await waitForCamera(page, target.camera);
    const marker = page.locator('.sm-place[data-place="hanoi"]');
    await marker.click();
    const dialog = page.getByRole('dialog', { name: 'Hanoi' });
    await dialog.waitFor();
    const quotes = await dialog.locator('blockquote').allInnerTexts();
    expect(quotes.length).toBeGreaterThanOrEqual(5);
    for (const q of quotes) expect(q).toMatch(/Hanoi|Vietnam/);
    expect(await dialog.locator('figcaption').first().innerText()).toMatch(/20(19|21)/);
    await page.screenshot({ path: join(artifacts, 'desktop-excerpts.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // The dialog's close event, which returns focus, is dispatched as a task after it hides.
    await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.classList.contains('sm-place'), null, { timeout: 2000 });
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.place)).toBe('hanoi');
  });

  it('opens a place from the keyboard too', async () => {
    const { page } = await open('/trump-kim-summits/#dmz', { reducedMotion: 'reduce' });
    await waitForMap(page);
    await page.locator('.sm-place[data-place="panmunjom"]').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Panmunjom (DMZ)' }).waitFor();
  });

  it('opens a citation\'s source with the quoted passage highlighted', async () => {
    const target = steps[stepIndex('hanoi-collapse')]!;
    const { page } = await open(`/trump-kim-summits/#${target.id}`);
    const button = page.locator(`[data-step="${target.id}"] .sm-citation button`).first();
    await button.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(normalise(await dialog.locator('mark').innerText())).toBe(normalise(target.citations[0]!.quote));
    expect(await dialog.locator('p').count()).toBeGreaterThan(10);
    await page.screenshot({ path: join(artifacts, 'desktop-source.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForFunction(() => document.activeElement?.textContent === 'Lees de bron', null, { timeout: 2000 });
  });

  it('switches to English with ?lang=en and with the language switch', async () => {
    const { page } = await open('/trump-kim-summits/?lang=en');
    await waitInteractive(page);
    expect(await page.locator(`[data-step="${steps[0]!.id}"] h2`).innerText()).toBe(steps[0]!.title.en);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    expect(await page.locator(`[data-step="${steps[0]!.id}"] h2`).innerText()).toBe(steps[0]!.title.nl);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('nl');
  });

  it('never paints the served Dutch text for a reader who asked for English', async () => {
    const ctx = await session.browser().newContext({ viewport: { width: 800, height: 600 } });
    await ctx.addInitScript((title) => {
      const w = window as unknown as { english?: number };
      new MutationObserver(() => {
        if (w.english === undefined && document.querySelector('h1')?.textContent === title) w.english = performance.now();
      }).observe(document, { subtree: true, childList: true, characterData: true });
    }, story.title.en);
    const page = await ctx.newPage();
    await page.goto(`${base}/trump-kim-summits/?lang=en`);
    await waitInteractive(page);
    const t = {
      english: await page.evaluate(() => (window as unknown as { english?: number }).english ?? Infinity),
      paint: await firstPaintTime(page),
    };
    expect(t.english).toBeLessThan(Infinity);
    expect(t.paint).toBeGreaterThanOrEqual(t.english);
    expect(await page.locator('.sm-app').evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
    await ctx.close();
  });

  it('ignores unknown languages and steps in the URL: no script runs, the page is as without them, nothing is logged', async () => {
    const story = async (path: string) => {
      const ctx = await session.browser().newContext({ viewport: { width: 800, height: 600 }, reducedMotion: 'reduce' });
      // Any script the address managed to run would call one of these.
      await ctx.addInitScript(() => {
        const w = window as unknown as { ran: string[] };
        w.ran = [];
        for (const name of ['alert', 'confirm', 'prompt'] as const) window[name] = ((...args: unknown[]) => void w.ran.push(`${name}(${args.join()})`)) as never;
      });
      const page = await ctx.newPage();
      const logged: string[] = [];
      page.on('console', (m) => logged.push(`${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => logged.push(`error: ${e.message}`));
      await page.goto(`${base}${path}`);
      await waitInteractive(page);
      await page.waitForTimeout(300);
      const state = await page.evaluate(() => ({
        ran: (window as unknown as { ran: string[] }).ran,
        lang: document.documentElement.lang,
        active: document.querySelector('[aria-current="step"]')?.getAttribute('data-step'),
        steps: document.querySelector('.sm-steps')!.innerHTML,
        images: document.querySelectorAll('img').length,
      }));
      await ctx.close();
      return { ...state, logged };
    };
    const clean = await story('/trump-kim-summits/');
    for (const hostile of [
      '/trump-kim-summits/?lang=javascript:alert(1)#%3Cimg%20src=x%20onerror=alert(1)%3E',
      '/trump-kim-summits/?lang=%22%3E%3Cscript%3Ealert(2)%3C/script%3E#javascript:alert(3)',
      '/trump-kim-summits/?lang=de#no-such-step',
    ]) {
      const got = await story(hostile);
      expect(got.ran, hostile).toEqual([]);
      expect(got.images, hostile).toBe(0);
      expect(got.lang, hostile).toBe('nl');
      expect(got.active, hostile).toBe(steps[0]!.id);
      expect(got.steps, hostile).toBe(clean.steps);
      // Ignored values are logged by the development build only.
      expect(got.logged, hostile).toEqual([]);
    }
  });

  it('lays out for a phone: cards over a full-screen map, nothing cut off', async () => {
    const { page } = await open('/trump-kim-summits/#hanoi-collapse', {
      viewport: { width: 375, height: 667 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    await waitForMap(page);
    await waitForCamera(page, steps[stepIndex('hanoi-collapse')]!.camera);
    const layout = await page.evaluate(() => {
      const map = document.querySelector('.sm-map')!.getBoundingClientRect();
      const card = document.querySelector('[aria-current="step"] .sm-card')!.getBoundingClientRect();
      return { map: [map.width, map.height], card: [card.left, card.right], scrollWidth: document.documentElement.scrollWidth };
    });
    expect(layout.map).toEqual([375, 667]);
    expect(layout.card[0]).toBeGreaterThanOrEqual(0);
    expect(layout.card[1]).toBeLessThanOrEqual(375);
    expect(layout.scrollWidth).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(artifacts, 'phone-hanoi-collapse.png') });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(artifacts, 'phone-top.png') });
  });

  it('requested nothing from any host but 127.0.0.1, and logged no errors', () => {
    const urls = opened.flatMap((p) => p.requests);
    expect(urls.length).toBeGreaterThan(0);
    const foreign = urls.filter((u) => !/^(data:|blob:)/.test(u) && new URL(u).hostname !== '127.0.0.1');
    expect(foreign).toEqual([]);
    expect(opened.flatMap((p) => p.errors)).toEqual([]);
  });
});

describe('print', () => {
  it('prints the story text with citations and a drawing of each step\'s map', async () => {
    const { page } = await open('/trump-kim-summits/');
    await waitForMap(page);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sm-print-map svg.sm-static-map').count()).toBe(steps.length);
    expect(await page.locator('.sm-map-col').isVisible()).toBe(false);
    expect(await page.locator('[data-step] blockquote').first().isVisible()).toBe(true);
    await page.screenshot({ path: join(artifacts, 'print.png') });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('.sm-print-map').count()).toBe(0);
  });
});

describe('when the WebGL context is lost', () => {
  it('shows the drawing and keeps the reader\'s place, then recovers the live map', async () => {
    const { page } = await open('/trump-kim-summits/#hanoi-collapse', { reducedMotion: 'reduce' });
    await waitForMap(page);
    await waitActive(page, 'hanoi-collapse');
    await page.evaluate(() => {
      const map = (document.querySelector('.sm-map__canvas') as HTMLElement & { maplibreMap: import('maplibre-gl').Map }).maplibreMap;
      const gl = map.getCanvas().getContext('webgl2') ?? map.getCanvas().getContext('webgl');
      const ext = gl!.getExtension('WEBGL_lose_context')!;
      (window as unknown as { restoreGl: () => void }).restoreGl = () => ext.restoreContext();
      ext.loseContext();
    });
    await page.waitForSelector('.sm-map[data-map-status="lost"]');
    await page.waitForSelector('svg.sm-static-map[data-static-step="hanoi-collapse"]');
    expect(await activeStep(page)).toBe('hanoi-collapse');
    await page.evaluate(() => (window as unknown as { restoreGl: () => void }).restoreGl());
    await page.waitForSelector('.sm-map[data-map-status="ready"]');
    expect(await page.locator('svg.sm-static-map').count()).toBe(0);
    expect(await activeStep(page)).toBe('hanoi-collapse');
    await waitForCamera(page, steps[stepIndex('hanoi-collapse')]!.camera);
  });
});

describe('text first', () => {
  it('serves every step, quote and source label in the HTML, readable without JavaScript', async () => {
    const ctx = await session.browser().newContext({ viewport: { width: 800, height: 600 }, javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${base}/trump-kim-summits/`);
    expect(await page.locator('[data-step]').count()).toBe(steps.length);
    for (const step of steps) {
      expect(await page.locator(`[data-step="${step.id}"] h2`).innerText()).toBe(step.title.nl);
      for (const c of step.citations) {
        const quotes = await page.locator(`[data-step="${step.id}"] blockquote`).allInnerTexts();
        expect(quotes.map(normalise)).toContain(normalise(c.quote));
      }
    }
    expect(await page.locator('h1').innerText()).toBe('Twee uur naar huis');
    await page.screenshot({ path: join(artifacts, 'no-javascript.png') });
    await ctx.close();
  });

  it('paints the served text before it hydrates and before it starts the map', async () => {
    const ctx = await session.browser().newContext({ viewport: { width: 800, height: 600 } });
    await ctx.addInitScript(() => {
      const w = window as unknown as { seen: Record<string, number> };
      w.seen = {};
      new MutationObserver(() => {
        if (!w.seen.interactive && document.querySelector('.sm-app[data-interactive]')) w.seen.interactive = performance.now();
        if (!w.seen.map && document.querySelector('.sm-map__canvas.maplibregl-map')) w.seen.map = performance.now();
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    const page = await ctx.newPage();
    await page.goto(`${base}/trump-kim-summits/`);
    await waitForMap(page);
    const t: { interactive?: number; map?: number; paint: number } = {
      ...(await page.evaluate(() => (window as unknown as { seen: Record<string, number> }).seen)),
      paint: await firstPaintTime(page),
    };
    // A paint was measured at all (-1 is no first-contentful-paint entry), then the order.
    expect(t.paint).toBeGreaterThan(0);
    expect(t.interactive).toBeGreaterThan(0);
    expect(t.map).toBeGreaterThan(0);
    expect(t.paint).toBeLessThan(t.interactive!);
    expect(t.paint).toBeLessThan(t.map!);
    await ctx.close();
  });

  it("imports MapLibre only dynamically: the pages' and the element's own scripts run without evaluating it first", () => {
    const dist = join(import.meta.dirname, '../dist');
    // MapLibre's JS chunk, not its CSS (as a string for the Shadow DOM, a small static import of the element).
    const staticMapLibre = /(import|from)\s*["']\.\/(assets\/)?maplibre-(?!css-)[\w-]+\.js["']/;
    for (const page of ['trump-kim-summits/index.html', 'the-lift-home/index.html', 'embed.html']) {
      const html = readFileSync(join(dist, page), 'utf8');
      const entry = /<script type="module"[^>]*src="(?:\.\.?\/)([^"]+)"/.exec(html)![1]!;
      expect(readFileSync(join(dist, entry), 'utf8'), `${page} → ${entry}`).not.toMatch(staticMapLibre);
      // …while its HTML fetches it (and every other module) early, without running it.
      expect(html).toMatch(/<link rel="modulepreload"[^>]*href="\.\.?\/assets\/maplibre-[\w-]+\.js"/);
    }
    // embed.js only loads the element's module, which must not import MapLibre statically either.
    const element = /assets\/element-[\w-]+\.js/.exec(readFileSync(join(dist, 'embed.js'), 'utf8'))![0];
    expect(readFileSync(join(dist, element), 'utf8'), element).not.toMatch(staticMapLibre);
  });

  it('hydrates the served text without re-creating it, then applies ?lang and the deep link', async () => {
    const { page, errors } = await open('/trump-kim-summits/?lang=en#dmz', { reducedMotion: 'reduce' });
    const served = await page.evaluateHandle(() => document.querySelector('[data-step="overview"] h2'));
    await waitActive(page, 'dmz');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.evaluate((h) => (h as Element).isConnected, served)).toBe(true);
    expect(await page.locator('[data-step="overview"] h2').innerText()).toBe(steps[0]!.title.en);
    expect(await page.locator('[data-step]').count()).toBe(steps.length);
    expect(errors).toEqual([]);
  });
});

describe('without WebGL', () => {
  let noGl: Browser;
  beforeAll(async () => {
    noGl = await launch({ webgl: false });
  });
  afterAll(async () => {
    await noGl?.close();
  });

  it('keeps the whole story readable, with a clear note instead of the map', async () => {
    const { page } = await openPage(noGl, `${base}/trump-kim-summits/#singapore`);
    await page.waitForSelector('.sm-map[data-map-status="no-webgl"]', { timeout: 30_000 });
    expect(await page.locator('.sm-map__message').innerText()).toMatch(/WebGL/);
    expect(await page.locator('[data-step]').count()).toBe(steps.length);
    await waitActive(page, 'singapore');
    // A drawing of the step's map stands in for the live map, and follows the steps.
    await page.waitForSelector('svg.sm-static-map[data-static-step="singapore"] [data-place="singapore"]');
    expect(await page.locator('svg.sm-static-map path').count()).toBeGreaterThan(3);
    await page.evaluate(() => document.querySelector('[data-step="the-offer"]')!.scrollIntoView({ block: 'center' }));
    await page.waitForSelector('svg.sm-static-map[data-static-step="the-offer"] [data-line="arc-offered"]');
    await page.waitForSelector('svg.sm-static-map [data-line="route-rail"]');
    await page.waitForSelector('svg.sm-static-map [data-line="route-road"]');
    await page.screenshot({ path: join(artifacts, 'no-webgl-drawing.png') });
    await page.evaluate(() => document.querySelector('[data-step="singapore"]')!.scrollIntoView({ block: 'center' }));
    await waitActive(page, 'singapore');
    await page.locator('[data-step="singapore"] .sm-chip').first().click();
    const excerpts = page.getByRole('dialog', { name: /Singapore/ });
    await excerpts.waitFor();
    expect(await excerpts.locator('blockquote').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(artifacts, 'no-webgl.png') });
    await page.keyboard.press('Escape');
    await excerpts.waitFor({ state: 'hidden' });
    // The source reader opens at the quoted passage, as with a map.
    const step = steps[stepIndex('singapore')]!;
    await page.locator('[data-step="singapore"] .sm-citation button').first().click();
    const reader = page.getByRole('dialog');
    await reader.waitFor();
    expect(normalise(await reader.locator('mark').innerText())).toBe(normalise(step.citations[0]!.quote));
  });
});

