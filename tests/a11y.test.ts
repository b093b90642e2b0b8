import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage, waitForMap } from './browser';

const base = inject('baseUrl');
const story = JSON.parse(readFileSync(join(import.meta.dirname, '../dist/stories/trump-kim-summits.json'), 'utf8')) as {
  steps: { id: string }[];
};
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's WCAG 2.2 AA violations, as readable lines (rule, impact, first nodes). */
async function audit(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? ''}`).join(' | ')}`,
  );
}

const sizes = {
  desktop: { viewport: { width: 1024, height: 700 } },
  phone: { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true },
} as const;

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  for (const [size, context] of Object.entries(sizes)) {
    // Each walk in two halves, so no test comes near its timeout on a loaded machine.
    const half = Math.ceil(story.steps.length / 2);
    const walks = [story.steps.slice(0, half), story.steps.slice(half)].flatMap((steps, i) => (['nl', 'en'] as const).map((lang) => ({ steps, lang, part: i === 0 ? 'first' : 'second' })));
    for (const { steps, lang, part } of walks) {
      it(`has no violations at any step of the ${part} half, ${size}, ${lang}`, async () => {
        const { page } = await openPage(browser, `${base}/trump-kim-summits/?lang=${lang}#${steps[0]!.id}`, { ...context, reducedMotion: 'reduce' });
        await waitForMap(page);
        const found = new Set<string>();
        for (const step of steps) {
          await page.evaluate((id) => document.querySelector(`[data-step="${id}"]`)!.scrollIntoView({ block: 'center' }), step.id);
          await page.waitForSelector(`[data-step="${step.id}"][aria-current="step"]`);
          for (const v of await audit(page)) found.add(`${step.id}: ${v}`);
        }
        expect([...found]).toEqual([]);
        await page.context().close();
      });
    }
  }

  it('has no violations with the excerpt panel and the source reader open', async () => {
    const { page } = await openPage(browser, `${base}/trump-kim-summits/#hanoi-collapse`, { reducedMotion: 'reduce' });
    await waitForMap(page);
    await page.locator('[data-step="hanoi-collapse"] .sm-chip').first().click();
    await page.getByRole('dialog').waitFor();
    expect(await audit(page)).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: /Lees de bron/ }).first().click();
    await page.waitForFunction(() => document.querySelectorAll('dialog[open]').length === 2);
    expect(await audit(page)).toEqual([]);
    await page.context().close();
  });

  it('respects a dark colour scheme, still without violations', async () => {
    const { page } = await openPage(browser, `${base}/trump-kim-summits/#hanoi-collapse`, { colorScheme: 'dark', reducedMotion: 'reduce' });
    await waitForMap(page);
    const bg = await page.evaluate(() => getComputedStyle(document.querySelector('.sm-card')!).backgroundColor);
    expect(bg).toBe('rgb(29, 32, 36)');
    expect(await audit(page)).toEqual([]);
    await page.locator('[data-step="hanoi-collapse"] .sm-citation button').first().click();
    await page.getByRole('dialog').waitFor();
    expect(await audit(page)).toEqual([]);
    await page.context().close();
  });

  it('has no violations inside the embeds', async () => {
    // The article on another origin than the story, as deployed (tests/serve.ts).
    const { page } = await openPage(browser, `${inject('articleUrl')}/example-article.html`, { reducedMotion: 'reduce' });
    await page.waitForSelector('#inline-story >> .sm-map[data-map-status="ready"]', { timeout: 60_000 });
    await page.locator('#card-offer').scrollIntoViewIfNeeded();
    await page.waitForSelector('#card-offer >> .sm-map[data-map-status="ready"]', { timeout: 60_000 });
    expect(await audit(page)).toEqual([]);
    const frame = await (await page.waitForSelector('#iframe-story')).contentFrame();
    await frame!.waitForSelector('[data-step]');
    const result = await new AxeBuilder({ page }).withTags(TAGS).include('#iframe-story').analyze();
    expect(result.violations.map((v) => v.id)).toEqual([]);
    await page.context().close();
  });
});
