/**
 * The site's pages, prerendered at build time: one page per story at
 * `<id>/index.html`, made from `src/story.html` with the story's text in it,
 * and the front page `index.html` listing the stories. Renders
 * `src/prerender.tsx` through a Vite SSR server (same plugins, stories
 * validated the same way), and serves Solid's hydration bootstrap and the
 * language gate (`src/ui/langGate.ts`) as content-hashed files instead of
 * inline scripts, so the pages work under `script-src 'self'`.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { createServer, type Plugin, type Rolldown, type ViteDevServer } from 'vite';
import { langGateScript } from '../ui/langGate';
import { listStories } from './loadStory';

/** Where each story's data chunk goes: a page preloads its own story's, and none of the others'. */
export const storyChunkDir = (id: string) => `assets/story-data/${id}/`;
/** Where each interface catalogue goes: a page preloads those of its story's languages. */
export const catalogueChunk = (key: string) => `assets/catalogues/${key}-`;
/** Chunks a page loads only if its HTML names them: its story's data and its languages' catalogues. */
export const isPerPageChunk = (fileName: string) => fileName.startsWith('assets/story-data/') || fileName.startsWith('assets/catalogues/');

/** A script served as a file named after a hash of its code, as the strict CSP needs. */
const hashedScript = (name: string, code: string) => ({
  fileName: `assets/${name}-${createHash('sha256').update(code).digest('hex').slice(0, 8)}.js`,
  code,
});

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

type Prerender = typeof import('../prerender');

async function withRenderer<T>(repo: string, mode: string, use: (mod: Prerender) => Promise<T>): Promise<T> {
  const server: ViteDevServer = await createServer({
    configFile: resolve(repo, 'vite.config.ts'),
    mode,
    configLoader: 'runner',
    logLevel: 'error',
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
  });
  try {
    return await use((await server.ssrLoadModule('/prerender.tsx')) as Prerender);
  } finally {
    await server.close();
  }
}

export function prerenderPlugin(repo: string): Plugin {
  // The renderer runs in the build's mode, so it renders hydratable markup as the build's client expects.
  let mode = 'production';
  return {
    name: 'prerender',
    apply: 'build',
    configResolved(config) {
      mode = config.mode;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, ctx) {
        if (!ctx.filename.endsWith('src/index.html')) return html;
        const list = await withRenderer(repo, mode, (mod) => mod.prerenderIndex());
        const marker = '<main id="stories"></main>';
        if (!html.includes(marker)) throw new Error('prerender: <main id="stories"> not found in index.html');
        return html.replace(marker, `<main id="stories">${list}</main>`);
      },
    },
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        const template = bundle['story.html'];
        if (template?.type !== 'asset') return;
        delete bundle['story.html'];
        const source = String(template.source);
        const chunks = Object.values(bundle).filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
        const pages = await withRenderer(repo, mode, (mod) => Promise.all(listStories(repo).map(async (id) => ({ id, page: await mod.prerenderStory(id) }))));
        const emitted = new Set<string>();
        const script = (name: string, code: string) => {
          const s = hashedScript(name, code);
          if (!emitted.has(s.fileName)) this.emitFile({ type: 'asset', fileName: s.fileName, source: s.code });
          emitted.add(s.fileName);
          return `../${s.fileName}`;
        };
        for (const { id, page } of pages) {
          const data = chunks.find((c) => c.fileName.startsWith(storyChunkDir(id)));
          if (!data) this.error(`prerender: no data chunk for story "${id}"`);
          const catalogues = page.languages.flatMap((l) => chunks.filter((c) => c.fileName.startsWith(catalogueChunk(l.split('-')[0]!))).map((c) => c.fileName));
          // Before the body is parsed: keeps the served text from flashing in the wrong language (src/ui/langGate.ts).
          const gate = script('lang-gate', langGateScript(page.languages));
          const bootstrap = script('hydration', page.hydrationScript);
          const marker = /<div id="story"([^>]*)><\/div>/;
          if (!marker.test(source)) this.error('prerender: <div id="story"> not found in story.html');
          const html = source
            // The page lives one folder down: its links to the site's files climb one level.
            .replace(/(\s(?:src|href))="\.\//g, '$1="../')
            .replace(/<html lang="[^"]*">/, `<html lang="${escapeHtml(page.lang)}">`)
            .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(page.title)}</title>\n    <meta name="description" content="${escapeHtml(page.description)}" />`)
            // The first frame waits for the opening screen (map, header, first step) to be parsed: painted while
            // the HTML streams in, boxes that grow as their content arrives would shift (the language switch did).
            .replace('<head>', `<head>\n    <script src="${gate}"></script>\n    <link rel="expect" href="#${escapeHtml(page.firstStep)}" blocking="render">`)
            .replace('</head>', `    <script src="${bootstrap}"></script>\n    ${[data.fileName, ...catalogues].map((f) => `<link rel="modulepreload" crossorigin href="../${f}">`).join('\n    ')}\n  </head>`)
            .replace(
              marker,
              `<noscript><p class="sm-noscript">${escapeHtml(page.noScript)}</p></noscript>\n    ` +
                `<div id="story"$1 data-story="${escapeHtml(id)}" data-prerendered>${page.html}</div>`,
            );
          this.emitFile({ type: 'asset', fileName: `${id}/index.html`, source: html });
        }
      },
    },
  };
}
