/**
 * Fails the build when the full page's payload exceeds its budgets
 * (`budget.ts`), naming the files and the excess, and prints what it weighed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { checkBudgets, filesLoadedBy, isMapLibre, KB } from './budget';

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
        const page = filesLoadedBy('index.html', new Map([...contents.keys()].map((f) => [f, text.get(f) ?? ''])));
        const sized = page.map((file) => ({ file, gzipBytes: gzipSync(contents.get(file)!, { level: 9 }).length }));
        const own = sized.filter((f) => !isMapLibre(f.file)).reduce((s, f) => s + f.gzipBytes, 0);
        const maplibre = sized.filter((f) => isMapLibre(f.file)).reduce((s, f) => s + f.gzipBytes, 0);
        console.log(`payload of index.html (gzip): ${(own / KB).toFixed(1)} KB app + data, ${(maplibre / KB).toFixed(1)} KB MapLibre`);
        const problems = checkBudgets(sized);
        if (problems.length > 0) this.error(`Payload budget exceeded:\n  ${problems.join('\n  ')}`);
      },
    },
  };
}
