/**
 * Fails the build when a story page's payload exceeds its budgets
 * (`budget.ts`), naming the page, the files and the excess, and prints what
 * it weighed. Each story page counts its own story's data, not the others'.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { checkBudgets, checkDrawing, filesLoadedBy, isMapLibre, isStoryData, KB, openingDrawing } from './budget';
import { isPerPageChunk } from './prerenderPlugin';

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

export function budgetPlugin(): Plugin {
  let outDir = '';
  return {
    name: 'budget',
    apply: 'build',
    // After the prerender and the embed helper have written their files.
    enforce: 'post',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle: {
      order: 'post',
      handler() {
        const contents = new Map<string, Buffer>();
        for (const path of listFiles(outDir)) contents.set(relative(outDir, path), readFileSync(path));
        const text = new Map([...contents].filter(([f]) => /\.(html|js|css)$/.test(f)).map(([f, b]) => [f, b.toString('utf8')]));
        const problems: string[] = [];
        for (const page of [...contents.keys()].filter((f) => /^[^/]+\/index\.html$/.test(f)).sort()) {
          // Other stories' data and other languages' catalogues are named by the code but never loaded by this page.
          const html = text.get(page) ?? '';
          const mine = [...contents.keys()].filter((f) => !isPerPageChunk(f) || html.includes(f));
          const loaded = filesLoadedBy(page, new Map(mine.map((f) => [f, text.get(f) ?? ''])));
          const sized = loaded.map((file) => ({ file, gzipBytes: gzipSync(contents.get(file)!, { level: 9 }).length }));
          const sum = (match: (f: string) => boolean) => (sized.filter((f) => match(f.file)).reduce((s, f) => s + f.gzipBytes, 0) / KB).toFixed(1);
          const drawing = openingDrawing(html);
          const drawingBytes = drawing === null ? null : gzipSync(drawing, { level: 9 }).length;
          console.log(
            `payload of ${page} (gzip): ${sum((f) => !isMapLibre(f) && !isStoryData(f))} KB engine, ${sum(isStoryData)} KB story (map drawing ${((drawingBytes ?? 0) / KB).toFixed(1)} KB), ${sum(isMapLibre)} KB MapLibre`,
          );
          problems.push(...[...checkBudgets(sized), ...checkDrawing(drawingBytes)].map((p) => `${page}: ${p}`));
        }
        if (problems.length > 0) this.error(`Payload budget exceeded:\n  ${problems.join('\n  ')}`);
      },
    },
  };
}
