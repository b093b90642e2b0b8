/**
 * Colour contrast where axe cannot decide it: text over the map (a canvas or a drawing), whose
 * background no style tells. Each such text is judged by the pixels behind it on screen.
 */
import type { AxeResults, NodeResult } from 'axe-core';
import type { FrameLocator, Locator, Page } from 'playwright-core';

/** A text's colour and whether it is large (WCAG's 18 pt, or 14 pt bold). */
interface Probe {
  color: [number, number, number, number];
  large: boolean;
}

/** axe's target as a locator: an entry per frame, a list of selectors for each step into a shadow root. */
function locate(page: Page, target: NodeResult['target']): Locator {
  const entries = target as unknown as (string | string[])[];
  let scope: Page | FrameLocator = page;
  for (const entry of entries.slice(0, -1)) scope = scope.frameLocator(Array.isArray(entry) ? entry.join(' ') : entry);
  const last = entries.at(-1)!;
  const chain = Array.isArray(last) ? last : [last];
  let locator = scope.locator(chain[0]!);
  for (const selector of chain.slice(1)) locator = locator.locator(selector);
  return locator.first();
}

/** The text's colour and size, if it is fully on screen (a screenshot of it must not scroll the story). */
function probe(text: Locator): Promise<Probe | undefined> {
  return text.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const view = el.ownerDocument.defaultView!;
    const cs = getComputedStyle(el);
    if (r.width < 2 || r.height < 2 || r.top < 0 || r.left < 0 || r.bottom > view.innerHeight || r.right > view.innerWidth || cs.visibility !== 'visible') return undefined;
    const m = /rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)/.exec(cs.color);
    if (!m) return undefined;
    const size = parseFloat(cs.fontSize);
    return {
      color: [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] as [number, number, number, number],
      large: size >= 24 || (Number(cs.fontWeight) >= 700 && size >= 18.66),
    };
  });
}

/** Hide or show the glyphs only: a halo (text-shadow) stays, as it is the text's background. */
function glyphs(text: Locator, hide: boolean) {
  return text.evaluate((el, h) => {
    const style = (el as HTMLElement).style;
    if (h) style.setProperty('-webkit-text-fill-color', 'transparent', 'important');
    else style.removeProperty('-webkit-text-fill-color');
  }, hide);
}

interface Judged extends Probe {
  target: string;
  box: { x: number; y: number; width: number; height: number };
}

/**
 * The contrast of each text against what lies right behind its glyphs: the pixels of its box that
 * change when only the glyphs are hidden. Per text, the 10th percentile over those pixels (a few
 * anti-aliased edge pixels do not decide it), or null when no glyph shows (covered by something else).
 */
async function measure(decoder: Page, shown: Buffer, hidden: Buffer, texts: Judged[]): Promise<(number | null)[]> {
  return decoder.evaluate(
    async ([a, b, texts]) => {
      const pixels = async (png: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${png}`;
        await img.decode();
        const canvas = new OffscreenCanvas(img.width, img.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return { data: ctx.getImageData(0, 0, img.width, img.height).data, width: img.width };
      };
      const [text, ground] = [await pixels(a), await pixels(b)];
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      const luminance = (r: number, g: number, b: number) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
      return texts.map(({ box, color: [cr, cg, cb, ca] }) => {
        const ratios: number[] = [];
        for (let y = box.y; y < box.y + box.height; y++)
          for (let x = box.x; x < box.x + box.width; x++) {
            const i = (y * text.width + x) * 4;
            const [t, g] = [text.data, ground.data];
            if (Math.abs(t[i]! - g[i]!) + Math.abs(t[i + 1]! - g[i + 1]!) + Math.abs(t[i + 2]! - g[i + 2]!) < 60) continue;
            const [br, bg, bb] = [g[i]!, g[i + 1]!, g[i + 2]!];
            const fg = luminance(cr * ca + br * (1 - ca), cg * ca + bg * (1 - ca), cb * ca + bb * (1 - ca));
            const back = luminance(br, bg, bb);
            ratios.push((Math.max(fg, back) + 0.05) / (Math.min(fg, back) + 0.05));
          }
        if (ratios.length === 0) return null;
        ratios.sort((p, q) => p - q);
        return ratios[Math.floor(ratios.length * 0.1)]!;
      });
    },
    [shown.toString('base64'), hidden.toString('base64'), texts] as const,
  );
}

/**
 * The texts axe could not judge for colour contrast that fail WCAG AA by their pixels, as readable
 * lines. Texts in `judged` (by target) are skipped, and those judged now are added to it. Two
 * screenshots of the screen, with and without the glyphs of all those texts, judge them all.
 */
export async function judgeUndecidedContrast(page: Page, results: AxeResults, judged = new Set<string>()): Promise<string[]> {
  const view = page.viewportSize()!;
  const texts: (Judged & { locator: Locator })[] = [];
  for (const node of results.incomplete.filter((r) => r.id === 'color-contrast').flatMap((r) => r.nodes)) {
    const target = JSON.stringify(node.target);
    if (judged.has(target)) continue;
    const locator = locate(page, node.target);
    const found = await probe(locator).catch(() => undefined);
    // The box in the page's coordinates (in a frame too), whole on screen.
    const box = found && (await locator.boundingBox());
    if (!found || !box || box.x < 0 || box.y < 0 || box.x + box.width > view.width || box.y + box.height > view.height) continue;
    judged.add(target);
    texts.push({ ...found, target, locator, box: { x: Math.floor(box.x), y: Math.floor(box.y), width: Math.floor(box.width), height: Math.floor(box.height) } });
  }
  if (texts.length === 0) return [];
  const shot = () => page.screenshot({ animations: 'disabled', caret: 'hide', scale: 'css' });
  const shown = await shot();
  for (const t of texts) await glyphs(t.locator, true);
  const hidden = await shot();
  for (const t of texts) await glyphs(t.locator, false);
  const decoder = await page.context().newPage();
  try {
    const ratios = await measure(decoder, shown, hidden, texts.map(({ locator: _, ...t }) => t));
    return texts.flatMap((t, i) => {
      const ratio = ratios[i];
      const needed = t.large ? 3 : 4.5;
      return ratio !== null && ratio !== undefined && ratio < needed ? [`color-contrast over the map: ${t.target} ${ratio.toFixed(2)}:1 < ${needed}:1`] : [];
    });
  } finally {
    await decoder.close();
  }
}
