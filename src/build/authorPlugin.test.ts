import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConfigEnv, UserConfig } from 'vite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { authorPlugin, contentHash, createAuthorApi, refusal, writeAtomic, type RequestFacts } from './authorPlugin';
import { AUTHOR_API, TOKEN_HEADER, type AuthorMeta } from '../author/protocol';

const repo = join(import.meta.dirname, '../..');
const TOKEN = 'a'.repeat(43);

describe('refusal', () => {
  const ok: RequestFacts = {
    method: 'POST',
    localAddress: '127.0.0.1',
    remoteAddress: '127.0.0.1',
    localPort: 5173,
    headers: { host: '127.0.0.1:5173', origin: 'http://127.0.0.1:5173', 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', [TOKEN_HEADER]: TOKEN },
  };
  const refused = (change: Partial<RequestFacts>, headers: Record<string, string | undefined> = {}) =>
    refusal({ ...ok, ...change, headers: { ...ok.headers, ...headers } }, TOKEN)?.status;

  it('lets a same-origin JSON POST from this machine with the token through', () => {
    expect(refusal(ok, TOKEN)).toBeUndefined();
    expect(refused({ localAddress: '::1', remoteAddress: '::ffff:127.0.0.1' }, { host: 'localhost:5173', origin: 'http://localhost:5173' })).toBeUndefined();
  });

  it('refuses what is not that', () => {
    expect(refused({ remoteAddress: '192.168.1.20' })).toBe(403);
    expect(refused({ localAddress: '192.168.1.10' })).toBe(403);
    expect(refused({ method: 'GET' })).toBe(405);
    expect(refused({ method: 'OPTIONS' })).toBe(405);
    // 0.0.0.0 reaches a server bound to all interfaces from a browser on Linux: not a name this server answers to
    // (the Host check comes before the Origin check, so the Origin is left as it was).
    expect(refused({}, { host: '0.0.0.0:5173' })).toBe(403);
    expect(refused({}, { host: '127.0.0.1:9999', origin: 'http://127.0.0.1:9999' })).toBe(403);
    expect(refused({}, { origin: undefined })).toBe(403);
    expect(refused({}, { origin: 'http://127.0.0.1:4173' })).toBe(403);
    expect(refused({}, { origin: 'null' })).toBe(403);
    expect(refused({}, { 'sec-fetch-site': 'same-site' })).toBe(403);
    expect(refused({}, { 'content-type': 'text/plain' })).toBe(415);
    expect(refused({}, { [TOKEN_HEADER]: undefined })).toBe(403);
    expect(refused({}, { [TOKEN_HEADER]: 'b'.repeat(43) })).toBe(403);
    expect(refused({}, { [TOKEN_HEADER]: TOKEN.slice(1) })).toBe(403);
  });
});

describe('writeAtomic', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'author-write-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces the file through a temporary one in the same folder, keeping its mode', () => {
    const file = join(dir, 'story.yaml');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    writeAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['story.yaml']);
  });

  it('leaves no temporary file behind when the rename fails', () => {
    const target = join(dir, 'a-folder');
    mkdirSync(join(target, 'inside'), { recursive: true });
    expect(() => writeAtomic(target, 'text')).toThrow();
    expect(readdirSync(dir)).toEqual(['a-folder']);
  });
});

describe('the plugin', () => {
  const apply = (env: ConfigEnv) => (authorPlugin(repo).apply as (c: UserConfig, e: ConfigEnv) => boolean)({}, env);
  it('exists only in the dev server', () => {
    expect(apply({ command: 'serve', mode: 'development' })).toBe(true);
    expect(apply({ command: 'build', mode: 'production' })).toBe(false);
    expect(apply({ command: 'serve', mode: 'production' })).toBe(false); // the build's prerenderer
    expect(apply({ command: 'serve', mode: 'test' })).toBe(false); // Vitest
    expect(apply({ command: 'serve', mode: 'development', isPreview: true })).toBe(false);
  });
});

describe('the endpoint', () => {
  const root = mkdtempSync(join(tmpdir(), 'author-api-'));
  const storyFile = join(root, 'stories/lift/story.yaml');
  const gazetteer = join(root, 'geo/places.geojson');
  let original = '';
  let server: Server;
  let url = '';
  let api: ReturnType<typeof createAuthorApi>;

  beforeAll(async () => {
    for (const f of ['places.geojson', 'shapes.geojson', 'basemap.topo.json']) cpSync(join(repo, 'geo', f), join(root, 'geo', f));
    cpSync(join(repo, 'stories/the-lift-home'), join(root, 'stories/lift'), { recursive: true });
    original = readFileSync(storyFile, 'utf8');
    api = createAuthorApi(root, TOKEN);
    server = createServer((req, res) => {
      req.url = req.url!.slice(AUTHOR_API.length - 1);
      void api.handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => {
    server.close();
    rmSync(root, { recursive: true, force: true });
  });
  beforeEach(() => writeFileSync(storyFile, original));

  const post = (kind: string, body: unknown, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; body: { ok: boolean; conflict?: boolean; message: string } }>((resolve, reject) => {
      const req = request(`${url}${AUTHOR_API}${kind}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url, [TOKEN_HEADER]: TOKEN, ...headers } }, (res) => {
        let text = '';
        res.on('data', (c) => (text += String(c)));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) as { ok: boolean; message: string } }));
      });
      req.on('error', reject);
      req.end(JSON.stringify(body));
    });
  const camera = { center: [120, 35] as [number, number], zoom: 4, bearing: 0, pitch: 0 };

  it('writes a camera when the page read the file as it is, and undoes it byte for byte', async () => {
    const answer = await post('camera', { story: 'the-lift-home', step: 'the-offer', camera, base: contentHash(original) });
    expect(answer).toEqual({ status: 200, body: { ok: true, message: 'the camera of step “the-offer”', files: ['stories/lift/story.yaml'] } });
    const written = readFileSync(storyFile, 'utf8');
    expect(written).toBe(original.replace('    camera: { center: [115.5, 30.5], zoom: 3.6 }', '    camera: { center: [120, 35], zoom: 4 }'));
    expect((await post('undo', { story: 'the-lift-home' })).status).toBe(200);
    expect(readFileSync(storyFile, 'utf8')).toBe(original);
    expect((await post('undo', { story: 'the-lift-home' })).body.message).toBe('nothing to undo');
  });

  it('refuses a camera for a file changed since the page read it, and writes nothing', async () => {
    const handEdited = `${original}# a note\n`;
    writeFileSync(storyFile, handEdited);
    const answer = await post('camera', { story: 'the-lift-home', step: 'the-offer', camera, base: contentHash(original) });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ ok: false, conflict: true, message: expect.stringMatching(/^stories\/lift\/story\.yaml changed on disk since this page read it/) as string });
    expect(readFileSync(storyFile, 'utf8')).toBe(handEdited);
  });

  it('does not undo over a hand edit made after the edit', async () => {
    await post('camera', { story: 'the-lift-home', step: 'the-offer', camera, base: contentHash(original) });
    const handEdited = `${readFileSync(storyFile, 'utf8')}# later\n`;
    writeFileSync(storyFile, handEdited);
    const answer = await post('undo', { story: 'the-lift-home' });
    expect(answer).toMatchObject({ status: 409, body: { conflict: true, message: expect.stringMatching(/undoing it would overwrite those edits/) as string } });
    expect(readFileSync(storyFile, 'utf8')).toBe(handEdited);
  });

  it('moves a place in the gazetteer, checked against its hash, marked for review', async () => {
    const before = readFileSync(gazetteer, 'utf8');
    const stale = await post('place', { story: 'the-lift-home', place: 'hanoi', coordinates: [105.9, 21.1], base: { gazetteer: 'not-the-hash' } });
    expect(stale.status).toBe(409);
    expect(readFileSync(gazetteer, 'utf8')).toBe(before);
    const moved = await post('place', { story: 'the-lift-home', place: 'hanoi', coordinates: [105.9, 21.1], base: { gazetteer: contentHash(before) } });
    expect(moved.status).toBe(200);
    const hanoi = (JSON.parse(readFileSync(gazetteer, 'utf8')) as { features: { geometry: { coordinates: number[] }; properties: { id: string; provenance: string } }[] }).features.find((f) => f.properties.id === 'hanoi')!;
    expect(hanoi.geometry.coordinates).toEqual([105.9, 21.1]);
    expect(hanoi.properties.provenance).toMatch(/^Moved by hand in author mode on \d{4}-\d\d-\d\d; review it\. Before: /);
    expect((await post('undo', { story: 'the-lift-home' })).status).toBe(200);
    expect(readFileSync(gazetteer, 'utf8')).toBe(before);
  });

  it('answers bad requests without writing', async () => {
    expect((await post('camera', { story: 'the-lift-home', step: 'the-offer', camera: { ...camera, zoom: 'near' }, base: '' })).status).toBe(400);
    expect((await post('camera', { story: 'the-lift-home', step: 'nope', camera, base: contentHash(original) })).status).toBe(422);
    expect((await post('camera', { story: 'elsewhere', step: 'the-offer', camera, base: '' })).status).toBe(404);
    expect((await post('delete', { story: 'the-lift-home' })).status).toBe(404);
    expect((await post('camera', { story: 'the-lift-home', step: 'the-offer', camera, base: contentHash(original) }, { [TOKEN_HEADER]: '' })).status).toBe(403);
    expect(readFileSync(storyFile, 'utf8')).toBe(original);
  });

  it('gives the page the story with its hashes, and its problems (and the last story that built) when it does not build', () => {
    const watched: string[] = [];
    type StoryData = { steps: { id: string }[] } | null;
    /** The module's three exports: each `null`, `JSON.parse("…")` or JSON. */
    const meta = (code: string) => {
      const parts = /^export default (.*);\nexport const lastGood = (.*);\nexport const author = (.*);\n$/.exec(code);
      expect(parts, code.slice(0, 200)).not.toBeNull();
      const story = (expr: string): StoryData => (expr === 'null' ? null : (JSON.parse(JSON.parse(expr.slice('JSON.parse('.length, -1)) as string) as StoryData));
      return { default: story(parts![1]!), lastGood: story(parts![2]!), author: JSON.parse(parts![3]!) as AuthorMeta };
    };
    // An endpoint of its own: no edits to undo from the tests above.
    const fresh = createAuthorApi(root, TOKEN);
    const good = meta(fresh.storyModule('the-lift-home', (f) => watched.push(f))!);
    expect(good.author).toEqual({ hashes: { story: contentHash(original), gazetteer: contentHash(readFileSync(gazetteer, 'utf8')) }, problems: [], stale: false });
    expect(good.default?.steps[1]?.id).toBe('the-offer');
    expect(good.lastGood).toBeNull();
    expect(watched).toContain(storyFile);
    expect(watched).toContain(gazetteer);

    writeFileSync(storyFile, original.replace('aanbod van Trump.', 'aanbod van president Trump.'));
    const bad = meta(fresh.storyModule('the-lift-home', () => {})!);
    expect(bad.author.stale).toBe(true);
    expect(bad.author.problems).toEqual([
      expect.objectContaining({ file: 'stories/lift/story.yaml', field: 'steps[1].citations[0].quote', step: { index: 1, id: 'the-offer' }, closest: expect.stringContaining('aanbod van Trump.') as string }),
    ]);
    // Not the story any more; the version that built last, for author mode to show marked as such.
    expect(bad.default).toBeNull();
    expect(bad.lastGood?.steps[1]?.id).toBe('the-offer');
    expect(createAuthorApi(root, TOKEN).storyModule('the-lift-home', () => {})).toMatch(/^export default null;\nexport const lastGood = null;/);
  });
});
