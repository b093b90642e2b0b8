import AxeBuilder from '@axe-core/playwright';
import type { AxeResults } from 'axe-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser, waitForMap } from './browser';
import { judgeUndecidedContrast } from './contrast';

const base = inject('baseUrl');
const story = JSON.parse(readFileSync(join(import.meta.dirname, '../dist/stories/trump-kim-summits.json'), 'utf8')) as {
  steps: { id: string }[];
};
const session = useBrowser(base);

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function analyze(page: Page, ...include: string[]) {
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  for (const part of include) builder = builder.include(part);
  return builder.analyze();
}

/** axe's WCAG 2.2 AA violations, as readable lines (rule, impact, first nodes). */
const readable = (result: AxeResults) =>
  result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? ''}`).join(' | ')}`);

/** The violations, and the texts over the map whose contrast axe left undecided that fail it by their pixels. */
async function audit(page: Page, ...include: string[]): Promise<string[]> {
  const result = await analyze(page, ...include);
  return [...readable(result), ...(await judgeUndecidedContrast(page, result))];
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
      it(`has no violations at any step of the ${part} half, ${size}, ${lang}${lang === 'en' ? ', texts over the map judged by their pixels' : ''}`, async () => {
        const { page } = await session.open(`/trump-kim-summits/?lang=${lang}#${steps[0]!.id}`, { ...context, reducedMotion: 'reduce' });
        await waitForMap(page);
        const found = new Set<string>();
        // Texts over the map are judged by their pixels in one language's walks, each text once (at its first
        // step): the map's colours behind a label change little from step to step.
        const judged = lang === 'en' ? new Set<string>() : undefined;
        for (const step of steps) {
          await page.evaluate((id) => document.querySelector(`[data-step="${id}"]`)!.scrollIntoView({ block: 'center' }), step.id);
          await page.waitForSelector(`[data-step="${step.id}"][aria-current="step"]`);
          if (judged) {
            // The map shows the step, its labels and markers placed, before it is judged.
            await page.waitForSelector(`.sm-map__canvas[data-map-step="${step.id}"]`);
            await page.waitForSelector('.sm-map[data-map-painted]');
          }
          // The whole page at the walk's first step; then what a step changes: the map, the step, the announcement.
          const result = step === steps[0] ? await analyze(page) : await analyze(page, '.sm-map-col', `[data-step="${step.id}"]`, '[aria-live]');
          for (const v of readable(result)) found.add(`${step.id}: ${v}`);
          if (judged) for (const v of await judgeUndecidedContrast(page, result, judged)) found.add(`${step.id}: ${v}`);
        }
        if (judged) expect(judged.size, 'texts over the map judged by their pixels').toBeGreaterThan(5);
        expect([...found]).toEqual([]);
      }, 120_000);
    }
  }

  it('has no violations with the excerpt panel and the source reader open', async () => {
    const { page } = await session.open(`/trump-kim-summits/#hanoi-collapse`, { reducedMotion: 'reduce' });
    await waitForMap(page);
    await page.locator('[data-step="hanoi-collapse"] .sm-chip').first().click();
    await page.getByRole('dialog').waitFor();
    expect(await audit(page)).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: /Lees de bron/ }).first().click();
    await page.waitForFunction(() => document.querySelectorAll('dialog[open]').length === 2);
    expect(await audit(page)).toEqual([]);
  });

  it('respects a dark colour scheme, still without violations', async () => {
    const { page } = await session.open(`/trump-kim-summits/#hanoi-collapse`, { colorScheme: 'dark', reducedMotion: 'reduce' });
    await waitForMap(page);
    const bg = await page.evaluate(() => getComputedStyle(document.querySelector('.sm-card')!).backgroundColor);
    expect(bg).toBe('rgb(29, 32, 36)');
    expect(await audit(page)).toEqual([]);
    await page.locator('[data-step="hanoi-collapse"] .sm-citation button').first().click();
    await page.getByRole('dialog').waitFor();
    expect(await audit(page)).toEqual([]);
  });

  describe('inside the embeds', () => {
    /** The example article on another origin than the story, as deployed (tests/serve.ts), its element's map painted. */
    async function openArticle() {
      const { page } = await session.openUrl(`${inject('articleUrl')}/example-article.html`, { reducedMotion: 'reduce' });
      await page.waitForSelector('#inline-story >> .sm-map[data-map-painted]', { timeout: 60_000 });
      return page;
    }

    it('has no violations as the article loads', async () => {
      const page = await openArticle();
      await page.locator('#card-offer').scrollIntoViewIfNeeded();
      await page.waitForSelector('#card-offer >> .sm-map[data-map-painted]', { timeout: 60_000 });
      expect(await audit(page)).toEqual([]);
    });

    it('has none in the element at a later step, nor in a card with its place open', async () => {
      const page = await openArticle();
      await page.evaluate(() => document.getElementById('inline-story')!.shadowRoot!.querySelector('[data-step="hanoi-collapse"]')!.scrollIntoView({ block: 'center' }));
      await page.waitForSelector('#inline-story >> .sm-map__canvas[data-map-step="hanoi-collapse"]');
      expect(await audit(page, '#inline-story')).toEqual([]);
      await page.locator('#card-offer').scrollIntoViewIfNeeded();
      await page.waitForSelector('#card-offer >> .sm-map[data-map-painted]', { timeout: 60_000 });
      await page.locator('#card-offer >> .sm-chip').first().click();
      await page.locator('#card-offer >> dialog[open]').waitFor();
      expect(await audit(page, '#card-offer')).toEqual([]);
    });

    it('has none in the iframe the helper connected, at a later step', async () => {
      const page = await openArticle();
      const frame = (await (await page.waitForSelector('#iframe-story')).contentFrame())!;
      await page.locator('#iframe-story').scrollIntoViewIfNeeded();
      await frame.waitForSelector('.sm-map[data-map-painted]', { timeout: 60_000 });
      await frame.evaluate(() => document.querySelector('[data-step="the-offer"]')!.scrollIntoView({ block: 'center' }));
      await frame.waitForSelector('.sm-map__canvas[data-map-step="the-offer"]');
      expect(await audit(page, '#iframe-story')).toEqual([]);
    });
  });
});
