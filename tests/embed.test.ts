import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { artifacts, useBrowser } from './browser';

const base = inject('baseUrl');
const session = useBrowser(base);
const opened = session.opened;
const open = session.open;

/** Scroll the host page so that the middle of `selector` (inside `host`'s shadow root) is mid-screen. */
async function centreInShadow(page: Page, hostSelector: string, step: string) {
  await page.evaluate(
    ([h, s]) => {
      const el = document.querySelector(h!)!.shadowRoot!.querySelector(`[data-step="${s}"]`)!;
      const r = el.getBoundingClientRect();
      window.scrollBy(0, r.top + r.height / 2 - innerHeight / 2);
    },
    [hostSelector, step],
  );
}

async function frameOf(page: Page, id: string): Promise<Frame> {
  const handle = await page.waitForSelector(`#${id}`);
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`no frame #${id}`);
  return frame;
}

/** Scroll the host page so that step `step` of the iframe `id` is mid-screen. */
async function centreInFrame(page: Page, id: string, step: string) {
  const frame = await frameOf(page, id);
  const y = await frame.evaluate((s) => {
    const r = document.querySelector(`[data-step="${s}"]`)!.getBoundingClientRect();
    return r.top + r.height / 2;
  }, step);
  await page.evaluate(([i, yy]) => {
    const r = document.getElementById(i as string)!.getBoundingClientRect();
    window.scrollBy(0, r.top + (yy as number) - innerHeight / 2);
  }, [id, y] as const);
}

/**
 * Centre a step of the iframe and wait for it to become active. The frame may
 * still be growing while the article around it loads (its map, the lazy
 * iframe), which moves the target; so measure again until it holds.
 */
async function centreInFrameUntilActive(page: Page, id: string, step: string) {
  const frame = await frameOf(page, id);
  for (let attempt = 0; attempt < 5; attempt++) {
    await centreInFrame(page, id, step);
    const ok = await frame
      .waitForSelector(`[data-step="${step}"][aria-current="step"]`, { timeout: 3000 })
      .then(() => true, () => false);
    if (ok) return;
  }
  throw new Error(`step ${step} of #${id} never became active`);
}

describe('the inline element', () => {
  it('advances its steps as the host page scrolls, emits stepchange, and goTo works', async () => {
    const { page } = await open('/example-article.html');
    await page.evaluate(() => {
      const w = window as unknown as { changes: unknown[] };
      w.changes = [];
      document.getElementById('inline-story')!.addEventListener('stepchange', (e) => w.changes.push((e as CustomEvent).detail));
    });
    await page.waitForSelector('#inline-story >> [data-step="singapore"]');
    await centreInShadow(page, '#inline-story', 'singapore');
    await page.waitForSelector('#inline-story >> [data-step="singapore"][aria-current="step"]');
    await centreInShadow(page, '#inline-story', 'hanoi-collapse');
    await page.waitForSelector('#inline-story >> [data-step="hanoi-collapse"][aria-current="step"]');
    const changes = await page.evaluate(() => (window as unknown as { changes: { id: string; index: number }[] }).changes);
    expect(changes.at(-1)).toEqual({ id: 'hanoi-collapse', index: 7 });
    expect(changes.map((c) => c.id)).toContain('singapore');
    // The map stays on screen while its steps scroll past.
    const mapTop = await page.evaluate(
      () => document.getElementById('inline-story')!.shadowRoot!.querySelector('.sm-map-col')!.getBoundingClientRect().top,
    );
    expect(Math.abs(mapTop)).toBeLessThan(2);
    await page.screenshot({ path: join(artifacts, 'embed-inline.png') });

    expect(await page.evaluate(() => document.querySelector('story-map')!.goTo('dmz'))).toBe(true);
    await page.waitForSelector('#inline-story >> [data-step="dmz"][aria-current="step"]');
    expect(await page.evaluate(() => document.querySelector('story-map')!.goTo('no-such-step'))).toBe(false);
  });

  it('lets the wheel scroll the article over the map (cooperative gestures)', async () => {
    const { page } = await open('/example-article.html');
    await page.waitForSelector('#inline-story >> .sm-map[data-map-status="ready"]', { timeout: 60_000 });
    await centreInShadow(page, '#inline-story', 'overview');
    const box = (await page.locator('#inline-story >> .sm-map__canvas').boundingBox())!;
    const before = await page.evaluate(() => scrollY);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 400);
    await page.waitForFunction((y) => scrollY > y + 100, before);
  });
});

describe('the iframe with the host helper', () => {
  it('is as tall as its content and follows the host page scrolling, with the map pinned', async () => {
    const { page } = await open('/example-article.html');
    const frame = await frameOf(page, 'iframe-story');
    await frame.waitForSelector('[data-step="overview"]');
    await frame.waitForFunction(() => document.documentElement.classList.contains('sm-frame--host-sized'));
    await page.waitForFunction(() => document.getElementById('iframe-story')!.getBoundingClientRect().height > 3000);
    const sizes = await page.evaluate(() => {
      const f = document.getElementById('iframe-story') as HTMLIFrameElement;
      return { frame: f.clientHeight, content: f.contentDocument!.documentElement.scrollHeight };
    });
    expect(Math.abs(sizes.frame - sizes.content)).toBeLessThanOrEqual(1);

    await page.evaluate(() => {
      const w = window as unknown as { frameChanges: unknown[] };
      w.frameChanges = [];
      document.getElementById('iframe-story')!.addEventListener('stepchange', (e) => w.frameChanges.push((e as CustomEvent).detail));
    });
    await centreInFrameUntilActive(page, 'iframe-story', 'the-offer');
    await page.waitForFunction(() =>
      (window as unknown as { frameChanges: { id: string }[] }).frameChanges.some((c) => c.id === 'the-offer'),
    );
    // The map column sits in the visible part of the frame.
    const mapOnScreen = await page.evaluate(() => {
      const f = document.getElementById('iframe-story') as HTMLIFrameElement;
      const col = f.contentDocument!.querySelector('.sm-map-col')!.getBoundingClientRect();
      return f.getBoundingClientRect().top + col.top;
    });
    expect(Math.abs(mapOnScreen)).toBeLessThan(3);
    await page.screenshot({ path: join(artifacts, 'embed-iframe.png') });

    // goTo through the helper scrolls the article to the step.
    await page.evaluate(() => (document.getElementById('iframe-story') as HTMLIFrameElement & { goTo(id: string): boolean }).goTo('dmz'));
    await frame.waitForSelector('[data-step="dmz"][aria-current="step"]');
  });

  it('ignores messages from a wrong origin or with a malformed payload', async () => {
    const { page } = await open('/example-article.html');
    const frame = await frameOf(page, 'iframe-story');
    await frame.waitForFunction(() => document.documentElement.classList.contains('sm-frame--host-sized'));
    await centreInFrameUntilActive(page, 'iframe-story', 'singapore');
    const snapshot = () => frame.evaluate(() => ({ active: document.querySelector('[aria-current="step"]')!.getAttribute('data-step'), steps: document.querySelector('.sm-steps')!.innerHTML }));
    const before = await snapshot();
    // From the right window but another origin: a valid "go to the last step".
    await frame.evaluate(() =>
      window.dispatchEvent(
        new MessageEvent('message', { origin: 'http://evil.example', source: window.parent, data: { source: 'story-map-host', version: 1, type: 'goto', id: 'deadlock' } }),
      ),
    );
    // From the host page itself, malformed or hostile payloads.
    await page.evaluate(() => {
      const w = (document.getElementById('iframe-story') as HTMLIFrameElement).contentWindow!;
      const bad = [
        'goto deadlock',
        { source: 'story-map-host', version: 1, type: 'goto', id: '<img src=x onerror=alert(1)>' },
        { source: 'story-map-host', version: 2, type: 'goto', id: 'deadlock' },
        { source: 'story-map-host', version: 1, type: 'viewport', top: 'NaN', height: 600 },
        { source: 'story-map-host', version: 1, type: 'viewport', top: 1e9, height: 600 },
        { source: 'story-map-host', version: 1, type: 'eval', code: 'document.body.remove()' },
      ];
      for (const data of bad) w.postMessage(data, '*');
    });
    await page.waitForTimeout(500);
    expect(await snapshot()).toEqual(before);
    expect(await frame.locator('img').count()).toBe(0);
  });
});

describe('the iframe without the helper', () => {
  it('keeps a fixed height and scrolls the story inside, opening at its deep link', async () => {
    const ctx = await session.browser().newContext({ viewport: { width: 800, height: 600 } });
    const page = await ctx.newPage();
    const host = `<!doctype html><meta charset="utf-8"><title>no helper</title><p>Article text.</p>
      <iframe id="f" src="/embed.html?story=trump-kim-summits&step=singapore&lang=en" style="width:760px;height:500px;border:0"></iframe>`;
    await page.route(`${base}/no-helper.html`, (route) => route.fulfill({ contentType: 'text/html', body: host }));
    await page.goto(`${base}/no-helper.html`);
    const frame = await frameOf(page, 'f');
    await frame.waitForSelector('[data-step="singapore"][aria-current="step"]');
    expect(await frame.locator('[data-step="singapore"] h2').innerText()).toBe('Singapore: the first summit');
    expect(await page.evaluate(() => document.getElementById('f')!.getBoundingClientRect().height)).toBe(500);
    await frame.evaluate(() => document.querySelector('[data-step="dmz"]')!.scrollIntoView({ block: 'center' }));
    await frame.waitForSelector('[data-step="dmz"][aria-current="step"]');
    expect(await page.evaluate(() => scrollY)).toBe(0);
    await ctx.close();
  });
});

describe('single-step cards', () => {
  it('render their own step, map and citation, independently of each other, with a link to the story', async () => {
    const { page } = await open('/example-article.html');
    for (const [id, step] of [
      ['card-offer', 'the-offer'],
      ['card-dmz', 'dmz'],
    ] as const) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      await page.waitForSelector(`#${id} >> .sm-map[data-map-status="ready"]`, { timeout: 60_000 });
      await page.waitForSelector(`#${id} >> [data-step="${step}"]`);
      expect(await page.locator(`#${id} >> [data-step]`).count()).toBe(1);
      expect(await page.locator(`#${id} >> blockquote`).count()).toBeGreaterThan(0);
      const href = await page.locator(`#${id} >> .sm-figure__more a`).getAttribute('href');
      expect(href).toMatch(new RegExp(`#${step}$`));
      const rendered = await page.evaluate(async (hostId) => {
        const host = document.getElementById(hostId)!.shadowRoot!.querySelector('.sm-map__canvas') as HTMLElement & { maplibreMap: import('maplibre-gl').Map };
        const map = host.maplibreMap;
        if (map.isMoving()) await new Promise((r) => map.once('idle', r));
        return { step: host.dataset.mapStep, countries: map.queryRenderedFeatures({ layers: ['countries'] }).length };
      }, id);
      expect(rendered.step).toBe(step);
      expect(rendered.countries).toBeGreaterThan(0);
    }
    expect(await page.locator('#card-dmz >> [data-step] h2').innerText()).toBe('Third meeting: the demilitarised zone');
    expect(await page.locator('#card-offer >> [data-step] h2').innerText()).toBe('Het aanbod: in twee uur naar huis');
    // Opening a place in one card leaves the other alone.
    await page.locator('#card-offer >> .sm-chip').first().click();
    await page.locator('#card-offer >> dialog[open]').waitFor();
    expect(await page.locator('#card-dmz >> dialog[open]').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.locator('#card-offer').screenshot({ path: join(artifacts, 'embed-card.png') });
  });

  it('renders as an iframe card, with lang', async () => {
    const { page } = await open('/embed.html?story=trump-kim-summits&step=singapore&mode=card&lang=en');
    await page.waitForSelector('[data-step="singapore"]');
    expect(await page.locator('[data-step] h2').innerText()).toBe('Singapore: the first summit');
    await page.waitForSelector('.sm-map[data-map-status="ready"]', { timeout: 60_000 });
    await page.screenshot({ path: join(artifacts, 'embed-card-iframe.png') });
  });

  it('shows a clear note for an unknown story, without echoing it', async () => {
    const { page } = await open('/embed.html?story=%3Cscript%3Ealert(1)%3C/script%3E');
    await page.waitForSelector('.sm-frame-error');
    expect(await page.locator('body').innerText()).not.toContain('script');
  });
});

const HOSTILE = `<!doctype html><html><head><meta charset="utf-8"><title>hostile</title>
<style>* { color: red; font-size: 40px; } div { display: inline; } html { font-size: 10px; }</style></head>
<body><h2 id="host-h2">Host heading</h2><p id="host-p">Host paragraph</p><blockquote id="host-q">Host quote</blockquote>
<button id="host-b">Host button</button>
<script type="module" src="${'/embed.js'}"></script>
<story-map id="s" story="trump-kim-summits" step="singapore" mode="card"></story-map></body></html>`;

const PLAIN = HOSTILE.replace(/<script.*<\/story-map>/s, '');

describe('style isolation', () => {
  it('keeps the story intact under hostile host CSS, and leaves the host untouched', async () => {
    const ctx = await session.browser().newContext({ viewport: { width: 800, height: 600 } });
    const page = await ctx.newPage();
    await page.route(`${base}/hostile.html`, (route) => route.fulfill({ contentType: 'text/html', body: HOSTILE }));
    await page.route(`${base}/plain.html`, (route) => route.fulfill({ contentType: 'text/html', body: PLAIN }));
    const hostStyles = () =>
      page.evaluate(() =>
        ['host-h2', 'host-p', 'host-q', 'host-b'].map((id) => {
          const cs = getComputedStyle(document.getElementById(id)!);
          return [id, cs.color, cs.fontSize, cs.fontFamily, cs.margin, cs.padding, cs.borderLeftWidth, cs.display].join('|');
        }),
      );
    await page.goto(`${base}/plain.html`);
    const withoutStory = await hostStyles();
    await page.goto(`${base}/hostile.html`);
    await page.waitForSelector('#s >> [data-step="singapore"]');
    expect(await hostStyles()).toEqual(withoutStory);

    const story = await page.evaluate(() => {
      const root = document.getElementById('s')!.shadowRoot!;
      const title = getComputedStyle(root.querySelector('[data-step] h2')!);
      const text = getComputedStyle(root.querySelector('[data-step] p:not(.sm-kicker)')!);
      const figure = getComputedStyle(root.querySelector('.sm-figure')!);
      const mapBox = root.querySelector('.sm-figure__map')!.getBoundingClientRect();
      return { titleColor: title.color, titleSize: title.fontSize, textSize: text.fontSize, figureDisplay: figure.display, mapHeight: mapBox.height };
    });
    expect(story.titleColor).not.toBe('rgb(255, 0, 0)');
    expect(story.titleSize).toBe('24px');
    expect(story.textSize).toBe('17px');
    expect(story.figureDisplay).toBe('block');
    expect(story.mapHeight).toBe(320);
    await page.screenshot({ path: join(artifacts, 'embed-hostile.png'), fullPage: false });
    await ctx.close();
  });
});

describe('the embeds', () => {
  it('requested nothing from any host but the one serving the story', () => {
    const urls = opened.flatMap((p) => p.requests);
    expect(urls.length).toBeGreaterThan(0);
    const foreign = urls.filter((u) => !/^(data:|blob:)/.test(u) && new URL(u).origin !== base);
    expect(foreign).toEqual([]);
    expect(opened.flatMap((p) => p.errors)).toEqual([]);
  });
});
