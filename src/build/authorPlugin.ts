/**
 * Author mode's side in the dev server (`npm run dev` only: the plugin does
 * not exist in a build, a preview or a test run). It loads each story for the
 * page with the content hashes of the files it was made from and, when the
 * story does not build, with its problems (and the last version that built,
 * for author mode to show as such) instead of failing; and it serves the one endpoint that
 * writes story files: `POST /__story-author/{camera,place,undo}`, from
 * 127.0.0.1 only, same-origin only, with the token the page got in its HTML,
 * refusing a file that changed on disk since the page read it, writing
 * through a temporary file and a rename.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, dirname, join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { z } from 'zod';
import { AUTHOR_API, TOKEN_HEADER, TOKEN_META, type AuthorMeta, type EditResult, type FileKey, type Problem } from '../author/protocol';
import type { Story } from '../story/model';
import { discoverStories, loadStoryFolder, StoryBuildError, type StoryFolder } from './loadStory';
import { forReaders } from './storyPlugin';
import { EditError, movePlaceInGeoJson, setStepCamera } from './authorEdits';
import { locateSteps, parseProblem } from './authorProblems';

/** The story modules of `storyPlugin`, which this plugin loads instead in the dev server. */
const RESOLVED = '\0virtual:story/';

export const contentHash = (text: string) => createHash('sha256').update(text).digest('hex');

/** The files of a story that author mode may rewrite, by key. */
export function editableFiles(root: string, folder: StoryFolder): Record<FileKey, string> {
  return { story: join(folder.dir, 'story.yaml'), places: join(folder.dir, 'places.geojson'), gazetteer: join(root, 'geo/places.geojson') };
}

function hashes(files: Record<FileKey, string>): AuthorMeta['hashes'] {
  const out: AuthorMeta['hashes'] = {};
  for (const [key, file] of Object.entries(files) as [FileKey, string][]) if (existsSync(file)) out[key] = contentHash(readFileSync(file, 'utf8'));
  return out;
}

/** Every file a story is made from: changing one reloads the page (also while the story does not build). */
function storyInputs(root: string, folder: StoryFolder): string[] {
  const sources = join(folder.dir, 'sources');
  const own = readdirSync(folder.dir).filter((f) => f === 'story.yaml' || f.endsWith('.geojson')).map((f) => join(folder.dir, f));
  const texts = existsSync(sources) ? readdirSync(sources).filter((f) => f.endsWith('.txt')).map((f) => join(sources, f)) : [];
  return [...own, ...texts, ...['places.geojson', 'shapes.geojson', 'basemap.topo.json'].map((f) => join(root, 'geo', f))];
}

/**
 * Write `text` to `file` atomically: into a temporary file in the same
 * folder (the same file system), flushed, then renamed over the file, so an
 * editor or the build never reads half a file. The file keeps its mode.
 */
export function writeAtomic(file: string, text: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', existsSync(file) ? statSync(file).mode : 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** What of a request decides whether it may write. */
export interface RequestFacts {
  method: string | undefined;
  headers: IncomingMessage['headers'];
  localAddress: string | undefined;
  remoteAddress: string | undefined;
  localPort: number | undefined;
}

/**
 * Why a request may not write, or undefined when it may: it must come from
 * this machine to a loopback address, name this server as its host, be a
 * same-origin POST of JSON (a cross-origin page cannot send that without a
 * CORS preflight, which is refused), and carry the start-up token.
 */
export function refusal(req: RequestFacts, token: string): { status: number; message: string } | undefined {
  if (!LOOPBACK.has(req.localAddress ?? '') || !LOOPBACK.has(req.remoteAddress ?? '')) return { status: 403, message: 'author mode answers on 127.0.0.1 only' };
  if (req.method !== 'POST') return { status: 405, message: 'POST only' };
  const host = String(req.headers.host ?? '');
  const port = req.localPort;
  if (![`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host)) return { status: 403, message: `unexpected Host "${host}"` };
  if (req.headers.origin !== `http://${host}`) return { status: 403, message: 'same-origin requests only' };
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return { status: 403, message: 'same-origin requests only' };
  if (!/^application\/json(;|$)/.test(String(req.headers['content-type'] ?? ''))) return { status: 415, message: 'JSON only' };
  const given = Buffer.from(String(req.headers[TOKEN_HEADER] ?? ''));
  const wanted = Buffer.from(token);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return { status: 403, message: 'missing or wrong author token: reload the page' };
  return undefined;
}

const storyId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const finite = z.number().finite();
const bodies = {
  camera: z.strictObject({
    story: storyId,
    step: z.string().min(1).max(200),
    camera: z.strictObject({ center: z.tuple([finite, finite]), zoom: finite, bearing: finite, pitch: finite }),
    base: z.string().max(128),
  }),
  place: z.strictObject({
    story: storyId,
    place: z.string().min(1).max(200),
    coordinates: z.tuple([finite.min(-180).max(180), finite.min(-85).max(85)]),
    base: z.partialRecord(z.enum(['story', 'places', 'gazetteer']), z.string().max(128)),
  }),
  undo: z.strictObject({ story: storyId }),
};

interface FileChange {
  file: string;
  before: string;
  after: string;
}
interface UndoEntry {
  label: string;
  changes: FileChange[];
}

type Answer = { status: number; body: EditResult };
const conflict = (message: string): Answer => ({ status: 409, body: { ok: false, conflict: true, message } });
const failed = (status: number, message: string): Answer => ({ status, body: { ok: false, message } });

/** The endpoint and what the story modules need of it: the last story that built, and the edits to undo, per story. */
export function createAuthorApi(root: string, token: string) {
  const lastGood = new Map<string, Story>();
  const undo = new Map<string, UndoEntry[]>();
  const shown = (file: string) => relative(root, file) || file;

  const folderOf = (id: string) => discoverStories(root).find((f) => f.id === id);

  /** Write every change, unless a file is no longer what the page read (its hand edit wins). */
  function commit(id: string, label: string, changes: FileChange[], record = true): Answer {
    for (const c of changes) {
      if (contentHash(readFileSync(c.file, 'utf8')) !== contentHash(c.before)) return conflict(`${shown(c.file)} changed on disk while saving; nothing was written`);
    }
    for (const c of changes) writeAtomic(c.file, c.after);
    if (record) {
      const stack = undo.get(id) ?? [];
      stack.push({ label, changes });
      undo.set(id, stack.slice(-20));
    }
    return { status: 200, body: { ok: true, message: label, files: changes.map((c) => shown(c.file)) } };
  }

  const changedOnDisk = (file: string) =>
    `${shown(file)} changed on disk since this page read it (edited in your editor?). Nothing was written: the file keeps the text edited by hand. Reload the page to see it.`;

  const edits = {
    camera(body: z.infer<typeof bodies.camera>): Answer {
      const folder = folderOf(body.story);
      if (!folder) return failed(404, `no story "${body.story}"`);
      const file = editableFiles(root, folder).story;
      const text = readFileSync(file, 'utf8');
      if (contentHash(text) !== body.base) return conflict(changedOnDisk(file));
      const after = setStepCamera(text, body.step, body.camera);
      if (after === text) return { status: 200, body: { ok: true, message: `step “${body.step}” already has this camera`, files: [] } };
      return commit(body.story, `the camera of step “${body.step}”`, [{ file, before: text, after }]);
    },
    place(body: z.infer<typeof bodies.place>): Answer {
      const folder = folderOf(body.story);
      if (!folder) return failed(404, `no story "${body.story}"`);
      const date = new Date().toISOString().slice(0, 10);
      const changes: FileChange[] = [];
      // A place may be in the story's own file and, at the same position, in the gazetteer: it moves in both.
      for (const [key, file] of Object.entries(editableFiles(root, folder)) as [FileKey, string][]) {
        if (key === 'story' || !existsSync(file)) continue;
        const text = readFileSync(file, 'utf8');
        const after = movePlaceInGeoJson(text, body.place, body.coordinates, date);
        if (after === undefined) continue;
        if (contentHash(text) !== body.base[key]) return conflict(changedOnDisk(file));
        changes.push({ file, before: text, after });
      }
      if (changes.length === 0) return failed(404, `no place "${body.place}" in the story's places.geojson or geo/places.geojson`);
      return commit(body.story, `the position of place “${body.place}”`, changes);
    },
    undo(body: z.infer<typeof bodies.undo>): Answer {
      const stack = undo.get(body.story) ?? [];
      const last = stack.at(-1);
      if (!last) return failed(409, 'nothing to undo');
      for (const c of last.changes) {
        if (readFileSync(c.file, 'utf8') !== c.after) {
          stack.pop();
          return conflict(`${shown(c.file)} changed on disk after ${last.label} was saved: undoing it would overwrite those edits, so it was not undone`);
        }
      }
      const answer = commit(body.story, `undid ${last.label}`, last.changes.map((c) => ({ file: c.file, before: c.after, after: c.before })), false);
      if (answer.body.ok) stack.pop();
      return answer;
    },
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const send = ({ status, body }: Answer) => {
      res.statusCode = status;
      res.setHeader('content-type', 'application/json');
      res.setHeader('cache-control', 'no-store');
      res.end(JSON.stringify(body));
    };
    const refused = refusal(
      { method: req.method, headers: req.headers, localAddress: req.socket.localAddress, remoteAddress: req.socket.remoteAddress, localPort: req.socket.localPort },
      token,
    );
    if (refused) {
      req.resume();
      return send(failed(refused.status, refused.message));
    }
    const kind = (req.url ?? '').replace(/^\/+|\?.*$/g, '');
    if (!Object.hasOwn(bodies, kind)) return send(failed(404, `no author action "${kind}"`));
    let raw = '';
    for await (const chunk of req) {
      raw += String(chunk);
      if (raw.length > 64_000) return send(failed(413, 'request too large'));
    }
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      return send(failed(400, 'not JSON'));
    }
    const parsed = bodies[kind as keyof typeof bodies].safeParse(data);
    if (!parsed.success) return send(failed(400, `bad request: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`));
    try {
      // Each action checks its own body's type: the union of handlers is narrowed by `kind`.
      send((edits[kind as keyof typeof edits] as (b: unknown) => Answer)(parsed.data));
    } catch (error) {
      if (error instanceof EditError || error instanceof StoryBuildError) return send(failed(422, error.message));
      throw error;
    }
  }

  /**
   * The story module: the story, or null when it does not build; `lastGood`, the last version that built
   * (while it does not); and `author`, the hashes of the files it was read from and the problems.
   */
  function storyModule(id: string, addWatchFile: (file: string) => void): string | null {
    const folder = folderOf(id);
    if (!folder) return null;
    const files = editableFiles(root, folder);
    for (let attempt = 0; ; attempt++) {
      const before = hashes(files);
      let story: Story | undefined;
      let problems: Problem[] = [];
      try {
        story = loadStoryFolder(root, folder).story;
      } catch (error) {
        if (!(error instanceof StoryBuildError)) throw error;
        problems = locateSteps(error.problems.map(parseProblem), shown(files.story), readFileSync(files.story, 'utf8'));
      }
      // A file saved while the story was read: read again, so the hashes are those of what the page shows.
      if (attempt < 3 && JSON.stringify(hashes(files)) !== JSON.stringify(before)) continue;
      for (const file of storyInputs(root, folder)) if (existsSync(file)) addWatchFile(file);
      if (story) lastGood.set(id, story);
      const label = undo.get(id)?.at(-1)?.label;
      const meta: AuthorMeta = { hashes: before, problems, stale: !story, ...(label ? { undo: label } : {}) };
      const data = (s: Story | undefined) => (s ? `JSON.parse(${JSON.stringify(JSON.stringify(forReaders(s)))})` : 'null');
      // The last story that built goes to author mode only, which says that it is shown: everything else gets null.
      return `export default ${data(story)};\nexport const lastGood = ${story ? 'null' : data(lastGood.get(id))};\nexport const author = ${JSON.stringify(meta)};\n`;
    }
  }

  return { handle, storyModule };
}

/** The plugin: only in `vite` (serve) in development mode; never in `vite build`, `vite preview` or Vitest's own server. */
export function authorPlugin(root: string): Plugin {
  const token = randomBytes(32).toString('base64url');
  const api = createAuthorApi(root, token);
  return {
    name: 'story-author',
    enforce: 'pre',
    apply: (_config, env) => env.command === 'serve' && !env.isPreview && env.mode === 'development',
    load(id) {
      return id.startsWith(RESOLVED) ? api.storyModule(id.slice(RESOLVED.length), (file) => this.addWatchFile(file)) : null;
    },
    configureServer(server) {
      // A server inside another (the build's prerenderer) serves no pages.
      if (server.config.server.middlewareMode || !server.httpServer) return;
      server.middlewares.use(AUTHOR_API, (req, res, next) => {
        api.handle(req, res).catch(next);
      });
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        if (!ctx.server || !ctx.filename.endsWith('story.html')) return html;
        return { html, tags: [{ tag: 'meta', attrs: { name: TOKEN_META, content: token }, injectTo: 'head' }] };
      },
    },
  };
}
