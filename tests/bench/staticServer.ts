/**
 * A tiny static file server for the benchmark: serves a built site on
 * 127.0.0.1 the way a production host would (gzip for text, long-lived
 * immutable caching for the hashed files in `assets/`), and logs every
 * response's size on the wire so the benchmark can weigh what a page loaded.
 *
 * Vite's own preview server is not used on purpose: it does not compress,
 * and the byte counts must be those a reader's browser would download.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { createLink, type NetworkProfile } from './network';

/** Content types by file extension; anything else is served as bytes. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pbf': 'application/x-protobuf',
};

/** Types worth compressing: text. Images and fonts are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|geo\+json|xml|javascript))|^image\/svg\+xml/;

/** One response the server sent. */
export interface ServedResponse {
  /** Path as requested, without the query. */
  path: string;
  status: number;
  contentType: string;
  /** Body bytes on the wire (after compression, if any); headers excluded. */
  wireBytes: number;
  /** Body bytes before compression. */
  rawBytes: number;
  gzip: boolean;
}

export interface StaticServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`, without a trailing slash. */
  readonly url: string;
  /** The page to open: the base URL and `page` (the story's page, or `/`). */
  readonly page: string;
  /** Every response since the last `resetLog()`, in order. */
  readonly log: readonly ServedResponse[];
  resetLog(): void;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** Directory to serve (a built site). */
  root: string;
  /** Extra headers on every response, e.g. a Content-Security-Policy. */
  headers?: Readonly<Record<string, string>>;
  /** Serve as over this network (round trip and shared bandwidth); none: as fast as the machine can. */
  network?: NetworkProfile | null;
  /** The path of the page to open (`page`); `/` by default. */
  page?: string;
}

interface CachedFile {
  raw: Buffer;
  gzipped: Buffer | null;
  contentType: string;
}

/**
 * Start serving `root` on 127.0.0.1 on a free port. Files are read and
 * compressed once and then kept in memory, so that compressing on the fly
 * does not steal CPU from the browser being measured on a small machine.
 */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const cache = new Map<string, CachedFile>();
  const log: ServedResponse[] = [];

  const load = async (file: string): Promise<CachedFile | null> => {
    const hit = cache.get(file);
    if (hit) return hit;
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return null;
    const raw = await readFile(file);
    const contentType = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    // Level 6 is what nginx and most CDNs use by default: a realistic wire size.
    const gzipped = COMPRESSIBLE.test(contentType) ? gzipSync(raw, { level: 6 }) : null;
    const entry = { raw, gzipped, contentType };
    cache.set(file, entry);
    return entry;
  };

  const link = options.network ? createLink(options.network) : null;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const send = async (status: number, entry: CachedFile | null) => {
      if (link) await new Promise((resolve) => setTimeout(resolve, link.latencyMs));
      const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      const body = entry ? (acceptsGzip && entry.gzipped ? entry.gzipped : entry.raw) : Buffer.from('not found');
      const gzip = !!entry && body === entry.gzipped;
      const contentType = entry?.contentType ?? 'text/plain; charset=utf-8';
      res.writeHead(status, {
        ...options.headers,
        'content-type': contentType,
        'content-length': String(body.length),
        // Hashed file names never change content; everything else must be revalidated.
        'cache-control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
        vary: 'accept-encoding',
      });
      log.push({ path, status, contentType, wireBytes: body.length, rawBytes: entry?.raw.length ?? 0, gzip });
      const payload = req.method === 'HEAD' ? undefined : body;
      if (link) await link.deliver(res, payload);
      else res.end(payload);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, null);
    // normalize() resolves "..": refuse anything that would leave the root.
    const relative = normalize(path).replace(/^([/\\])+/, '');
    if (relative.startsWith('..')) return send(404, null);
    const file = join(options.root, relative.endsWith(sep) || relative === '' ? join(relative, 'index.html') : relative);
    const entry = (await load(file)) ?? (await load(join(file, 'index.html')));
    send(entry ? 200 : 404, entry);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    page: `http://127.0.0.1:${port}${options.page ?? '/'}`,
    log,
    resetLog: () => {
      log.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
