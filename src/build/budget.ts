/**
 * Payload budgets of a story page, in gzip bytes. MapLibre's own code (its
 * JS, worker and CSS) is outside them: it cannot shrink. The engine — app
 * code, Solid, CSS, catalogues, the basemap — has one budget, and each story
 * (its page with the prerendered text, its data: text, sources, geometry)
 * its own, so a story's length is its author's to spend and the engine
 * cannot grow into it.
 */

export const KB = 1024;

export interface Budget {
  name: string;
  /** Which files count towards this budget. */
  matches(file: string): boolean;
  limitBytes: number;
}

export interface SizedFile {
  file: string;
  gzipBytes: number;
}

export const isMapLibre = (file: string) => /(^|\/)maplibre(-gl-worker)?-[\w-]+\.(js|css)$/.test(file);

/** A story's own bytes: its data chunk (`assets/story-data/<id>/`) and its page, which holds its prerendered text. */
export const isStoryData = (file: string) => file.startsWith('assets/story-data/') || /^[^/]+\/index\.html$/.test(file);

export const BUDGETS: readonly Budget[] = [
  { name: 'engine (everything but MapLibre and the story)', matches: (f) => !isMapLibre(f) && !isStoryData(f), limitBytes: 64 * KB },
  // 36 KB of text and data, and the page's drawing of the opening map (DRAWING_LIMIT).
  { name: 'story (its page and data)', matches: isStoryData, limitBytes: 48 * KB },
  { name: 'basemap', matches: (f) => /(^|\/)basemap\.topo-[\w-]+\.js$/.test(f), limitBytes: 45 * KB },
];

/** The drawing of the opening step's map in a story page's HTML: shown in the first frame, so it must stay small. */
export const DRAWING_LIMIT = 12 * KB;

/** The first map drawing (`<svg class="sm-static-map" …>…</svg>`) in a page's HTML, or null. */
export function openingDrawing(html: string): string | null {
  const start = html.search(/<svg\b[^>]*\bclass="sm-static-map"/);
  const end = start < 0 ? -1 : html.indexOf('</svg>', start);
  return end < 0 ? null : html.slice(start, end + '</svg>'.length);
}

/** What is wrong with a page's opening drawing, given its gzip size (null: there is none). */
export function checkDrawing(gzipBytes: number | null, limitBytes = DRAWING_LIMIT): string[] {
  if (gzipBytes === null) return ["no drawing of the opening step's map in the page: the first frame would show no map"];
  return gzipBytes <= limitBytes ? [] : [`the opening map's drawing: ${kb(gzipBytes)} gzip is ${kb(gzipBytes - limitBytes)} over its ${kb(limitBytes)} budget`];
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

/** One message per exceeded budget, naming the files and the excess; empty when all fit. */
export function checkBudgets(files: readonly SizedFile[], budgets: readonly Budget[] = BUDGETS): string[] {
  const problems: string[] = [];
  for (const budget of budgets) {
    const counted = files.filter((f) => budget.matches(f.file)).sort((a, b) => b.gzipBytes - a.gzipBytes);
    const total = counted.reduce((sum, f) => sum + f.gzipBytes, 0);
    if (total <= budget.limitBytes) continue;
    const list = counted.map((f) => `${f.file} ${kb(f.gzipBytes)}`).join(', ');
    problems.push(
      `${budget.name}: ${kb(total)} gzip is ${kb(total - budget.limitBytes)} over the ${kb(budget.limitBytes)} budget (${list})`,
    );
  }
  return problems;
}

/** Whether `text` names the file `base` as a whole name, not as part of another (`embed.js` in `oembed.json`). */
function names(text: string, base: string): boolean {
  for (let i = text.indexOf(base); i >= 0; i = text.indexOf(base, i + 1)) {
    if (!/[\w.-]/.test(text[i - 1] ?? '') && !/[\w.-]/.test(text[i + base.length] ?? '')) return true;
  }
  return false;
}

/**
 * The files a page loads: those its HTML names, and, transitively, every
 * built file whose name appears in a loaded JS or CSS file (dynamic chunks,
 * the worker, the basemap). JSON files are for other programs (the export,
 * oEmbed); pages load their data as modules.
 */
export function filesLoadedBy(entry: string, contents: ReadonlyMap<string, string>): string[] {
  const files = [...contents.keys()].filter((f) => !f.endsWith('.json'));
  const loaded = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const text = contents.get(queue.pop()!) ?? '';
    for (const name of files) {
      const base = name.slice(name.lastIndexOf('/') + 1);
      if (!loaded.has(name) && names(text, base)) {
        loaded.add(name);
        if (/\.(js|css|html)$/.test(name)) queue.push(name);
      }
    }
  }
  return [...loaded].sort();
}
