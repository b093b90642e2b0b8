/**
 * Prerenders the full story page into `index.html` at build time, so the text
 * is in the served HTML. Renders `src/prerender.tsx` through a Vite SSR
 * server (same plugins, the story validated the same way), and serves
 * Solid's hydration bootstrap as a content-hashed file instead of an inline
 * script, so the page works under `script-src 'self'`.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createServer, type Plugin } from 'vite';

export function prerenderPlugin(repo: string): Plugin {
  let outDir = resolve(repo, 'dist');
  let bootstrap: { fileName: string; code: string } | undefined;
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
          const hash = createHash('sha256').update(hydrationScript).digest('hex').slice(0, 8);
          bootstrap = { fileName: `assets/hydration-${hash}.js`, code: hydrationScript };
          const marker = /<div id="story"([^>]*)>[\s\S]*?<\/div>\s*(?=<script|<\/body>)/;
          if (!marker.test(html)) throw new Error('prerender: <div id="story"> not found in index.html');
          return {
            html: html.replace(marker, `<div id="story"$1 data-prerendered>${body}</div>\n    `),
            tags: [{ tag: 'script', attrs: { src: `./${bootstrap.fileName}` }, injectTo: 'head' }],
          };
        } finally {
          await server.close();
        }
      },
    },
    closeBundle() {
      if (!bootstrap) return;
      mkdirSync(join(outDir, 'assets'), { recursive: true });
      writeFileSync(join(outDir, bootstrap.fileName), bootstrap.code);
    },
  };
}
