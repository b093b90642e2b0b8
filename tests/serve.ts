/**
 * Vitest global setup for the browser tests: serves the built `dist/` on
 * 127.0.0.1 with Vite's preview server (run `npm run build` first; `npm test` does).
 * For the embeds, as deployed, the articles come from another origin: an
 * "article" server on localhost serves `dist/example-article.html` and
 * `dist/hostile-host.html` with their links to the story pointing at the
 * preview server (`articleUrl`), or, under `/bare/`, at a second server of
 * `dist/` that sends none of the headers the embeds need (`bareUrl`), and
 * the articles tests write.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { launchServer } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The story's site, sending the headers of the README's deployment section. */
    baseUrl: string;
    /** Articles on another origin, embedding the story from `baseUrl` (or from `bareUrl` under `/bare/`). */
    articleUrl: string;
    /** The story's site without any of those headers. */
    bareUrl: string;
    /** The Chromium every browser test file connects to (tests/browser.ts), and one without WebGL. */
    browserEndpoint: string;
    noWebglEndpoint: string;
  }
}

const portOf = (server: Pick<Server, 'address'>) => {
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return address.port;
};

/**
 * Serves the article pages of `dist/`, their `./` links rewritten to the story's site, and the
 * articles a test puts at `/t/<name>` (PUT; a `location` header makes it a redirect, a
 * `content-security-policy` header is sent with it). A real server,
 * not pages fulfilled by Playwright: Chromium lets only a page from a local address (its Local Network
 * Access rules) load from the story's server on 127.0.0.1.
 */
function articleServer(dist: string, stories: { '/': string; '/bare/': string }): Promise<Server> {
  const put = new Map<string, { body: string; headers: Record<string, string> }>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/t/')) {
      if (req.method === 'PUT') {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        req.on('end', () => {
          const headers: Record<string, string> = {};
          for (const name of ['location', 'content-security-policy']) if (typeof req.headers[name] === 'string') headers[name] = req.headers[name];
          put.set(path, { body, headers });
          res.writeHead(204).end();
        });
        return;
      }
      const page = put.get(path);
      if (!page) res.writeHead(404).end();
      else if (page.headers.location) res.writeHead(302, page.headers).end();
      else res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...page.headers }).end(page.body);
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const prefix = path.startsWith('/bare/') ? '/bare/' : '/';
    const name = path.slice(prefix.length);
    if (!/^[a-z-]+\.html$/.test(name) || !existsSync(join(dist, name))) {
      res.writeHead(404).end();
      return;
    }
    const html = readFileSync(join(dist, name), 'utf8').replace(/(\s(?:src|href))="\.\//g, `$1="${stories[prefix]}/`);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(html);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export default async function setup(project: TestProject) {
  const root = join(import.meta.dirname, '..');
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` before the browser tests');
  const server = await preview({
    configFile: join(root, 'vite.config.ts'),
    configLoader: 'runner',
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  // No config: no plugin adding headers, and none of Vite's own CORS.
  const bare = await preview({
    configFile: false,
    root,
    logLevel: 'warn',
    build: { outDir: dist },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false, cors: false },
  });
  const baseUrl = `http://127.0.0.1:${portOf(server.httpServer)}`;
  const bareUrl = `http://127.0.0.1:${portOf(bare.httpServer)}`;
  const articles = await articleServer(dist, { '/': baseUrl, '/bare/': bareUrl });
  const [chromium, noWebgl] = await Promise.all([launchServer(), launchServer({ webgl: false })]);
  project.provide('browserEndpoint', chromium.wsEndpoint());
  project.provide('noWebglEndpoint', noWebgl.wsEndpoint());
  project.provide('baseUrl', baseUrl);
  project.provide('bareUrl', bareUrl);
  // `localhost`, not 127.0.0.1: another origin than the story's, as an article on a newspaper's domain.
  project.provide('articleUrl', `http://localhost:${portOf(articles)}`);
  return async () => {
    await Promise.all([server.close(), bare.close(), new Promise((r) => articles.close(r)), chromium.close(), noWebgl.close()]);
  };
}
