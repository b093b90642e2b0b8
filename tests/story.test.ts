import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { artifacts, firstPaintTime, openPage, useBrowser, waitForCamera, waitForMap, waitInteractive } from './browser';

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

  it('activates each step as the reader scrolls to it, moves the camera there, and puts no marker or country name under the legend', async () => {
    // Reduced motion makes camera moves instant, so the walk through all steps stays quick.
    const { page } = await open('/trump-kim-summits/', { reducedMotion: 'reduce' });
    await waitForMap(page);
    for (const step of steps) {
      await page.evaluate((id) => document.querySelector(`[data-step="${id}"]`)!.scrollIntoView({ block: 'center' }), step.id);
      await waitActive(page, step.id);
      await waitForCamera(page, step.camera);
      // Markers are laid out just after the frame that shows the step: none may then sit under the legend.
      await page.waitForFunction(
        () => {
          const legend = document.querySelector('.sm-legend')!.getBoundingClientRect();
          return [...document.querySelectorAll<HTMLElement>('.sm-map .sm-place, .sm-map .sm-country-label')]
            .filter((b) => b.isConnected && !b.hidden)
            .every((b) => {
              const d = (b.querySelector('.sm-place__dot') ?? b).getBoundingClientRect();
              const [x, y] = [d.left + d.width / 2, d.top + d.height / 2];
              return !(x > legend.left && x < legend.right && y > legend.top && y < legend.bottom);
            });
        },
        null,
        { timeout: 5000 },
      );
    }
  });

  it('flies between steps and, on a fast jump to the end, lands in the last step without replaying the others', async () => {
    const { page } = await open('/trump-kim-summits/');
    await waitForMap(page);
    await waitForCamera(page, steps[0]!.camera);
    // The steps the page marks current, and the steps whose map state the map is given.
    await page.evaluate(() => {
      const w = window as unknown as { activated: string[]; mapped: string[] };
      w.activated = [];
      w.mapped = [];
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target as HTMLElement;
          if (r.attributeName === 'aria-current' && el.getAttribute('aria-current') === 'step') w.activated.push(el.dataset.step!);
          if (r.attributeName === 'data-map-step' && el.dataset.mapStep !== w.mapped.at(-1)) w.mapped.push(el.dataset.mapStep!);
        }
      }).observe(document.body, { subtree: true, attributeFilter: ['aria-current', 'data-map-step'] });
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
    expect(await page.evaluate(() => (window as unknown as { mapped: string[] }).mapped)).toEqual([steps[1]!.id, last.id]);
    // No layer of an earlier step is left on the map.
    const featureLayers = Object.keys(snap.visible).filter((id) => id.startsWith('feature:'));
    expect(featureLayers.length).toBeGreaterThan(5);
    for (const id of featureLayers) expect(snap.visible[id], id).toBe(last.features.some((f) => id.startsWith(`feature:${f}:`) || id === `feature:${f}`) ? 'visible' : 'none');
  });

  it('takes its markers and country names off the map while it flies to a step, and brings them back as it lands', async () => {
    const { page } = await open('/trump-kim-summits/');
    await waitForMap(page);
    await waitForCamera(page, steps[0]!.camera);
    const onMap = () => page.evaluate(() => document.querySelectorAll('.sm-map .sm-place, .sm-map .sm-country-label').length);
    await expect.poll(onMap).toBeGreaterThan(2);
    // How many markers and names each frame of the flight shows (MapLibre would move each on every frame).
    await page.evaluate(() => {
      const map = (document.querySelector('.sm-map__canvas') as HTMLElement & { maplibreMap: import('maplibre-gl').Map }).maplibreMap;
      const w = window as unknown as { inFlight: number[] };
      w.inFlight = [];
      map.on('render', () => map.isMoving() && w.inFlight.push(document.querySelectorAll('.sm-map .sm-place, .sm-map .sm-country-label').length));
    });
    await page.evaluate((id) => document.querySelector(`[data-step="${id}"]`)!.scrollIntoView({ block: 'center' }), steps[1]!.id);
    await waitActive(page, steps[1]!.id);
    await waitForCamera(page, steps[1]!.camera);
    const inFlight = await page.evaluate(() => (window as unknown as { inFlight: number[] }).inFlight);
    expect(inFlight.length).toBeGreaterThan(5);
    expect(Math.max(...inFlight)).toBe(0);
    await expect.poll(onMap).toBeGreaterThan(2);
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
      const state = await page.evaluate(() => ({
        ran: (window as unknown as { ran: string[] }).ran,
        lang: document.documentElement.lang,
        active: document.querySelector('[aria-current="step"]')?.getAttribute('data-step'),
        steps: document.querySelector('.sm-steps')!.innerHTML,
        images: document.querySelectorAll('img').length,
      }));
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
    // The opening screen: the title above the map, none of the map hidden under it.
    const opening = await page.evaluate(() => ({
      header: document.querySelector('.sm-header')!.getBoundingClientRect().bottom,
      map: document.querySelector('.sm-map')!.getBoundingClientRect().top,
    }));
    expect(opening.header).toBeLessThan(667);
    expect(opening.map).toBeGreaterThanOrEqual(opening.header - 1);
    await page.screenshot({ path: join(artifacts, 'phone-top.png') });
    // The overview's places, labels included, all inside the map: one near its edge wraps rather than run off.
    await waitForCamera(page, steps[0]!.camera);
    const offMap = () =>
      page.evaluate(() => {
        const map = document.querySelector('.sm-map')!.getBoundingClientRect();
        return [...document.querySelectorAll('.sm-map .sm-place')]
          .map((e) => ({ place: e.textContent, box: e.getBoundingClientRect() }))
          .filter(({ box }) => box.left < map.left || box.right > map.right)
          .map(({ place, box }) => `${place}: ${Math.round(box.left)}–${Math.round(box.right)} of ${map.left}–${map.right}`);
      });
    await expect.poll(offMap).toEqual([]);
    expect(await page.locator('.sm-map .sm-place').count()).toBeGreaterThanOrEqual(4);
  });
});

describe('reduced motion', () => {
  /** Scroll step `id` just past the activation line (the middle of the screen): the reader is at its very start. */
  async function enterStep(page: Page, id: string) {
    await page.evaluate((s) => scrollBy(0, document.querySelector(`[data-step="${s}"]`)!.getBoundingClientRect().top - innerHeight / 2 + 12), id);
    await waitActive(page, id);
  }
  /** How much route the map draws, as the length of the lines in its `progress` source (degrees); after `recordRoutes`. */
  const drawnRoute = (page: Page) =>
    page.evaluate(async () => {
      const map = (document.querySelector('.sm-map__canvas') as HTMLElement & { maplibreMap: import('maplibre-gl').Map }).maplibreMap;
      const w = window as unknown as { routeLength(data: unknown): number };
      return w.routeLength(await map.getSource<import('maplibre-gl').GeoJSONSource>('progress')!.getData());
    });
  /**
   * Each camera move from here on: how long it lasted (ms), and whether it ended in the task it started in
   * (a jump), before the microtasks queued at its start ran.
   */
  const recordMoves = (page: Page) =>
    page.evaluate(() => {
      const map = (document.querySelector('.sm-map__canvas') as HTMLElement & { maplibreMap: import('maplibre-gl').Map }).maplibreMap;
      const w = window as unknown as { moves: { ms: number; oneTask: boolean }[] };
      w.moves = [];
      let start = 0;
      let taskEnded = false;
      map.on('movestart', () => {
        start = performance.now();
        taskEnded = false;
        queueMicrotask(() => (taskEnded = true));
      });
      map.on('moveend', () => w.moves.push({ ms: performance.now() - start, oneTask: !taskEnded }));
    });
  const moves = (page: Page) => page.evaluate(() => (window as unknown as { moves: { ms: number; oneTask: boolean }[] }).moves);
  /** Each route the map is given from here on, as its length (degrees): a frame drawn whole is caught too. */
  const recordRoutes = (page: Page) =>
    page.evaluate(() => {
      const map = (document.querySelector('.sm-map__canvas') as HTMLElement & { maplibreMap: import('maplibre-gl').Map }).maplibreMap;
      const source = map.getSource<import('maplibre-gl').GeoJSONSource>('progress')!;
      const w = window as unknown as { routes: number[]; routeLength(data: unknown): number };
      w.routeLength = (data) =>
        (data as GeoJSON.FeatureCollection<GeoJSON.LineString>).features.reduce(
          (sum, f) => sum + f.geometry.coordinates.slice(1).reduce((n, c, i) => n + Math.hypot(c[0]! - f.geometry.coordinates[i]![0]!, c[1]! - f.geometry.coordinates[i]![1]!), 0),
          0,
        );
      w.routes = [];
      const setData = source.setData.bind(source);
      source.setData = (data, ...rest) => {
        w.routes.push(w.routeLength(data));
        return setData(data, ...rest);
      };
    });
  const routes = (page: Page) => page.evaluate(() => (window as unknown as { routes: number[] }).routes);

  for (const motion of ['reduce', 'no-preference'] as const) {
    it(`${motion === 'reduce' ? 'jumps the camera and draws the route whole' : 'for comparison, without it: flies and draws the route as the reader scrolls'}`, async () => {
      const [from, to] = [steps[stepIndex('train-departs')]!, steps[stepIndex('train-through-china')]!];
      const { page } = await open(`/trump-kim-summits/#${from.id}`, { reducedMotion: motion });
      await waitForMap(page);
      await waitForCamera(page, from.camera);
      await recordMoves(page);
      await recordRoutes(page);
      await enterStep(page, to.id);
      const atStart = await drawnRoute(page);
      await waitForCamera(page, to.camera);
      const camera = await moves(page);
      const entering = await routes(page);
      await page.evaluate((s) => document.querySelector(`[data-step="${s}"]`)!.scrollIntoView({ block: 'center' }), to.id);
      // The route as drawn once the step's middle is reached (the same two reads in a row: nothing is drawing).
      let whole = -1;
      await expect.poll(async () => whole === (whole = await drawnRoute(page)), { interval: 200 }).toBe(true);
      expect(camera.length).toBeGreaterThan(0);
      if (motion === 'reduce') {
        // A jump, however long a loaded machine takes over the task.
        expect(camera.map((m) => m.oneTask), 'camera moves that ended in the task they started in').not.toContain(false);
        expect(atStart).toBeCloseTo(whole, 6);
        for (const drawn of entering) expect(drawn).toBeCloseTo(whole, 6);
      } else {
        expect(Math.max(...camera.map((m) => m.ms)), 'camera moves (ms)').toBeGreaterThan(300);
        expect(camera.some((m) => !m.oneTask), 'a flight runs over many frames').toBe(true);
        expect(entering.length, 'routes given while entering').toBeGreaterThan(0);
        expect(Math.max(atStart, ...entering), 'the longest route drawn while entering').toBeLessThan(whole * 0.9);
      }
    });
  }
});

describe('print', () => {
  it('prints the story text with citations and a drawing of each step\'s map', async () => {
    const { page } = await open('/trump-kim-summits/');
    await waitForMap(page);
    await page.emulateMedia({ media: 'print' });
    // What the page holds when the browser prints it: read in the print's own beforeprint, after the app's.
    await page.evaluate(() => {
      const w = window as unknown as { printed?: { drawings: string[]; mapShown: boolean; quotes: number } };
      addEventListener('beforeprint', () => {
        w.printed = {
          drawings: [...document.querySelectorAll<SVGElement>('.sm-print-map svg.sm-static-map')].filter((svg) => svg.querySelector('path')).map((svg) => svg.dataset.staticStep!),
          mapShown: getComputedStyle(document.querySelector('.sm-map-col')!).display !== 'none',
          quotes: [...document.querySelectorAll('[data-step] blockquote')].filter((q) => getComputedStyle(q).display !== 'none').length,
        };
      });
    });
    const pdf = Buffer.from(await page.pdf({ format: 'A4' }));
    const printed = await page.evaluate(() => (window as unknown as { printed?: unknown }).printed);
    expect(printed).toEqual({ drawings: steps.map((s) => s.id), mapShown: false, quotes: steps.reduce((n, s) => n + s.citations.length, 0) });
    // Fourteen steps with a drawing each run to several pages.
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length).toBeGreaterThanOrEqual(7);
    // After printing, the drawings go again.
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
    const { page } = await open('/trump-kim-summits/?lang=en#dmz', { reducedMotion: 'reduce' });
    const served = await page.evaluateHandle(() => document.querySelector('[data-step="overview"] h2'));
    await waitActive(page, 'dmz');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.evaluate((h) => (h as Element).isConnected, served)).toBe(true);
    expect(await page.locator('[data-step="overview"] h2').innerText()).toBe(steps[0]!.title.en);
    expect(await page.locator('[data-step]').count()).toBe(steps.length);
  });
});

describe('without WebGL', () => {
  it('keeps the whole story readable, with a clear note instead of the map', async () => {
    const { page } = await openPage(await session.noWebgl(), `${base}/trump-kim-summits/#singapore`);
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
    // As on the live map, a place under the legend (or the note) keeps its dot but not its label; no label runs off the map.
    const hidden = () =>
      page.evaluate(() => {
        const over = [...document.querySelectorAll('.sm-legend, .sm-map__message--note')].map((e) => e.getBoundingClientRect());
        const map = document.querySelector('.sm-map')!.getBoundingClientRect();
        return [...document.querySelectorAll('svg.sm-static-map .sm-static-map__place')]
          .map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }))
          .filter(({ r }) => over.some((o) => r.left < o.right && o.left < r.right && r.top < o.bottom && o.top < r.bottom) || r.left < map.left || r.right > map.right)
          .map(({ text }) => text);
      });
    await expect.poll(hidden).toEqual([]);
    expect(await page.locator('svg.sm-static-map [data-place="pyongyang"] circle').count()).toBe(1);
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

