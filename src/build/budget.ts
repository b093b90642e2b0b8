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
  { name: 'engine (everything but MapLibre and the story)', matches: (f) => !isMapLibre(f) && !isStoryData(f), limitBytes: 62 * KB },
  { name: 'story (its page and data)', matches: isStoryData, limitBytes: 36 * KB },
  { name: 'basemap', matches: (f) => /(^|\/)basemap\.topo-[\w-]+\.js$/.test(f), limitBytes: 45 * KB },
];

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

/**
 * The files a page loads: those its HTML names, and, transitively, every
 * built file whose name appears in a loaded JS or CSS file (dynamic chunks,
 * the worker, the basemap).
 */
export function filesLoadedBy(entry: string, contents: ReadonlyMap<string, string>): string[] {
  const names = [...contents.keys()];
  const loaded = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const text = contents.get(queue.pop()!) ?? '';
    for (const name of names) {
      const base = name.slice(name.lastIndexOf('/') + 1);
      if (!loaded.has(name) && text.includes(base)) {
        loaded.add(name);
        if (/\.(js|css|html)$/.test(name)) queue.push(name);
      }
    }
  }
  return [...loaded].sort();
}
