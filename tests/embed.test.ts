/**
 * The three embeds as a newsroom page gets them: every article here is served
 * from another origin (`articleUrl`, localhost) than the story (`baseUrl`,
 * 127.0.0.1), as deployed — see tests/serve.ts.
 */
import { join } from 'node:path';
import type { BrowserContextOptions, Frame, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { artifacts, useBrowser } from './browser';

const base = inject('baseUrl');
const article = inject('articleUrl');
const bare = inject('bareUrl');
const session = useBrowser(article);
/** A page of the article server (`/example-article.html`, `/hostile-host.html`, `/bare/…`). */
const open = session.open;
/** A page at any address. */
const openUrl = session.openUrl;

/** Put an article of our own at `/t/<name>` on the article server (`location`: a redirect instead). */
async function putArticle(name: string, html: string, location?: string): Promise<string> {
  const url = `${article}/t/${name}`;
  const response = await fetch(url, { method: 'PUT', body: html, headers: location ? { location } : {} });
  if (!response.ok) throw new Error(`PUT ${url}: ${response.status}`);
  return url;
}

/** An article of our own on the article's origin. */
async function openArticle(name: string, html: string, context: BrowserContextOptions = {}) {
  return openUrl(await putArticle(name, html), context);
}

/** An article of our own whose body is `frames`, followed by the host helper. */
const openFramesArticle = (name: string, frames: string) =>
  openArticle(
    name,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title></head><body>
    ${frames}
    <script src="${base}/embed-host.js"></script></body></html>`,
  );

/** Scroll what scrolls the article: the hostile host's container, else the window. */
async function scrollArticleBy(page: Page, dy: number) {
  await page.evaluate((by) => (document.getElementById('page') ?? window).scrollBy(0, by), dy);
}

/** Scroll the host page so that the middle of `selector` (inside `host`'s shadow root) is mid-screen. */
async function centreInShadow(page: Page, hostSelector: string, step: string) {
  const dy = await page.evaluate(
    ([h, s]) => {
      const el = document.querySelector(h!)!.shadowRoot!.querySelector(`[data-step="${s}"]`)!;
      const r = el.getBoundingClientRect();
      return r.top + r.height / 2 - innerHeight / 2;
    },
    [hostSelector, step],
  );
  await scrollArticleBy(page, dy);
}

async function frameOf(page: Page, id: string): Promise<Frame> {
  const handle = await page.waitForSelector(`#${id}`);
  for (let i = 0; i < 100; i++) {
    const frame = await handle.contentFrame();
    if (frame && frame.url().startsWith('http')) return frame;
    // A lazy frame stays about:blank until it comes near the screen.
    if (i === 0) await handle.scrollIntoViewIfNeeded();
    await page.waitForTimeout(100);
  }
  throw new Error(`no frame #${id}`);
}

/** Scroll the host page so that step `step` of the iframe `id` is in the middle of the part of the screen below `offset`. */
async function centreInFrame(page: Page, id: string, step: string, offset = 0) {
  const frame = await frameOf(page, id);
  const y = await frame.evaluate((s) => {
    const r = document.querySelector(`[data-step="${s}"]`)!.getBoundingClientRect();
    return r.top + r.height / 2;
  }, step);
  const [top, height] = await page.evaluate((i) => [document.getElementById(i)!.getBoundingClientRect().top, innerHeight], id);
  await scrollArticleBy(page, top! + y - (offset + (height! - offset) / 2));
}

/**
 * Centre a step of the iframe and wait for it to become active. The frame may
 * still be growing while the article around it loads (its map, the lazy
 * iframe), which moves the target; so measure again until it holds.
 */
async function centreInFrameUntilActive(page: Page, id: string, step: string, offset = 0) {
  const frame = await frameOf(page, id);
  for (let attempt = 0; attempt < 5; attempt++) {
    await centreInFrame(page, id, step, offset);
    const ok = await frame
      .waitForSelector(`[data-step="${step}"][aria-current="step"]`, { timeout: 3000 })
      .then(() => true, () => false);
    if (ok) return;
  }
  throw new Error(`step ${step} of #${id} never became active`);
}

/** Wait until the helper has sized the frame to its content. */
async function waitHostSized(page: Page, id: string) {
  await page.waitForFunction((i) => document.getElementById(i)!.getBoundingClientRect().height > 1000, id, { timeout: 30_000 });
}

/**
 * Record every height the helper gives the iframe `id`; `settled()` waits until it has not changed for
 * `quiet` ms and returns how many changes there were since the start or `reset()` (a resize loop never settles).
 */
async function watchHeight(page: Page, id: string) {
  type Watch = { heights: { h: string; t: number }[] };
  const reset = () =>
    page.evaluate((i) => {
      (window as unknown as Watch).heights = [{ h: document.getElementById(i)!.style.height, t: performance.now() }];
    }, id);
  await reset();
  await page.evaluate((i) => {
    const f = document.getElementById(i)!;
    const w = window as unknown as Watch;
    new MutationObserver(() => {
      if (w.heights.at(-1)?.h !== f.style.height) w.heights.push({ h: f.style.height, t: performance.now() });
    }).observe(f, { attributes: true, attributeFilter: ['style'] });
  }, id);
  return {
    async settled(quiet = 1500) {
      await page.waitForFunction((q) => performance.now() - (window as unknown as Watch).heights.at(-1)!.t > q, quiet, { timeout: 30_000, polling: 250 });
      return page.evaluate(() => (window as unknown as Watch).heights.length - 1);
    },
    reset,
  };
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

  it('follows its lang and step attributes when the host page changes them', async () => {
    const { page } = await open('/example-article.html');
    const inline = '#inline-story';
    await page.waitForSelector(`${inline} >> .sm-app[data-interactive]`);
    expect(await page.locator(`${inline} >> [data-step="singapore"] h2`).innerText()).toBe('Singapore: de eerste top');
    await page.evaluate(() => document.getElementById('inline-story')!.setAttribute('lang', 'en'));
    await expect.poll(() => page.locator(`${inline} >> [data-step="singapore"] h2`).innerText()).toBe('Singapore: the first summit');
    expect(await page.locator(`${inline} >> .sm-app`).getAttribute('lang')).toBe('en');
    await page.evaluate(() => document.getElementById('inline-story')!.setAttribute('step', 'dmz'));
    await page.waitForSelector(`${inline} >> [data-step="dmz"][aria-current="step"]`);
    // The article scrolls to the step: it comes on screen.
    const top = () => page.evaluate(() => document.getElementById('inline-story')!.shadowRoot!.querySelector('[data-step="dmz"]')!.getBoundingClientRect().top);
    await expect.poll(async () => Math.abs(Math.round((await top()) / 600)), { timeout: 10_000 }).toBe(0);
    // A language the story does not have changes nothing.
    await page.evaluate(() => document.getElementById('inline-story')!.setAttribute('lang', 'fr'));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await page.locator(`${inline} >> [data-step="singapore"] h2`).innerText()).toBe('Singapore: the first summit');
  });

  it('lets the wheel scroll the article over the map, and Ctrl + wheel zoom the map, with a hint in the reader\'s language', async () => {
    const { page } = await open('/example-article.html');
    await page.waitForSelector('#inline-story >> .sm-map[data-map-status="ready"]', { timeout: 60_000 });
    await centreInShadow(page, '#inline-story', 'overview');
    const zoom = () =>
      page.evaluate(() => (document.getElementById('inline-story')!.shadowRoot!.querySelector('.sm-map__canvas') as HTMLElement & { maplibreMap: import('maplibre-gl').Map }).maplibreMap.getZoom());
    // A point where the reader sees the map itself, not a card or the title over it.
    const point = await page.evaluate(() => {
      const root = document.getElementById('inline-story')!.shadowRoot!;
      for (let y = 0.9; y > 0.1; y -= 0.1)
        for (let x = 0.9; x > 0.1; x -= 0.1) {
          const [px, py] = [innerWidth * x, innerHeight * y];
          if (root.elementFromPoint(px, py)?.classList.contains('maplibregl-canvas')) return { x: px, y: py };
        }
      throw new Error('the map is covered everywhere');
    });
    const before = { y: await page.evaluate(() => scrollY), zoom: await zoom() };
    await page.mouse.move(point.x, point.y);
    await page.mouse.wheel(0, 400);
    await page.waitForFunction((y) => scrollY > y + 100, before.y);
    expect(await zoom()).toBe(before.zoom);
    // The plain wheel told the reader how to zoom instead, in the story's language (Dutch here).
    expect(await page.locator('#inline-story >> .maplibregl-cooperative-gesture-screen').innerText()).toMatch(/Ctrl/);
    expect(await page.locator('#inline-story >> .maplibregl-cooperative-gesture-screen').innerText()).toMatch(/kaart/);
    const y = await page.evaluate(() => scrollY);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await expect.poll(zoom).toBeGreaterThan(before.zoom);
    expect(await page.evaluate(() => scrollY)).toBe(y);
  });
});

describe('the iframe with the host helper', () => {
  it('is found without data-story-map, is as tall as its content and follows the host page scrolling, with the map pinned', async () => {
    const { page } = await open('/example-article.html');
    // The example's iframe carries no data-story-map and loads lazily: scrolled near, it loads and says `ready`.
    expect(await page.locator('#iframe-story').getAttribute('data-story-map')).toBeNull();
    await page.locator('#iframe-story').scrollIntoViewIfNeeded();
    const frame = await frameOf(page, 'iframe-story');
    expect(new URL(frame.url()).origin).toBe(base);
    await frame.waitForSelector('[data-step="overview"]');
    await frame.waitForFunction(() => document.documentElement.classList.contains('sm-frame--host-sized'));
    await waitHostSized(page, 'iframe-story');
    // The frame's content may still grow as its map and fonts arrive; its height follows by message.
    const mismatch = async () => {
      const content = await frame.evaluate(() => document.body.getBoundingClientRect().height);
      const frameHeight = await page.evaluate(() => document.getElementById('iframe-story')!.clientHeight);
      return Math.abs(frameHeight - content);
    };
    await expect.poll(mismatch, { timeout: 10_000, interval: 200 }).toBeLessThanOrEqual(1);

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
    const colTop = await frame.evaluate(() => document.querySelector('.sm-map-col')!.getBoundingClientRect().top);
    const frameTop = await page.evaluate(() => document.getElementById('iframe-story')!.getBoundingClientRect().top);
    expect(Math.abs(frameTop + colTop)).toBeLessThan(3);
    await page.screenshot({ path: join(artifacts, 'embed-iframe.png') });

    // goTo through the helper scrolls the article to the step; an unknown step is refused.
    type WithGoTo = HTMLIFrameElement & { goTo(id: string): boolean };
    expect(await page.evaluate(() => (document.getElementById('iframe-story') as WithGoTo).goTo('no-such-step'))).toBe(false);
    expect(await page.evaluate(() => (document.getElementById('iframe-story') as WithGoTo).goTo('dmz'))).toBe(true);
    await frame.waitForSelector('[data-step="dmz"][aria-current="step"]');
  });

  it('connects a frame added later, and one that loaded before the helper, without connect()', async () => {
    const story = `${base}/embed.html?story=the-lift-home&lang=en`;
    const { page } = await openArticle(
      'late.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>late</title></head><body>
      <p>Article text.</p><iframe id="early" title="Story map: The lift home" src="${story}" style="width:100%;height:400px;border:0"></iframe>
      <div id="later"></div><p style="height:2000px">More text.</p></body></html>`,
    );
    // The frame has loaded and said `ready` to nobody; then the helper arrives (a tag manager, a late script).
    const early = await frameOf(page, 'early');
    await early.waitForSelector('.sm-app[data-interactive]');
    await page.evaluate((src) => {
      const script = document.createElement('script');
      script.src = src;
      document.body.append(script);
    }, `${base}/embed-host.js`);
    await waitHostSized(page, 'early');
    // A single-page host renders another story later: it connects by itself.
    await page.evaluate((src) => {
      const iframe = document.createElement('iframe');
      iframe.id = 'added';
      iframe.title = 'Story map: The lift home';
      iframe.src = src;
      iframe.style.cssText = 'width:100%;height:400px;border:0';
      document.getElementById('later')!.append(iframe);
    }, `${story}#the-offer`);
    await waitHostSized(page, 'added');
    expect(await page.evaluate(() => typeof (document.getElementById('added') as HTMLIFrameElement & { goTo?: unknown }).goTo)).toBe('function');
  });

  it('connects no frame whose content is not from the origin of its src', async () => {
    // The iframe's src is on the article's origin, which sends it on to another (the article server under its
    // other name): the page there says `ready` and asks for a height, again and again. It is not the frame the
    // page asked for, and its messages are ignored.
    const other = article.replace('localhost', '127.0.0.1');
    const impostor = await putArticle(
      'impostor.html',
      `<!doctype html><title>impostor</title><script>
      setInterval(() => {
        parent.postMessage({ source: 'story-map', version: 1, type: 'ready', steps: ['dmz'] }, '*');
        parent.postMessage({ source: 'story-map', version: 1, type: 'height', height: 5000 }, '*');
      }, 100);</script>`,
    );
    const redirect = await putArticle('redirect', '', impostor.replace(article, other));
    const { page } = await openFramesArticle(
      'moved.html',
      `<iframe id="moved" title="moved" src="${redirect}" style="width:100%;height:400px;border:0"></iframe>
      <iframe id="good" title="Story map" src="${base}/embed.html?story=the-lift-home" style="width:100%;height:400px;border:0"></iframe>`,
    );
    await page.evaluate((from) => {
      const w = window as unknown as { heard: number };
      w.heard = 0;
      addEventListener('message', (e) => void (e.origin === from && w.heard++));
    }, other);
    const moved = await frameOf(page, 'moved');
    expect(new URL(moved.url()).origin).toBe(other);
    await waitHostSized(page, 'good');
    // The impostor has said `ready` and asked for a height five times each.
    await page.waitForFunction(() => (window as unknown as { heard: number }).heard >= 10);
    expect(await page.evaluate(() => document.getElementById('moved')!.getBoundingClientRect().height)).toBe(400);
    expect(await page.evaluate(() => 'goTo' in document.getElementById('moved')!)).toBe(false);
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
    // Messages arrive in order: once the frame answers a `hello` sent after them, it has read them all.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const frame = document.getElementById('iframe-story') as HTMLIFrameElement;
          addEventListener('message', (e) => e.source === frame.contentWindow && (e.data as { type?: string }).type === 'ready' && resolve());
          frame.contentWindow!.postMessage({ source: 'story-map-host', version: 1, type: 'hello' }, '*');
        }),
    );
    expect(await snapshot()).toEqual(before);
    expect(await frame.locator('img').count()).toBe(0);
  });
});

describe('the host helper', () => {
  it('takes a frame\'s messages only from that frame\'s own window', async () => {
    const { page } = await openFramesArticle(
      'windows.html',
      `<iframe id="story" title="Story map" src="${base}/embed.html?story=the-lift-home&lang=en" style="width:100%;height:400px;border:0"></iframe>
      <iframe id="other" title="Licences" src="${base}/third-party-licenses.txt" style="width:100%;height:150px;border:0"></iframe>`,
    );
    await waitHostSized(page, 'story');
    const height = () => page.evaluate(() => ['story', 'other'].map((id) => document.getElementById(id)!.getBoundingClientRect().height));
    const [sized] = await height();
    // Another window of the story's origin, and the article's own window, speak as the story frame would;
    // each then sends a last message, and messages from one window arrive in order.
    await page.evaluate(() => {
      const w = window as unknown as { lasts: number };
      w.lasts = 0;
      addEventListener('message', (e) => void ((e.data as { last?: boolean }).last && w.lasts++));
    });
    const claim = { source: 'story-map', version: 1, type: 'height', height: 5 };
    await (await frameOf(page, 'other')).evaluate((data) => {
      parent.postMessage(data, '*');
      parent.postMessage({ last: true }, '*');
    }, claim);
    await page.evaluate((data) => {
      postMessage(data, '*');
      postMessage({ last: true }, '*');
    }, claim);
    await page.waitForFunction(() => (window as unknown as { lasts: number }).lasts === 2);
    expect(await height()).toEqual([sized, 150]);
  });

  it('connects a frame again when the page asks with StoryMapHost.connect: it says ready and tells its height at once', async () => {
    const { page } = await open('/example-article.html');
    await page.locator('#iframe-story').scrollIntoViewIfNeeded();
    await waitHostSized(page, 'iframe-story');
    // Once the frame has stopped growing, it has no height of its own to tell.
    await (await watchHeight(page, 'iframe-story')).settled();
    // A host script that re-rendered its block (and may have set the frame's height) asks the helper to connect it again.
    const heard = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const iframe = document.getElementById('iframe-story') as HTMLIFrameElement;
          const types: string[] = [];
          addEventListener('message', (e) => {
            if (e.source !== iframe.contentWindow) return;
            types.push((e.data as { type: string }).type);
            if (types.indexOf('height', types.indexOf('ready')) > 0) resolve(types);
          });
          (window as unknown as { StoryMapHost: { connect(f: HTMLIFrameElement): void } }).StoryMapHost.connect(iframe);
        }),
    );
    expect(heard.filter((t) => t !== 'stepchange')).toEqual(['ready', 'height']);
  });
});

describe('the iframe without the helper', () => {
  it('keeps a fixed height and scrolls the story inside, opening at its deep link', async () => {
    const { page } = await openArticle(
      'no-helper.html',
      `<!doctype html><meta charset="utf-8"><title>no helper</title><p>Article text.</p>
      <iframe id="f" title="Story map" src="${base}/embed.html?story=trump-kim-summits&step=singapore&lang=en" style="width:760px;height:500px;border:0"></iframe>
      <p style="height:3000px">More article text.</p>`,
    );
    const frame = await frameOf(page, 'f');
    await frame.waitForSelector('[data-step="singapore"][aria-current="step"]');
    expect(await frame.locator('[data-step="singapore"] h2').innerText()).toBe('Singapore: the first summit');
    expect(await page.evaluate(() => document.getElementById('f')!.getBoundingClientRect().height)).toBe(500);
    // The reader's wheel over the frame scrolls the story inside it, on to the next step; the article, which
    // could scroll, stays where it is.
    const box = (await page.locator('#f').boundingBox())!;
    const inside = await frame.evaluate(() => scrollY);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 600);
    await frame.waitForFunction((y) => scrollY > y + 300, inside);
    await frame.waitForSelector('[data-step="singapore"]:not([aria-current="step"])');
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(3000);
    expect(await page.evaluate(() => scrollY)).toBe(0);
    await frame.evaluate(() => document.querySelector('[data-step="dmz"]')!.scrollIntoView({ block: 'center' }));
    await frame.waitForSelector('[data-step="dmz"][aria-current="step"]');
    expect(await page.evaluate(() => document.getElementById('f')!.getBoundingClientRect().height)).toBe(500);
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
    const { page } = await openUrl(`${base}/embed.html?story=trump-kim-summits&step=singapore&mode=card&lang=en`);
    await page.waitForSelector('[data-step="singapore"]');
    expect(await page.locator('[data-step] h2').innerText()).toBe('Singapore: the first summit');
    await page.waitForSelector('.sm-map[data-map-status="ready"]', { timeout: 60_000 });
    await page.screenshot({ path: join(artifacts, 'embed-card-iframe.png') });
  });

  it('shows a clear note for an unknown story, without echoing it', async () => {
    const { page } = await openUrl(`${base}/embed.html?story=%3Cscript%3Ealert(1)%3C/script%3E`);
    await page.waitForSelector('.sm-frame-error');
    expect(await page.locator('body').innerText()).not.toContain('script');
  });
});

const HOSTILE = `<!doctype html><html><head><meta charset="utf-8"><title>hostile</title>
<style>* { color: red; font-size: 40px; } div { display: inline; } html { font-size: 10px; }</style></head>
<body><h2 id="host-h2">Host heading</h2><p id="host-p">Host paragraph</p><blockquote id="host-q">Host quote</blockquote>
<button id="host-b">Host button</button>
<script defer src="${base}/embed.js"></script>
<story-map id="s" story="trump-kim-summits" step="singapore" mode="card"></story-map></body></html>`;

const PLAIN = HOSTILE.replace(/<script.*<\/story-map>/s, '');

describe('style isolation', () => {
  it('keeps the story intact under hostile host CSS, and leaves the host untouched', async () => {
    const [hostile, plain] = await Promise.all([putArticle('hostile.html', HOSTILE), putArticle('plain.html', PLAIN)]);
    const ctx = await session.browser().newContext({ viewport: { width: 800, height: 600 } });
    const page = await ctx.newPage();
    const hostStyles = () =>
      page.evaluate(() =>
        ['host-h2', 'host-p', 'host-q', 'host-b'].map((id) => {
          const cs = getComputedStyle(document.getElementById(id)!);
          return [id, cs.color, cs.fontSize, cs.fontFamily, cs.margin, cs.padding, cs.borderLeftWidth, cs.display].join('|');
        }),
      );
    await page.goto(plain);
    const withoutStory = await hostStyles();
    await page.goto(hostile);
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
  });
});

describe('when something is blocked', () => {
  it('shows the story\'s title and a link, with one message naming the header, when the story\'s server sends no CORS headers', async () => {
    // Chromium reports each blocked module load; ours is the one message of the test's own.
    session.allow(/^\[story-map\] /, /blocked by CORS policy/, /^Failed to load resource: net::ERR_FAILED$/);
    const page = await (await session.browser().newContext({ viewport: { width: 800, height: 600 } })).newPage();
    const messages: string[] = [];
    page.on('console', (m) => messages.push(m.text()));
    await page.goto(`${article}/bare/example-article.html`);
    const fallback = page.locator('#inline-story >> .sm-fallback');
    await fallback.waitFor();
    expect(await fallback.locator('.sm-fallback__title').innerText()).toBe('Twee uur naar huis');
    const link = fallback.getByRole('link');
    expect(await link.innerText()).toBe('Lees het hele verhaal');
    expect(await link.getAttribute('href')).toBe(`${bare}/trump-kim-summits/?lang=nl`);
    // The cards too, each in its language, linking to its step.
    const card = page.locator('#card-dmz >> .sm-fallback');
    expect(await card.locator('.sm-fallback__title').innerText()).toBe('Home in two hours');
    expect(await card.getByRole('link').getAttribute('href')).toBe(`${bare}/trump-kim-summits/?lang=en#dmz`);
    await page.waitForFunction(() => true);
    await expect.poll(() => messages.filter((m) => m.startsWith('[story-map]')).length).toBe(1);
    const ours = messages.find((m) => m.startsWith('[story-map]'))!;
    expect(ours).toMatch(/is served without the Access-Control-Allow-Origin header/);
    expect(ours).toContain(`${bare}/assets/element-`);
    await page.evaluate(() => document.getElementById('inline-story')!.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: join(artifacts, 'embed-no-cors.png') });
    // The iframe needs no CORS: it works.
    await waitHostSized(page, 'iframe-story');
  });

  it('keeps the links of the snippets when scripts are blocked', async () => {
    const { page } = await open('/example-article.html', { javaScriptEnabled: false });
    const inside = page.locator('#inline-story a');
    expect(await inside.isVisible()).toBe(true);
    expect(await inside.innerText()).toBe('Lees het hele verhaal: Twee uur naar huis');
    expect(await inside.getAttribute('href')).toBe(`${base}/trump-kim-summits/`);
    const after = page.locator('#iframe-story + p a');
    expect(await after.isVisible()).toBe(true);
    expect(await after.getAttribute('href')).toBe(`${base}/trump-kim-summits/`);
    expect(await page.locator('#iframe-story').getAttribute('title')).toBe('Verhaalkaart: Twee uur naar huis');
  });

  it('shows the link inside the element until the story replaces it', async () => {
    const { page } = await open('/example-article.html');
    await page.waitForSelector('#inline-story >> .sm-app');
    expect(await page.locator('#inline-story > a').isVisible()).toBe(false);
  });
});

describe('oEmbed', () => {
  it('lets a CMS embed a story from its address alone', async () => {
    // What a CMS does with a pasted address: find the page's oEmbed link, read the response, put its html in the article.
    const page = await (await fetch(`${base}/trump-kim-summits/`)).text();
    const link = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)" title="([^"]+)"/.exec(page);
    expect(link?.[1]).toBe(`${base}/trump-kim-summits/oembed.json`);
    expect(link?.[2]).toBe('Twee uur naar huis');
    const response = await fetch(link![1]!);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const oembed = (await response.json()) as Record<string, unknown>;
    expect(oembed).toMatchObject({ version: '1.0', type: 'rich', title: 'Twee uur naar huis', provider_url: `${base}/`, width: 720, height: 640 });
    expect(oembed.provider_name).toBeTruthy();
    const html = oembed.html as string;
    expect(html).toContain(`src="${base}/embed.html?story=trump-kim-summits&amp;lang=nl"`);
    expect(html).toContain(`<script defer src="${base}/embed-host.js"></script>`);

    const { page: host } = await openArticle(
      'pasted.html',
      `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>CMS</title></head><body>
      <p style="height:300px">Tekst van het artikel.</p><div class="oembed">${html}</div><p style="height:1000px">Meer tekst.</p></body></html>`,
    );
    await host.evaluate(() => (document.querySelector('.oembed iframe')!.id = 'pasted'));
    await waitHostSized(host, 'pasted');
    await centreInFrameUntilActive(host, 'pasted', 'hanoi-collapse');
  });
});

describe('a hostile host: sticky header, its own scrolling container, the helper pasted twice', () => {
  it('keeps the element\'s map below the header, and its steps follow the container\'s scrolling', async () => {
    const { page } = await open('/hostile-host.html');
    await page.waitForSelector('#inline-story >> [data-step="singapore"]');
    const changes = await page.evaluateHandle(() => {
      const list: string[] = [];
      document.getElementById('inline-story')!.addEventListener('stepchange', (e) => list.push((e as CustomEvent).detail.id));
      return list;
    });
    await centreInShadow(page, '#inline-story', 'singapore');
    await page.waitForSelector('#inline-story >> [data-step="singapore"][aria-current="step"]');
    // Within a step that draws the train's route, the route follows the container's scrolling.
    await page.waitForSelector('#inline-story >> .sm-map[data-map-status="ready"]', { timeout: 60_000 });
    const scrollThrough = async (fraction: number) => {
      await scrollArticleBy(
        page,
        await page.evaluate((f) => {
          const r = document.getElementById('inline-story')!.shadowRoot!.querySelector('[data-step="train-departs"]')!.getBoundingClientRect();
          return r.top + r.height * f - innerHeight / 2;
        }, fraction),
      );
      await page.waitForSelector('#inline-story >> [data-step="train-departs"][aria-current="step"]');
    };
    // The length of the route drawn so far (in degrees: only compared).
    const drawn = () =>
      page.evaluate(async () => {
        const canvas = document.getElementById('inline-story')!.shadowRoot!.querySelector('.sm-map__canvas') as HTMLElement & { maplibreMap: import('maplibre-gl').Map };
        const data = (await canvas.maplibreMap.getSource<import('maplibre-gl').GeoJSONSource>('progress')!.getData()) as GeoJSON.FeatureCollection<GeoJSON.LineString>;
        return data.features.reduce((sum, f) => sum + f.geometry.coordinates.slice(1).reduce((s, c, i) => s + Math.hypot(c[0]! - f.geometry.coordinates[i]![0]!, c[1]! - f.geometry.coordinates[i]![1]!), 0), 0);
      });
    await scrollThrough(0.2);
    await expect.poll(drawn, { timeout: 10_000 }).toBeGreaterThan(0);
    let early = -1;
    await expect.poll(async () => early === (early = await drawn()), { interval: 500, timeout: 10_000 }).toBe(true);
    await scrollThrough(0.8);
    await expect.poll(drawn, { timeout: 10_000 }).toBeGreaterThan(early + 0.5);
    await centreInShadow(page, '#inline-story', 'hanoi-collapse');
    await page.waitForSelector('#inline-story >> [data-step="hanoi-collapse"][aria-current="step"]');
    expect(await changes.evaluate((l) => l.at(-1))).toBe('hanoi-collapse');
    const map = await page.evaluate(() => {
      const r = document.getElementById('inline-story')!.shadowRoot!.querySelector('.sm-map-col')!.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom };
    });
    expect(Math.abs(map.top - 64)).toBeLessThan(2);
    expect(Math.abs(map.bottom - 600)).toBeLessThan(2);
    // The host's 62.5 % root size does not shrink the story.
    expect(await page.evaluate(() => getComputedStyle(document.getElementById('inline-story')!.shadowRoot!.querySelector('.sm-intro')!).fontSize)).toBe('19px');
    await page.screenshot({ path: join(artifacts, 'embed-hostile-host.png') });
    // goTo scrolls the container, and the step lands in the part of the screen below the header.
    expect(await page.evaluate(() => document.querySelector('story-map')!.goTo('dmz'))).toBe(true);
    await page.waitForSelector('#inline-story >> [data-step="dmz"][aria-current="step"]');
    const card = await page.evaluate(() => document.getElementById('inline-story')!.shadowRoot!.querySelector('[data-step="dmz"]')!.getBoundingClientRect().top);
    expect(card).toBeGreaterThan(64);
  });

  it('connects the lazy iframe without the attribute once, pins its map below the header, and settles when turned', async () => {
    // Reduced motion: the helper's scroll for goTo is instant, so where it lands can be measured.
    const { page } = await open('/hostile-host.html', { reducedMotion: 'reduce' });
    await page.waitForFunction(() => (window as unknown as { StoryMapHost?: unknown }).StoryMapHost);
    const frame = await frameOf(page, 'iframe-story');
    await waitHostSized(page, 'iframe-story');
    const changes = await page.evaluateHandle(() => {
      const list: string[] = [];
      document.getElementById('iframe-story')!.addEventListener('stepchange', (e) => list.push((e as CustomEvent).detail.id));
      return list;
    });
    await centreInFrameUntilActive(page, 'iframe-story', 'singapore', 64);
    await centreInFrameUntilActive(page, 'iframe-story', 'the-offer', 64);
    // Two helpers on the page, one event per step.
    await expect.poll(() => changes.evaluate((l) => l.at(-1))).toBe('the-offer');
    const list = await changes.evaluate((l) => [...l]);
    expect(new Set(list).size).toBe(list.length);
    // The frame's map fills the container's screen below the header.
    const colRect = await frame.evaluate(() => {
      const r = document.querySelector('.sm-map-col')!.getBoundingClientRect();
      return { top: r.top, height: r.height };
    });
    const frameTop = await page.evaluate(() => document.getElementById('iframe-story')!.getBoundingClientRect().top);
    expect(Math.abs(frameTop + colRect.top - 64)).toBeLessThan(3);
    expect(Math.abs(colRect.height - (600 - 64))).toBeLessThan(3);
    // goTo: the helper scrolls the container (not the window, which cannot scroll).
    const scrolled = await page.evaluate(() => document.getElementById('page')!.scrollTop);
    expect(await page.evaluate(() => (document.getElementById('iframe-story') as HTMLIFrameElement & { goTo(id: string): boolean }).goTo('dmz'))).toBe(true);
    await frame.waitForSelector('[data-step="dmz"][aria-current="step"]');
    await page.waitForFunction((y) => document.getElementById('page')!.scrollTop > y + 1000, scrolled);
    expect(await page.evaluate(() => scrollY)).toBe(0);
    // …and brings the step to the middle of what the reader sees below the header.
    const step = await frame.evaluate(() => {
      const r = document.querySelector('[data-step="dmz"]')!.getBoundingClientRect();
      return r.top + r.height / 2;
    });
    const top = await page.evaluate(() => document.getElementById('iframe-story')!.getBoundingClientRect().top);
    expect(Math.abs(top + step - (64 + (600 - 64) / 2))).toBeLessThan(4);

    // Turned to a narrow screen and back: the height follows the width each time, then rests.
    const heights = await watchHeight(page, 'iframe-story');
    const height = () => page.evaluate(() => document.getElementById('iframe-story')!.getBoundingClientRect().height);
    const wide = await height();
    await page.evaluate(() => (document.getElementById('iframe-story')!.style.width = '380px'));
    await page.waitForFunction((h) => document.getElementById('iframe-story')!.getBoundingClientRect().height !== h, wide);
    expect(await heights.settled()).toBeLessThan(6);
    const narrow = await height();
    expect(narrow).not.toBe(wide);
    await heights.reset();
    await page.evaluate(() => (document.getElementById('iframe-story')!.style.width = '100%'));
    await page.waitForFunction((h) => document.getElementById('iframe-story')!.getBoundingClientRect().height !== h, narrow);
    expect(await heights.settled()).toBeLessThan(6);
    expect(Math.abs((await height()) - wide)).toBeLessThanOrEqual(2);
    expect(await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height))).toBe(Math.ceil(await height()));
  });

  it('at 200 % text zoom: bigger text in both embeds, steps that follow, and a frame height that settles', async () => {
    const { page } = await open('/hostile-host.html');
    const intro = () => page.evaluate(() => getComputedStyle(document.getElementById('inline-story')!.shadowRoot!.querySelector('.sm-intro')!).fontSize);
    await page.waitForSelector('#inline-story >> [data-step="singapore"]');
    expect(await intro()).toBe('19px');
    const frame = await frameOf(page, 'iframe-story');
    await waitHostSized(page, 'iframe-story');
    const heights = await watchHeight(page, 'iframe-story');
    expect(await heights.settled()).toBeLessThan(6);
    const before = await page.evaluate(() => document.getElementById('iframe-story')!.getBoundingClientRect().height);
    // The reader sets the browser's text size (not page zoom) from 16 to 32 px. The frame is another site, in
    // a renderer of its own: the setting is sent to it too.
    await heights.reset();
    for (const target of [page, frame]) {
      await (await page.context().newCDPSession(target)).send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    }
    await expect.poll(intro).toBe('38px');
    expect(await frame.evaluate(() => getComputedStyle(document.querySelector('.sm-intro')!).fontSize)).toBe('38px');
    // The element above has grown with its text and pushed the frame off screen, where Chromium does not render
    // a frame of another site (nor run its ResizeObserver): it sizes itself when the reader comes to it.
    await page.evaluate(() => document.getElementById('iframe-story')!.scrollIntoView());
    await page.waitForFunction((h) => document.getElementById('iframe-story')!.getBoundingClientRect().height !== h, before);
    expect(await heights.settled()).toBeLessThan(6);
    expect(await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height))).toBe(
      Math.ceil(await page.evaluate(() => document.getElementById('iframe-story')!.getBoundingClientRect().height)),
    );
    await centreInFrameUntilActive(page, 'iframe-story', 'hanoi-collapse', 64);
    const col = await frame.evaluate(() => {
      const r = document.querySelector('.sm-map-col')!.getBoundingClientRect();
      return { top: r.top, width: r.width };
    });
    const frameTop = await page.evaluate(() => document.getElementById('iframe-story')!.getBoundingClientRect().top);
    expect(Math.abs(frameTop + col.top - 64)).toBeLessThan(3);
    // Twice the text is too wide for two columns: the map goes behind the text, full width, as on a phone.
    expect(col.width).toBeGreaterThan(700);
    await page.screenshot({ path: join(artifacts, 'embed-text-zoom-iframe.png') });

    // The element, scrolled back to: bigger text, its map still pinned below the header, its steps following.
    await centreInShadow(page, '#inline-story', 'singapore');
    await page.waitForSelector('#inline-story >> [data-step="singapore"][aria-current="step"]');
    await centreInShadow(page, '#inline-story', 'hanoi-collapse');
    await page.waitForSelector('#inline-story >> [data-step="hanoi-collapse"][aria-current="step"]');
    const map = await page.evaluate(() => document.getElementById('inline-story')!.shadowRoot!.querySelector('.sm-map-col')!.getBoundingClientRect());
    expect(Math.abs(map.top - 64)).toBeLessThan(2);
    expect(map.width).toBeGreaterThan(700);
    await page.screenshot({ path: join(artifacts, 'embed-text-zoom.png') });
  });
});
