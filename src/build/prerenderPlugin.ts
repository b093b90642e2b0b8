/**
 * Prerenders the full story page into `index.html` at build time, so the text
 * is in the served HTML. Renders `src/prerender.tsx` through a Vite SSR
 * server (same plugins, the story validated the same way), and serves
 * Solid's hydration bootstrap and the language gate (`src/ui/langGate.ts`)
 * as content-hashed files instead of inline scripts, so the page works
 * under `script-src 'self'`.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createServer, type Plugin } from 'vite';
import { LANGS } from '../story/model';
import { langGateScript } from '../ui/langGate';

/** A script served as a file named after a hash of its code, as the strict CSP needs. */
const hashedScript = (name: string, code: string) => ({
  fileName: `assets/${name}-${createHash('sha256').update(code).digest('hex').slice(0, 8)}.js`,
  code,
});

export function prerenderPlugin(repo: string): Plugin {
  let outDir = resolve(repo, 'dist');
  let scripts: { fileName: string; code: string }[] = [];
  return {
    name: 'prerender',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, ctx) {
        if (!ctx.filename.endsWith('index.html') || ctx.filename.endsWith('embed.html')) return html;
        const server = await createServer({
          configFile: resolve(repo, 'vite.config.ts'),
          logLevel: 'error',
          server: { middlewareMode: true, hmr: false, ws: false },
          appType: 'custom',
        });
        try {
          const mod = (await server.ssrLoadModule('/prerender.tsx')) as typeof import('../prerender');
          const { html: body, hydrationScript } = mod.prerender();
          const bootstrap = hashedScript('hydration', hydrationScript);
          // Before the body is parsed: keeps the served text from flashing in the wrong language (src/ui/langGate.ts).
          const gate = hashedScript('lang-gate', langGateScript(LANGS));
          scripts = [gate, bootstrap];
          const marker = /<div id="story"([^>]*)>[\s\S]*?<\/div>\s*(?=<script|<\/body>)/;
          if (!marker.test(html)) throw new Error('prerender: <div id="story"> not found in index.html');
          return {
            html: html.replace(marker, `<div id="story"$1 data-prerendered>${body}</div>\n    `),
            tags: [
              { tag: 'script', attrs: { src: `./${gate.fileName}` }, injectTo: 'head-prepend' },
              { tag: 'script', attrs: { src: `./${bootstrap.fileName}` }, injectTo: 'head' },
            ],
          };
        } finally {
          await server.close();
        }
      },
    },
    closeBundle() {
      if (scripts.length === 0) return;
      mkdirSync(join(outDir, 'assets'), { recursive: true });
      for (const script of scripts) writeFileSync(join(outDir, script.fileName), script.code);
    },
  };
}
