import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser';

/** The policy to deploy (README, "Security"). */
export const POLICY =
  "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";

const base = inject('baseUrl');
const session = useBrowser(base);

/**
 * A page whose every response from the story's server carries the policy as a header; violations are collected.
 * With `article`, the page opened is an article of another origin, with a policy of its own.
 */
async function openWithPolicy(path: string, extraRoutes: Record<string, string> = {}, article?: { url: string; html: string; policy: string }) {
  const ctx = await session.browser().newContext({ viewport: { width: 800, height: 600 } });
  const page = await ctx.newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.route(`${base}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    const body = extraRoutes[path];
    if (body !== undefined) {
      await route.fulfill({ contentType: 'text/html', body, headers: { 'content-security-policy': POLICY } });
      return;
    }
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': POLICY } });
  });
  if (article) {
    // Served by the article server: Chromium lets a page fulfilled by the test load nothing from 127.0.0.1.
    const put = await fetch(article.url, { method: 'PUT', body: article.html, headers: { 'content-security-policy': article.policy } });
    if (!put.ok) throw new Error(`PUT ${article.url}: ${put.status}`);
  }
  await page.goto(article?.url ?? `${base}${path}`);
  const collected = async () => [...violations, ...(await page.evaluate(() => (window as unknown as { violations: string[] }).violations))];
  return { page, ctx, collected };
}

async function mapReady(page: Page, scope = '') {
  await page.waitForSelector(`${scope}.sm-map[data-map-status="ready"]`, { timeout: 60_000 });
}

describe('under a strict Content-Security-Policy', () => {
  it('the full page renders its map and hydrates with zero violations', async () => {
    const { page, ctx, collected } = await openWithPolicy('/trump-kim-summits/#the-offer');
    await mapReady(page);
    await page.waitForSelector('[data-step="the-offer"][aria-current="step"]');
    const rendered = await page.evaluate(() => {
      const map = (document.querySelector('.sm-map__canvas') as HTMLElement & { maplibreMap: import('maplibre-gl').Map }).maplibreMap;
      return map.queryRenderedFeatures({ layers: ['countries'] }).length;
    });
    expect(rendered).toBeGreaterThan(0);
    await page.locator('[data-step="the-offer"] .sm-chip').first().click();
    await page.getByRole('dialog').waitFor();
    expect(await collected()).toEqual([]);
  });

  it('the iframe page and the inline element work with zero violations, in an article on another origin with a policy of its own', async () => {
    // What the README asks of an article's own policy: the story's origin for scripts, frames and workers (MapLibre
    // starts its worker from a blob: that imports it from there).
    const articleUrl = `${inject('articleUrl')}/t/csp-host.html`;
    const policy = `default-src 'self'; script-src 'self' ${base}; worker-src blob: ${base}; frame-src ${base}; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'`;
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CSP host</title>
      <script defer src="${base}/embed.js"></script></head>
      <body><p>Article.</p><story-map story="trump-kim-summits" step="dmz" mode="card"></story-map>
      <iframe src="${base}/embed.html?story=trump-kim-summits&amp;step=singapore&amp;mode=card" title="card" width="700" height="600"></iframe>
      <script defer src="${base}/embed-host.js"></script>
      </body></html>`;
    const { page, ctx, collected } = await openWithPolicy('', {}, { url: articleUrl, html, policy });
    await mapReady(page, 'story-map >> ');
    // Chromium does not render a frame of another site while it is off screen.
    await page.locator('iframe').scrollIntoViewIfNeeded();
    const frame = page.frames().find((f) => f.url().includes('embed.html'))!;
    await frame.waitForSelector('.sm-map[data-map-status="ready"]', { timeout: 60_000 });
    expect(await collected()).toEqual([]);
    expect(await frame.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  });
});
