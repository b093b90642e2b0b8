/**
 * Author mode in `npm run dev`, on temporary copies of stories: the dev server
 * is started here (not the built `dist/` the other browser tests use) with
 * `$STORY_MAP_STORIES` pointing at a copy of "The lift home", a story made as
 * `npm run new-story` makes it (with a place of its own) and one that does not
 * build. The last test builds that folder for production and finds no author
 * code in it.
 */
import AxeBuilder from '@axe-core/playwright';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createServer, type ViteDevServer } from 'vite';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapSnapshot, useBrowser, waitForCamera, waitForMap } from './browser';
import { newStory } from '../src/build/newStory';
import { contentHash } from '../src/build/authorPlugin';
import { AUTHOR_API, TOKEN_HEADER, TOKEN_META } from '../src/author/protocol';

const run = promisify(execFile);
const repo = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'story-map-author-'));
const stories = join(work, 'stories');
const liftHome = join(stories, 'the-lift-home/story.yaml');
const fieldNotes = join(stories, 'field-notes');
const gazetteer = join(repo, 'geo/places.geojson');
const gazetteerBefore = readFileSync(gazetteer, 'utf8');
let server: ViteDevServer | undefined;
let base = '';

const OWN_PLACES = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [4.9003, 52.3779] },
      properties: { id: 'central-station', name: { en: 'Central Station' }, kind: 'landmark', aliases: [], provenance: 'From a tourist map.' },
    },
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [4.8838, 52.3738] },
      properties: { id: 'west-church', name: { en: 'West Church' }, kind: 'landmark', aliases: [], provenance: 'From a tourist map.' },
    },
  ],
};

beforeAll(async () => {
  process.env.STORY_MAP_STORIES = stories;
  cpSync(join(repo, 'stories/the-lift-home'), join(stories, 'the-lift-home'), { recursive: true });
  // A new story as `npm run new-story -- field-notes en` makes it, given two places of its own.
  newStory(repo, 'field-notes', ['en']);
  writeFileSync(join(fieldNotes, 'places.geojson'), `${JSON.stringify(OWN_PLACES, null, 2)}\n`);
  const scaffolded = readFileSync(join(fieldNotes, 'story.yaml'), 'utf8');
  writeFileSync(join(fieldNotes, 'story.yaml'), scaffolded.replace('    places: []', '    places: [central-station, west-church]'));
  // A story with a misquote from the start: it has never built.
  cpSync(join(repo, 'tests/fixtures/stories/one-language'), join(stories, 'never-built'), { recursive: true });
  const broken = readFileSync(join(stories, 'never-built/story.yaml'), 'utf8');
  writeFileSync(join(stories, 'never-built/story.yaml'), broken.replace('id: one-language', 'id: never-built').replace('Hanoi ligt aan de Rode Rivier.', 'Hanoi ligt aan de Parfumrivier.'));

  server = await createServer({
    configFile: join(repo, 'vite.config.ts'),
    configLoader: 'runner',
    mode: 'development',
    // Its own dependency cache: other dev servers on this checkout use node_modules/.vite.
    cacheDir: join(work, '.vite'),
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  await server.listen();
  const address = server.httpServer?.address();
  base = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
}, 120_000);

afterAll(async () => {
  await server?.close();
  delete process.env.STORY_MAP_STORIES;
  rmSync(work, { recursive: true, force: true });
  // The shared gazetteer is never written by these tests.
  expect(readFileSync(gazetteer, 'utf8')).toBe(gazetteerBefore);
});

const session = useBrowser(() => base);

/** The lines that differ between two texts with the same number of lines. */
function changedLines(before: string, after: string): [string, string][] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i]!] as [string, string]]));
}

async function fileChange(file: string, from: string, timeout = 15_000): Promise<string> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const now = readFileSync(file, 'utf8');
    if (now !== from) return now;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${file} did not change`);
}

/** Open a story page in author mode, with its map ready and the active step's tools shown. */
async function openAuthor(path: string, step: string) {
  const tracked = await session.open(path);
  await waitForMap(tracked.page);
  await tracked.page.waitForSelector(`[data-author-step="${step}"] >> text=Use this view`);
  await tracked.page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('.sm-step--active .sm-author__button--primary')?.disabled);
  return tracked;
}

/** The live map's camera as author mode writes it. */
async function liveCamera(page: Page) {
  const snap = await mapSnapshot(page);
  const offset = Number(await page.getAttribute('.sm-map__canvas', 'data-zoom-offset'));
  const r = (v: number, d: number) => Number(v.toFixed(d));
  return { center: [r(snap.center[0], 4), r(snap.center[1], 4)] as [number, number], zoom: r(snap.zoom - offset, 2) };
}

async function mapStopped(page: Page) {
  await page.waitForFunction(() => {
    const map = (document.querySelector('.sm-map__canvas') as HTMLElement & { maplibreMap: import('maplibre-gl').Map }).maplibreMap;
    return !map.isMoving();
  });
}

/** axe's WCAG 2.2 AA violations in the parts of the page author mode adds. */
async function audit(page: Page, ...include: string[]): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
  for (const part of include) builder = builder.include(part);
  const result = await builder.analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** The page reloads by itself once a story file changes. */
const reload = (page: Page) => page.waitForEvent('load', { timeout: 30_000 });

describe('author mode', () => {
  it('warms the dev server up (dependency optimisation may reload the first page)', async () => {
    const { page } = await session.open('/the-lift-home/#the-offer');
    await page.waitForLoadState('networkidle');
    await waitForMap(page);
  }, 120_000);

  it('"Use this view" writes the moved map into the step\'s camera line only, the page reloads into it, Ctrl+Z restores it', async () => {
    const original = readFileSync(liftHome, 'utf8');
    const { page } = await openAuthor('/the-lift-home/#the-offer', 'the-offer');
    // Move the map as an author does: drag it, then zoom in with its + button.
    const box = (await page.locator('.sm-map__canvas').boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(x - 12 * i, y - 7 * i);
    await page.mouse.up();
    await mapStopped(page);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await mapStopped(page);
    const moved = await liveCamera(page);
    expect(moved.zoom).toBeGreaterThan(3.6);
    await expect.poll(() => page.locator('.sm-step--active [data-camera="live"]').textContent()).toBe(`${moved.center[0]}, ${moved.center[1]} · z ${moved.zoom}`);
    expect(await page.locator('.sm-step--active .sm-author__unsaved').textContent()).toBe('not saved');

    const reloaded = reload(page);
    await page.getByRole('button', { name: 'Use this view' }).click();
    const saved = await fileChange(liftHome, original);
    expect(changedLines(original, saved)).toEqual([
      ['    camera: { center: [115.5, 30.5], zoom: 3.6 }', `    camera: { center: [${moved.center[0]}, ${moved.center[1]}], zoom: ${moved.zoom} }`],
    ]);
    await reloaded;
    await waitForMap(page);
    await waitForCamera(page, { ...moved, bearing: 0, pitch: 0 });
    await expect.poll(() => page.locator('.sm-author-bar [role="status"]').textContent()).toMatch(/Last edit: the camera of step “the-offer”. Ctrl\/⌘\+Z undoes it/);
    // The bar, with its Undo, stays pinned on screen at a step far down the story.
    expect(await page.locator('.sm-author-bar').evaluate((e) => e.getBoundingClientRect().top)).toBe(0);

    // Ctrl+Z in author mode: the previous camera, byte for byte.
    const undone = reload(page);
    await page.keyboard.press('Control+z');
    expect(await fileChange(liftHome, saved)).toBe(original);
    await undone;
    await waitForMap(page);
    await waitForCamera(page, { center: [115.5, 30.5], zoom: 3.6, bearing: 0, pitch: 0 });
  });

  it('shows the step on a desktop and a phone, and "Fit to places" proposes a view clear of the text in both', async () => {
    const original = readFileSync(liftHome, 'utf8');
    const { page } = await openAuthor('/the-lift-home/#the-offer', 'the-offer');
    const frames = page.locator('.sm-step--active .sm-author-frame');
    expect(await frames.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.framing))).toEqual(['desktop', 'phone']);
    // Both drawn, each with the step's places; as framed in the file, the phone's text covers Hanoi.
    await page.waitForSelector('.sm-step--active [data-framing="phone"] svg [data-place="hanoi"]', { state: 'attached' });
    await page.waitForSelector('.sm-step--active [data-framing="desktop"] svg [data-place="pyongyang"]', { state: 'attached' });
    expect(await page.getAttribute('.sm-step--active [data-framing="phone"]', 'data-hidden-places')).toBe('hanoi');
    expect(await page.getAttribute('.sm-step--active [data-framing="desktop"]', 'data-hidden-places')).toBe('');

    await page.getByRole('button', { name: 'Fit to places' }).click();
    await mapStopped(page);
    await expect.poll(() => page.getAttribute('.sm-step--active [data-framing="phone"]', 'data-hidden-places')).toBe('');
    expect(await page.getAttribute('.sm-step--active [data-framing="desktop"]', 'data-hidden-places')).toBe('');
    expect(await page.locator('.sm-step--active [data-framing-status="phone"]').textContent()).toBe('Phone: both places clear');
    // The live map shows the proposal; nothing is written until the author accepts it.
    const proposal = await liveCamera(page);
    expect(proposal.center).not.toEqual([115.5, 30.5]);
    const onMap = await page.evaluate(() => {
      const map = (document.querySelector('.sm-map__canvas') as HTMLElement & { maplibreMap: import('maplibre-gl').Map }).maplibreMap;
      const { clientWidth: w, clientHeight: h } = map.getCanvas();
      return [[105.8542, 21.0285], [125.7547, 39.0194]].map((c) => map.project(c as [number, number])).every((p) => p.x > 0 && p.x < w && p.y > 0 && p.y < h);
    });
    expect(onMap).toBe(true);
    expect(readFileSync(liftHome, 'utf8')).toBe(original);
    await page.locator('.sm-step--active .sm-author__places summary').click();
    expect(await audit(page, '.sm-author-bar', '.sm-step--active .sm-author', '.sm-author-cross')).toEqual([]);
  });

  it('refuses to overwrite a story file edited on disk since the page read it: the hand edit stays', async () => {
    // The browser logs the refusal (409) itself.
    session.allow(/status of 409 \(Conflict\)/);
    const { page } = await openAuthor('/the-lift-home/#north-korean-airspace', 'north-korean-airspace');
    // Keep the page from reloading on the hand edit, as when the author saves in the editor and clicks at once.
    await page.routeWebSocket(/.*/, (ws) => {
      const upstream = ws.connectToServer();
      upstream.onMessage((m) => {
        if (!String(m).includes('full-reload') && !String(m).includes('"update"')) ws.send(m);
      });
      ws.onMessage((m) => upstream.send(m));
    });
    await page.reload();
    await waitForMap(page);
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('.sm-step--active .sm-author__button--primary')?.disabled);
    const handEdited = readFileSync(liftHome, 'utf8').replace('# yaml-language-server', '# Edited by hand.\n# yaml-language-server');
    writeFileSync(liftHome, handEdited);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await mapStopped(page);
    await page.getByRole('button', { name: 'Use this view' }).click();
    await expect.poll(() => page.locator('[role="alert"][data-notice="conflict"]').textContent()).toMatch(/changed on disk since this page read it.*keeps the text edited by hand/);
    // The notice follows the server's refusal: nothing was written.
    expect(readFileSync(liftHome, 'utf8')).toBe(handEdited);
  });

  it('refuses requests without the token, from another origin or for another host', async () => {
    const { page } = await openAuthor('/the-lift-home/#the-documentary', 'the-documentary');
    const token = (await page.getAttribute(`meta[name="${TOKEN_META}"]`, 'content'))!;
    expect(token.length).toBeGreaterThan(30);
    const before = readFileSync(liftHome, 'utf8');
    const body = JSON.stringify({ story: 'the-lift-home', step: 'the-documentary', camera: { center: [1, 2], zoom: 3, bearing: 0, pitch: 0 }, base: contentHash(before) });
    // node:http, not fetch, which would not send a Host header of our choosing.
    const post = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${base}${AUTHOR_API}camera`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base, ...headers } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end(body);
      });
    expect(await post({})).toBe(403);
    expect(await post({ [TOKEN_HEADER]: 'x'.repeat(token.length) })).toBe(403);
    expect(await post({ [TOKEN_HEADER]: token, origin: 'http://evil.example' })).toBe(403);
    expect(await post({ [TOKEN_HEADER]: token, origin: 'http://evil.example:80', host: 'evil.example:80' })).toBe(403);
    expect(readFileSync(liftHome, 'utf8')).toBe(before);

    // From a page of another origin, with the token. (Vite answers the CORS preflight of any loopback origin,
    // so the request reaches the endpoint, which refuses it for its Origin; a request that needs no preflight,
    // text/plain without the header, is refused too.)
    const other: Server = createHttpServer((_req, res) => res.end('<!doctype html><title>elsewhere</title>'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const address = other.address();
      // The browser reports the refused requests.
      session.allow(/blocked by CORS policy/, /^Failed to load resource/);
      const elsewhere = await session.openUrl(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`);
      const outcome = await elsewhere.page.evaluate(
        async ({ url, token, header, body }) => {
          const cors = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [header]: token }, body }).then(
            (r) => `answered ${r.status}`,
            () => 'blocked',
          );
          await fetch(url, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body });
          return cors;
        },
        { url: `${base}${AUTHOR_API}camera`, token, header: TOKEN_HEADER, body },
      );
      expect(outcome).toMatch(/^(blocked|answered 403)$/);
    } finally {
      other.close();
    }
    expect(readFileSync(liftHome, 'utf8')).toBe(before);

    // The same request, same-origin with the token: written (the control for the refusals above).
    expect(await post({ [TOKEN_HEADER]: token })).toBe(200);
    const written = readFileSync(liftHome, 'utf8');
    expect(changedLines(before, written)).toEqual([['    camera: { center: [126.5, 39.6], zoom: 5.6 }', '    camera: { center: [1, 2], zoom: 3 }']]);
    writeFileSync(liftHome, before);
  });

  it('shows a build error at its step, with file, line, field and the closest passage, until it is fixed', async () => {
    const original = readFileSync(liftHome, 'utf8');
    const { page } = await openAuthor('/the-lift-home/#the-offer', 'the-offer');
    expect(await page.locator('.sm-author-problem').count()).toBe(0);
    const reloaded = reload(page);
    writeFileSync(liftHome, original.replace('aanbod van Trump.', 'aanbod van president Trump.'));
    await reloaded;
    const problem = page.locator('[data-author-step="the-offer"] .sm-author-problem');
    await problem.waitFor();
    const line = original.split('\n').findIndex((l) => l.includes('De top leidde niet tot een doorbraak')) + 1;
    expect(await problem.locator('.sm-author-problem__where').textContent()).toMatch(new RegExp(`story\\.yaml:${line - 1}:\\d+ steps\\[1\\]\\.citations\\[0\\]\\.quote$`));
    expect(await problem.locator('.sm-author-problem__message').textContent()).toMatch(/^quote not found verbatim in source "lift-offer-documentary"/);
    expect(await problem.locator('blockquote').textContent()).toContain('aanbod van Trump.');
    // Not silently the last good story: the page says it shows the last version that built.
    expect(await page.locator('.sm-author-bar__stale').textContent()).toMatch(/does not build: one problem.*last built/);
    expect(await audit(page, '.sm-author-bar', '[data-author-step="the-offer"]')).toEqual([]);

    const fixed = reload(page);
    writeFileSync(liftHome, original);
    await fixed;
    await waitForMap(page);
    expect(await page.locator('.sm-author-problem, .sm-author-bar__stale').count()).toBe(0);
  });

  it('shows the problems of a story that has never built, at their steps, instead of the story', async () => {
    const { page } = await session.open('/never-built/');
    const step = page.locator('.sm-author-page [data-author-step="hanoi"]');
    await step.waitFor();
    expect(await page.locator('h1').textContent()).toBe('“never-built” does not build yet');
    expect(await step.locator('.sm-author-problem__field').textContent()).toBe('steps[0].citations[0].quote');
    expect(await step.locator('blockquote').textContent()).toContain('Hanoi ligt aan de Rode Rivier.');
    expect(await page.locator('.sm-app').count()).toBe(0);
    expect(await audit(page)).toEqual([]);
  });

  it('frames the step of a new story without typing a coordinate, and moves a place by dragging its marker', async () => {
    const storyFile = join(fieldNotes, 'story.yaml');
    const placesFile = join(fieldNotes, 'places.geojson');
    const original = readFileSync(storyFile, 'utf8');
    const { page } = await openAuthor('/field-notes/', 'start');
    await page.getByRole('button', { name: 'Fit to places' }).click();
    await mapStopped(page);
    const view = await liveCamera(page);
    const reloaded = reload(page);
    await page.getByRole('button', { name: 'Use this view' }).click();
    const framed = await fileChange(storyFile, original);
    expect(changedLines(original, framed)).toEqual([['    camera: { center: [0, 20], zoom: 1.5 }', `    camera: { center: [${view.center[0]}, ${view.center[1]}], zoom: ${view.zoom} }`]]);
    expect(view.zoom).toBeGreaterThan(12);
    await reloaded;
    await waitForMap(page);
    await waitForCamera(page, { ...view, bearing: 0, pitch: 0 });

    // Drag the West Church's marker 60 px right and 30 px down.
    const places = readFileSync(placesFile, 'utf8');
    const marker = page.locator('.sm-map .sm-place[data-place="west-church"]');
    await marker.waitFor();
    const dot = (await marker.locator('.sm-place__dot').boundingBox())!;
    const [x, y] = [dot.x + dot.width / 2, dot.y + dot.height / 2];
    const target = await page.evaluate(
      ([tx, ty]) => {
        const map = (document.querySelector('.sm-map__canvas') as HTMLElement & { maplibreMap: import('maplibre-gl').Map }).maplibreMap;
        const r = map.getCanvas().getBoundingClientRect();
        return map.unproject([tx! - r.left, ty! - r.top]).toArray();
      },
      [x + 60, y + 30],
    );
    // The map itself must not pan while a place is dragged (kept across the reload that follows).
    await page.evaluate(() => {
      const map = (document.querySelector('.sm-map__canvas') as HTMLElement & { maplibreMap: import('maplibre-gl').Map }).maplibreMap;
      map.once('movestart', () => sessionStorage.setItem('author-test-panned', 'yes'));
    });
    const moved = reload(page);
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= 6; i++) await page.mouse.move(x + 10 * i, y + 5 * i);
    await page.mouse.up();
    const after = await fileChange(placesFile, places);
    const changed = changedLines(places, after);
    expect(changed).toHaveLength(3);
    const [lng, lat] = changed.slice(0, 2).map(([, line]) => Number(line.trim().replace(/,$/, '')));
    expect(Math.abs(lng! - target[0]!)).toBeLessThan(0.0002);
    expect(Math.abs(lat! - target[1]!)).toBeLessThan(0.0002);
    expect(changed[2]![1]).toMatch(/"provenance": "Moved by hand in author mode on \d{4}-\d\d-\d\d; review it\. Before: From a tourist map\."/);
    // A drag is not a click: no excerpt panel opened.
    expect(await page.locator('dialog[open]').count()).toBe(0);
    await moved;
    await waitForMap(page);
    expect(await page.evaluate(() => sessionStorage.getItem('author-test-panned'))).toBeNull();

    // A step added without a camera: the build says so at the top, and the map's view fills it in.
    const withStep = readFileSync(storyFile, 'utf8');
    const date = /^ {4}date: (.+)$/m.exec(withStep)![1]!;
    const added = reload(page);
    writeFileSync(
      storyFile,
      `${withStep}  - id: second\n    date: ${date}\n    title:\n      en: The second step\n    text:\n      en: What happened next.\n    places: [west-church]\n    citations:\n      - source: placeholder\n        quote: This is a placeholder source.\n`,
    );
    await added;
    const missing = page.locator('.sm-author-bar .sm-author-problem[data-problem-field="steps[1].camera"]');
    await missing.waitFor();
    await waitForMap(page);
    await page.waitForFunction(() => document.querySelector('.sm-author-cross'));
    const current = await liveCamera(page);
    const incomplete = readFileSync(storyFile, 'utf8');
    const built = reload(page);
    await missing.getByRole('button', { name: "Use the map's view as its camera" }).click();
    const complete = await fileChange(storyFile, incomplete);
    expect(complete).toContain(`    text:\n      en: What happened next.\n    camera: { center: [${current.center[0]}, ${current.center[1]}], zoom: ${current.zoom} }\n    places: [west-church]\n`);
    await built;
    await page.waitForSelector('[data-step="second"]');
    expect(await page.locator('.sm-author-problem').count()).toBe(0);
  });

  it('puts no author code and no write endpoint in the production build', async () => {
    const outDir = join(work, 'dist');
    const buildStories = join(work, 'build-stories');
    cpSync(join(repo, 'stories/the-lift-home'), join(buildStories, 'the-lift-home'), { recursive: true });
    // Built as `npm run build` builds, in a process of its own (Vitest's NODE_ENV=test would change how Solid resolves).
    const { NODE_ENV: _test, ...env } = process.env;
    await run(process.execPath, [join(repo, 'node_modules/vite/bin/vite.js'), 'build', '--configLoader', 'runner', '--logLevel', 'error', '--outDir', outDir], {
      cwd: repo,
      env: { ...env, STORY_MAP_STORIES: buildStories },
    });
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else files.push(path);
      }
    };
    walk(outDir);
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    const markers = [AUTHOR_API, TOKEN_HEADER, TOKEN_META, 'sm-author', 'Use this view', 'Fit to places', 'startAuthor'];
    for (const file of files) {
      const text = readFileSync(file, 'latin1');
      for (const marker of markers) expect(text.includes(marker), `${marker} in ${file}`).toBe(false);
    }
    // The dev server does serve them: the markers are the right ones to look for.
    const devPage = await (await fetch(`${base}/the-lift-home/`)).text();
    expect(devPage).toContain(TOKEN_META);
    expect(existsSync(join(outDir, 'the-lift-home/index.html'))).toBe(true);
  }, 240_000);
});
