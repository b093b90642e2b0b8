/**
 * The headers the embeds need from the story's server, in one place: the
 * README's deployment section lists them, `npm run preview` sends them, the
 * browser tests run against that. A page on another origin loads the inline
 * element's modules (`assets/`) in CORS mode; `embed.js` and `embed-host.js`
 * are classic scripts that need nothing, but `embed.js` is often loaded as a
 * module by older snippets. oEmbed files are read by browser-side consumers too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { EXAMPLE_BASE } from '../embed/snippets';

export const CORS_HEADERS: Readonly<Record<string, string>> = { 'Access-Control-Allow-Origin': '*' };

/** Whether a path of the site (from its root, with `/`) is fetched cross-origin by the embeds. */
export const needsCors = (path: string) => path === '/embed.js' || path.startsWith('/assets/') || /^\/[^/]+\/oembed\.json$/.test(path);

/**
 * The preview server as deployed: CORS exactly on the paths above (Vite's own CORS middleware, which
 * answers any localhost origin, is off), and a build made without `STORY_MAP_URL` gets its own address
 * in the oEmbed files and links, as the front page does in the browser.
 */
export function embedHeadersPlugin(): Plugin {
  let outDir = '';
  return {
    name: 'embed-headers',
    config: () => ({ preview: { cors: false } }),
    configResolved(config) {
      outDir = config.build.outDir;
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = decodeURIComponent((req.url ?? '/').split(/[?#]/)[0]!);
        if (needsCors(path)) for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
        const page = /^\/([a-z0-9]+(?:-[a-z0-9]+)*)\/(index\.html|oembed\.json)?$/.exec(path);
        const file = page && join(outDir, page[1]!, page[2] ?? 'index.html');
        if (!file || !existsSync(file)) return next();
        const text = readFileSync(file, 'utf8');
        if (!text.includes(EXAMPLE_BASE)) return next();
        res.setHeader('Content-Type', file.endsWith('.json') ? 'application/json' : 'text/html; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(text.split(EXAMPLE_BASE).join(`http://${req.headers.host}/`));
      });
    },
  };
}
