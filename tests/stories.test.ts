/**
 * The engine without the flagship story: a site built from another stories
 * folder (`$STORY_MAP_STORIES`) with "The lift home" and two test stories —
 * one language without routes, three languages with a route — builds, lists
 * its stories on the front page, and renders, scrolls and switches each.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import { useBrowser, waitForMap, waitInteractive } from './browser';

const run = promisify(execFile);
const repo = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'story-map-stories-'));
const stories = join(work, 'stories');
const outDir = join(work, 'dist');
let server: PreviewServer | undefined;
let base = '';

beforeAll(async () => {
  cpSync(join(repo, 'stories/the-lift-home'), join(stories, 'the-lift-home'), { recursive: true });
  cpSync(join(repo, 'tests/fixtures/stories'), stories, { recursive: true });
  // Built as `npm run build` builds, in a process of its own (Vitest's NODE_ENV=test would change how Solid resolves).
  const { NODE_ENV: _test, ...env } = process.env;
  await run(process.execPath, [join(repo, 'node_modules/vite/bin/vite.js'), 'build', '--configLoader', 'runner', '--logLevel', 'error', '--outDir', outDir], {
    cwd: repo,
    env: { ...env, STORY_MAP_STORIES: stories },
  });
  server = await preview({ configFile: join(repo, 'vite.config.ts'), configLoader: 'runner', logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
  const address = server.httpServer.address();
  base = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
}, 180_000);

afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

const session = useBrowser(() => base);

describe('a site without the flagship story', () => {
  it('builds a page, an export and an oEmbed-free front page entry per story, and nothing of the missing one', () => {
    for (const id of ['the-lift-home', 'one-language', 'three-languages']) {
      expect(existsSync(join(outDir, id, 'index.html')), id).toBe(true);
      const exported = JSON.parse(readFileSync(join(outDir, 'stories', `${id}.json`), 'utf8')) as { geography: { features: unknown[] } };
      expect(exported.geography.features.length, id).toBeGreaterThan(0);
    }
    expect(existsSync(join(outDir, 'trump-kim-summits'))).toBe(false);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).not.toMatch(/trump-kim-summits/);
  });

  it('lists every story on the front page with a link and its embed code', async () => {
    const { page } = await session.open('/');
    const items = page.locator('.sx-story');
    expect(await items.count()).toBe(3);
    await page.getByRole('link', { name: 'The lift home' }).click();
    await page.waitForURL(/\/the-lift-home\/$/);
    await waitInteractive(page);
    const back = await session.open('/');
    const code = await back.page.locator('[data-story="three-languages"] code[data-embed="element"]').textContent();
    // The snippet points at the address the site is served from.
    expect(code).toContain(`${base}/embed.js`);
    expect(code).toContain('story="three-languages"');
  });

  it('renders a one-language story without a language switch, with its area and line', async () => {
    const { page } = await session.open('/one-language/#grens', { reducedMotion: 'reduce' });
    await waitInteractive(page);
    expect(await page.locator('.sm-lang').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    await waitForMap(page);
    await page.waitForSelector('.sm-map__canvas[data-map-step="grens"]');
    const visible = await page.evaluate(() => {
      const map = (document.querySelector('.sm-map__canvas') as HTMLElement & { maplibreMap: import('maplibre-gl').Map }).maplibreMap;
      return ['feature:dmz', 'feature:vietnam:fill'].map((id) => map.getLayoutProperty(id, 'visibility'));
    });
    expect(visible).toEqual(['visible', 'none']);
    expect(await page.locator('[data-legend="dmz"]').textContent()).toBe('Demarcatielijn');
  });

  it('renders a three-language story, switches to German and shows its calculation in German', async () => {
    const { page } = await session.open('/three-languages/#flight', { reducedMotion: 'reduce' });
    await waitInteractive(page);
    expect(await page.locator('.sm-lang button').allTextContents()).toEqual(['DEDeutsch', 'ENEnglish', 'NLNederlands']);
    expect(await page.locator('h1').textContent()).toBe('Eine Geschichte in drei Sprachen');
    await page.locator('.sm-lang button[lang="nl"]').click();
    expect(await page.locator('h1').textContent()).toBe('Een verhaal in drie talen');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('nl');
    await page.locator('.sm-lang button[lang="de"]').click();
    const calc = await page.locator('[data-step="flight"] .sm-calc').innerText();
    expect(calc).toMatch(/Unsere Berechnung/);
    expect(calc).toMatch(/Luftlinie \(Großkreis\) sind es 2\.757 km von Hanoi nach Pyongyang/);
    // The quote is in German, its translation in the reader's language.
    await page.locator('.sm-lang button[lang="en"]').click();
    expect(await page.locator('[data-step="train"] .sm-quote__translation').innerText()).toMatch(/The train ran from Nanning to Hanoi\./);
  });

  it('draws the route leg by leg: rail, then road, with stations clickable for what is said about them', async () => {
    const { page } = await session.open('/three-languages/?lang=en#train', { reducedMotion: 'reduce' });
    await waitForMap(page);
    await page.waitForSelector('.sm-map__canvas[data-map-step="train"]');
    const layers = await page.evaluate(() => {
      const map = (document.querySelector('.sm-map__canvas') as HTMLElement & { maplibreMap: import('maplibre-gl').Map }).maplibreMap;
      return map.getStyle().layers.filter((l) => l.id.startsWith('feature:rail')).map((l) => [l.id, map.getLayoutProperty(l.id, 'visibility')]);
    });
    expect(layers).toEqual([
      ['feature:rail:planned', 'visible'],
      ['feature:rail:rail', 'visible'],
      ['feature:rail:road', 'visible'],
      ['feature:rail:stops', 'visible'],
    ]);
    await page.locator('.sm-place[data-place="dong-dang"]').click();
    const dialog = page.getByRole('dialog', { name: 'Dong Dang' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/None of the sources mentions this place by name/);
  });

  it('embeds the second story in all three modes, opening its excerpts and its source reader', async () => {
    const host = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title></head><body>
<p style="height:300px">Article text.</p>
<script defer src="${base}/embed.js"></script>
<story-map id="inline" story="the-lift-home"></story-map>
<iframe id="frame" data-story-map title="The lift home" style="width:100%;height:500px;border:0" src="${base}/embed.html?story=the-lift-home"></iframe>
<script src="${base}/embed-host.js"></script>
<story-map id="card" story="the-lift-home" step="the-offer" mode="card"></story-map>
</body></html>`;
    const ctx = await session.browser().newContext({ viewport: { width: 800, height: 600 } });
    try {
      const page = await ctx.newPage();
      // The article on another origin than the story, as deployed, from the article server (tests/serve.ts).
      const article = `${inject('articleUrl')}/t/lift-host.html`;
      expect((await fetch(article, { method: 'PUT', body: host })).ok).toBe(true);
      await page.goto(article);
      await page.waitForSelector('#inline >> .sm-app[data-interactive]');
      expect(await page.locator('#inline >> h2.sm-title').innerText()).toBe('The lift home');
      await page.waitForSelector('#card >> [data-step="the-offer"]');
      expect(await page.locator('#card >> .sm-calc').innerText()).toMatch(/2,757 km from Hanoi to Pyongyang/);
      const frame = page.frameLocator('#frame');
      await frame.locator('.sm-app[data-interactive]').waitFor();
      // The helper sized the frame to the story: no inner scrolling.
      await page.waitForFunction(() => document.getElementById('frame')!.getBoundingClientRect().height > 1000);
      // A place's excerpts, then a quote's source with the passage marked, inside the element.
      await page.locator('#inline >> [data-step] .sm-chip').first().click();
      const excerpts = page.locator('#inline >> dialog[open]');
      await excerpts.waitFor();
      expect(await excerpts.locator('blockquote').count()).toBeGreaterThan(0);
      await page.keyboard.press('Escape');
      await page.locator('#inline >> [data-step] .sm-citation button').first().click();
      await page.locator('#inline >> dialog[open] mark').waitFor();
    } finally {
      await ctx.close();
    }
  });

  it('has no WCAG 2.2 AA violations at any step of the second story, nor on the front page', async () => {
    const audit = async (page: import('playwright-core').Page) =>
      (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations.map(
        (v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`,
      );
    const front = await session.open('/');
    expect(await audit(front.page)).toEqual([]);
    const { page } = await session.open('/the-lift-home/', { reducedMotion: 'reduce' });
    await waitForMap(page);
    const ids = await page.locator('[data-step]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.step!));
    const found: string[] = [];
    for (const id of ids) {
      await page.evaluate((step) => document.querySelector(`[data-step="${step}"]`)!.scrollIntoView({ block: 'center' }), id);
      await page.waitForSelector(`[data-step="${id}"][aria-current="step"]`);
      found.push(...(await audit(page)).map((v) => `${id}: ${v}`));
    }
    expect(found).toEqual([]);
    // About 30 s on a quiet machine: two walks in parallel may double that.
  }, 120_000);
});
