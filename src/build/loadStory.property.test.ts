/**
 * Property-based tests of the story loader: thousands of generated YAML files
 * (mutations of the valid fixture's document and of its text, random YAML,
 * 1 MB values, 10,000 levels of nesting, aliases) each end in a valid `Story`,
 * only when an independent statement of the rules agrees, or in a
 * `StoryBuildError` whose every problem is `file:line:column …`, in bounded
 * time. Targeted properties check that the line and column point at the field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { isMap, isNode, isScalar, Pair, parseDocument, stringify, type Document } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkStoryFile, StoryBuildError } from './loadStory';
import { fixtureRefs as refs } from '../story/fixtures/refs';
import { whyInvalid } from '../story/fixtures/oracle';
import { runs, TIMEOUT } from '../story/fixtures/propertyRuns';
import { oddChars, unknownIds } from '../story/fixtures/arbitraries';
import { deletionIssue, OPTIONAL_FIELDS } from '../story/fixtures/deletions';
import { formatPath, type IssuePath } from '../story/schema';
import type { Story } from '../story/model';

const fixtures = join(import.meta.dirname, '../story/fixtures');
const validText = readFileSync(join(fixtures, 'valid.yaml'), 'utf8');
/** Per document. */
const BUDGET_MS = 2000;

type Outcome = { story: Story; problems?: undefined; ms: number } | { story?: undefined; problems: string[]; ms: number };

function check(text: string): Outcome {
  const start = performance.now();
  try {
    const story = checkStoryFile(join(fixtures, 'story.yaml'), text, refs, fixtures);
    return { story, ms: performance.now() - start };
  } catch (error) {
    // Anything but a StoryBuildError is a crash, and fails the property.
    if (!(error instanceof StoryBuildError)) throw error;
    return { problems: error.problems, ms: performance.now() - start };
  }
}

const NOT_YAML = Symbol('not YAML');
function dataOf(text: string): unknown {
  try {
    const doc = parseDocument(text, { uniqueKeys: true, logLevel: 'error' });
    return doc.errors.length > 0 ? NOT_YAML : doc.toJS({ maxAliasCount: 100 });
  } catch {
    return NOT_YAML; // unresolved or too many aliases, or nested too deeply for the parser
  }
}

const LOCATED = /^story\.yaml:(\d+):(\d+) (.+)$/su;

/** A valid story exactly when the rules say so; otherwise every problem names file, line and column (and field). */
function expectSound(text: string, outcome: Outcome): void {
  expect(outcome.ms).toBeLessThan(BUDGET_MS);
  const data = dataOf(text);
  if (outcome.story) {
    expect(data).not.toBe(NOT_YAML);
    expect(whyInvalid(data, refs), 'accepted, but the rules say it is invalid').toEqual([]);
    return;
  }
  expect(outcome.problems.length).toBeGreaterThan(0);
  if (data !== NOT_YAML) {
    const why = whyInvalid(data, refs);
    expect(why.length, `rejected a valid story: ${outcome.problems.join('\n')}`).toBeGreaterThan(0);
  }
  const lineCount = text.split('\n').length;
  for (const problem of outcome.problems) {
    expect(problem).toMatch(/^[^:]+:\d+:\d+ /);
    const [, line, column, rest] = LOCATED.exec(problem) ?? [];
    expect(Number(line)).toBeGreaterThanOrEqual(1);
    expect(Number(line)).toBeLessThanOrEqual(lineCount);
    expect(Number(column)).toBeGreaterThanOrEqual(1);
    expect(Number(column)).toBeLessThanOrEqual(text.length + 1);
    // A schema problem names the field: `steps[1].date: …`.
    if (data !== NOT_YAML) expect(rest).toMatch(/^\S.*?: \S/su);
  }
}

/** The text at line:column (1-based) of `text`. */
function textAt(text: string, problem: string): string {
  const [, line, column] = LOCATED.exec(problem)!;
  return text.split('\n')[Number(line) - 1]!.slice(Number(column) - 1);
}

// ---- generators --------------------------------------------------------------------------------

function pathsOf(value: unknown, prefix: IssuePath = [], seen = new Set<unknown>()): IssuePath[] {
  const out: IssuePath[] = [prefix];
  if (typeof value !== 'object' || value === null || seen.has(value)) return out;
  seen.add(value); // an alias can make the data contain itself
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i], seen)));
  else for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k], seen));
  return out;
}

const validData = dataOf(validText);
const oddString = fc.string({ unit: fc.constantFrom(...oddChars), maxLength: 12 });
const jsonValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  oddString,
  fc.constantFrom(...unknownIds),
  fc.constantFrom(null, '', ' ', 0, -0, 1e308, 2019, '2019-02-30', '2019-02-28', true, [], {}),
);

type DocOp = {
  pick: number;
  op: 'delete' | 'replace' | 'unknown-key' | 'id' | 'unicode' | 'duplicate-key' | 'alias';
  value: unknown;
  key: string;
  index: number;
};
const docOp: fc.Arbitrary<DocOp> = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom('delete', 'replace', 'unknown-key', 'id', 'unicode', 'duplicate-key', 'alias'),
  value: jsonValue,
  key: fc.oneof(fc.string({ maxLength: 8 }), oddString, fc.constantFrom('titel', 'quote', 'id', '__proto__', '<<', '0', '? x')),
  index: fc.nat(),
});

/** Apply operations to the valid fixture's YAML document and print it. */
function mutateDocument(ops: DocOp[]): string {
  const doc: Document = parseDocument(validText, { logLevel: 'error' });
  for (const m of ops) {
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch {
      break; // an earlier alias made it unreadable: that is the document
    }
    const paths = pathsOf(data);
    const path = paths[m.pick % paths.length]!;
    const node: unknown = path.length === 0 ? doc.contents : doc.getIn(path, true);
    const put = (value: unknown) => (path.length === 0 ? (doc.contents = doc.createNode(value)) : doc.setIn(path, value));
    try {
      switch (m.op) {
        case 'delete':
          if (path.length > 0) doc.deleteIn(path);
          break;
        case 'replace':
          put(doc.createNode(m.value));
          break;
        case 'unknown-key':
          if (isMap(node)) node.set(doc.createNode(m.key), doc.createNode(m.value));
          break;
        case 'id':
          put(unknownIds[m.index % unknownIds.length]);
          break;
        case 'unicode':
          if (isScalar(node) && typeof node.value === 'string') {
            const i = m.index % (node.value.length + 1);
            put(node.value.slice(0, i) + oddChars[m.index % oddChars.length]! + node.value.slice(i));
          }
          break;
        case 'duplicate-key':
          if (isMap(node) && node.items.length > 0) {
            const existing = node.items[m.index % node.items.length]!;
            node.items.push(new Pair(doc.createNode(isScalar(existing.key) ? existing.key.value : m.key), doc.createNode(m.value)));
          }
          break;
        case 'alias': {
          // An alias to an ancestor (a value containing itself), or to an anchor that is not there.
          if (path.length === 0) break;
          const target = doc.getIn(path.slice(0, m.index % path.length), true) as Parameters<Document['createAlias']>[0];
          doc.setIn(path, m.index % 4 === 0 || !isNode(target) ? UNRESOLVED : doc.createAlias(target, `a${m.index % 3}`));
          break;
        }
      }
    } catch {
      // After a duplicated key the data (last value wins) and the document (first) disagree on a path: skip.
    }
  }
  // The printer refuses an alias without its anchor: written into the text instead. (If a later operation removed
  // the anchor of an alias made earlier, the printer refuses the document: leave it unchanged.)
  try {
    return doc.toString().replaceAll(UNRESOLVED, '*nowhere');
  } catch {
    return validText;
  }
}
const UNRESOLVED = 'unresolved-alias-0b9f';

const mutatedDocument = fc.array(docOp, { minLength: 1, maxLength: 4 }).map(mutateDocument);

const yamlTokens = [
  ':', ': ', '-', '- ', '\n', '\n  ', '  ', ' ', '\t', '{', '}', '[', ']', ',', '&a ', '*a', '&b ', '*b', '!!str ', '!!int ',
  '!!binary ', '!!map ', '!!set ', '!custom ', '"', "'", '#', '|', '>-', '? ', '---\n', '...\n', '%YAML 1.2\n', '<<: ', 'null',
  '~', '0x1F', '.nan', '-.inf', '1e999', '2019', '\r\n', '\\', 'id', 'steps', 'title', 'nl', 'en', 'quote', 'x',
];
const token = fc.oneof(fc.constantFrom(...yamlTokens), fc.constantFrom(...oddChars));

type Edit = { pos: number; kind: 'insert' | 'delete' | 'replace'; s: string; n: number };
const edit: fc.Arbitrary<Edit> = fc.record({
  pos: fc.nat(),
  kind: fc.constantFrom('insert', 'delete', 'replace'),
  s: fc.oneof(token, fc.string({ unit: token, maxLength: 4 })),
  n: fc.integer({ min: 1, max: 8 }),
});
const editedText = fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => {
  let text = validText;
  for (const e of edits) {
    const at = e.pos % (text.length + 1);
    const cut = e.kind === 'insert' ? 0 : e.n;
    text = text.slice(0, at) + (e.kind === 'delete' ? '' : e.s) + text.slice(at + cut);
  }
  return text;
});

const randomText = fc.oneof(
  fc.string({ unit: token, maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.jsonValue({ maxDepth: 4 }).map((v) => stringify(v)),
  fc.anything({ maxDepth: 3, withMap: true, withSet: true, withDate: true, withBigInt: true }).map((v) => {
    try {
      return stringify(v) ?? '';
    } catch {
      return String(typeof v);
    }
  }),
);

// ---- properties ---------------------------------------------------------------------------------

const manyQuotesStep = (i: number) => `  - id: extra-${i}
    date: 2019-03
    title: { nl: T, en: T }
    text: { nl: "${' “x'.repeat(6600)}", en: E }
    camera: { center: [115, 30], zoom: 3 }
    citations:
      - source: article
        quote: Kim reisde met de trein naar Hanoi.
        translation: Kim travelled to Hanoi by train.
`;

describe('checkStoryFile on generated YAML', () => {
  it('accepts the valid fixture and its re-printed document', () => {
    for (const text of [validText, parseDocument(validText).toString()]) {
      const outcome = check(text);
      expect(outcome.problems).toBeUndefined();
      expectSound(text, outcome);
    }
  });

  it('mutations of the document: deleted fields, random values, unknown keys and ids, odd Unicode, duplicate keys, aliases', () => {
    fc.assert(
      fc.property(mutatedDocument, (text) => expectSound(text, check(text))),
      { numRuns: runs(600) },
    );
  }, TIMEOUT);

  it('character edits of the text', () => {
    fc.assert(
      fc.property(editedText, (text) => expectSound(text, check(text))),
      { numRuns: runs(300) },
    );
  }, TIMEOUT);

  it('random YAML and random bytes', () => {
    fc.assert(
      fc.property(randomText, (text) => expectSound(text, check(text))),
      { numRuns: runs(600) },
    );
  }, TIMEOUT);

  it('10,000 levels of nesting, in flow and block style, anywhere', () => {
    const styles = {
      flowSeq: (d: number) => '['.repeat(d) + ']'.repeat(d),
      flowMap: (d: number) => '{a: '.repeat(d) + '1' + '}'.repeat(d),
      blockSeq: (d: number) => '- '.repeat(d) + 'x',
      mixed: (d: number) => '[{a: '.repeat(Math.ceil(d / 2)) + '1' + '}]'.repeat(Math.ceil(d / 2)),
    };
    const lines = validText.split('\n');
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(styles) as (keyof typeof styles)[])),
        fc.oneof(fc.integer({ min: 1, max: 10_000 }), fc.constant(10_000)),
        fc.nat(),
        fc.boolean(),
        (style, depth, pick, whole) => {
          const deep = styles[style](depth);
          // The whole file, or the value of one `key: value` line.
          const keyed = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s*[a-z]+: \S/.test(l));
          const [line, i] = keyed[pick % keyed.length]!;
          const text = whole
            ? deep
            : [...lines.slice(0, i), line.replace(/: .*/, `: ${style === 'blockSeq' ? `\n${' '.repeat(8)}${deep}` : deep}`), ...lines.slice(i + 1)].join('\n');
          expectSound(text, check(text));
        },
      ),
      { numRuns: runs(16) },
    );
  }, TIMEOUT);

  const MB = 1_000_000;
  const big = {
    title: () => validText.replace('title: { nl: Test,', `title: { nl: ${'x'.repeat(MB)},`),
    quote: () => validText.replace('quote: Soms moet je weglopen.', `quote: ${'Soms moet je weglopen. '.repeat(MB / 23)}`),
    text: () => validText.replace('text: { nl: De trein.', `text: { nl: ${'“x ’y '.repeat(MB / 6)}`),
    id: () => validText.replace('id: test-story', `id: ${'a-'.repeat(MB / 2)}b`),
    key: () => validText.replace('id: test-story', `id: test-story\n${'k'.repeat(MB)}: 1`),
    comment: () => validText.replace('id: test-story', `id: test-story\n# ${'c'.repeat(MB)}`),
    // 1,000 unknown place ids of 1,000 characters. (A list of 300,000 short items takes 3-7 s, all of it in the
    // YAML parser, at about 10 µs an item: linear, but over this budget; a file-size limit would be needed for that.)
    places: () =>
      validText.replace('places: [hanoi]', `places: [${Array.from({ length: 1000 }, (_, i) => `p${i}-${'x'.repeat(1000)}`).join(', ')}]`),
    unicode: () => validText.replace('title: { nl: Test,', `title: { nl: ${'\u200F\u200D😀'.repeat(MB / 4)},`),
    // 50 steps whose narrative is 20,000 characters of unclosed quotation marks (0.5 s each when that was quadratic).
    steps: () => validText + Array.from({ length: 50 }, (_, i) => manyQuotesStep(i)).join(''),
    // 100,000 lines: the YAML parser takes about 2 µs a line, so 1 MB of empty lines takes 1-2 s on its own.
    lines: () => validText + `#${'-'.repeat(8)}\n`.repeat(MB / 10),
  };
  it.each(Object.keys(big) as (keyof typeof big)[])('1 MB in bounded time: %s', (kind) => {
    const text = big[kind]();
    expect(text.length).toBeGreaterThan(MB - 10);
    expectSound(text, check(text));
  }, TIMEOUT);
});

describe('problems point at the field', () => {
  const quotePaths: IssuePath[] = [
    ['steps', 0, 'citations', 0, 'quote'],
    ['steps', 1, 'citations', 0, 'quote'],
  ];
  const isSpace = (c: string) => /^\s+$/u.test(c);
  const at = (path: IssuePath) => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], validData);

  it('a quote altered by one character is rejected at its line, with the closest passage', () => {
    const char = fc.oneof(fc.constantFrom(...oddChars), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
    fc.assert(
      fc.property(fc.constantFrom(...quotePaths), fc.constantFrom('replace', 'insert', 'delete'), fc.nat(), char, (path, kind, pos, c) => {
        const quote = (at(path) as string).trim();
        const n = quote.length;
        let altered: string;
        // As in schema.property.test.ts: a shorter quote still verbatim, or white space for white space, is no alteration.
        if (kind === 'replace') {
          const i = pos % n;
          fc.pre(c !== quote[i] && !(isSpace(quote[i]!) && isSpace(c)) && !((i === 0 || i === n - 1) && isSpace(c)));
          altered = quote.slice(0, i) + c + quote.slice(i + 1);
        } else if (kind === 'insert') {
          const i = 1 + (pos % (n - 1));
          fc.pre(!(isSpace(c) && (isSpace(quote[i - 1]!) || isSpace(quote[i]!))));
          altered = quote.slice(0, i) + c + quote.slice(i);
        } else {
          const i = 1 + (pos % (n - 2));
          altered = quote.slice(0, i) + quote.slice(i + 1);
        }
        const doc = parseDocument(validText);
        doc.setIn(path, altered);
        const text = doc.toString();
        const outcome = check(text);
        expectSound(text, outcome);
        const problem = outcome.problems?.find((p) => p.includes(` ${formatPath(path)}: `));
        expect(problem).toMatch(
          /^story\.yaml:\d+:\d+ steps\[\d\]\.citations\[0\]\.quote: quote not found verbatim in source "article" \(sources\/article\.txt\); closest passage: "[^"]+"$/u,
        );
        // At the quote's value: its first character, or the quotation mark or block indicator before it.
        const here = textAt(text, problem!);
        expect(['"', "'", '|', '>', altered.trimStart()[0]]).toContain(here[0]);
      }),
      { numRuns: runs(250) },
    );
  }, TIMEOUT);

  const mapPaths = pathsOf(validData).filter((p) => isMap(parseDocument(validText).getIn(p, true)) || p.length === 0);

  it('an unknown key is reported as unknown at its own line', () => {
    const known = new Set([
      'id', 'languages', 'title', 'intro', 'sources', 'features', 'calculations', 'steps', 'nl', 'en', 'file', 'date', 'language', 'label',
      'note', 'kind', 'mode', 'stops', 'status', 'shownKm', 'shape', 'country', 'distance', 'routeLength', 'speedKmh', 'assumption',
      'text', 'context', 'camera', 'route', 'feature', 'places', 'citations', 'calculation', 'center', 'zoom', 'bearing', 'pitch', 'from', 'to', 'source', 'quote', 'translation',
    ]);
    fc.assert(
      fc.property(fc.constantFrom(...mapPaths), fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,11}$/), fc.jsonValue({ maxDepth: 0 }), (path, key, value) => {
        fc.pre(!known.has(key));
        const doc = parseDocument(validText);
        const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
        if (!isMap(map)) throw new Error('not a mapping');
        map.set(doc.createNode(key), doc.createNode(value));
        const text = doc.toString();
        const outcome = check(text);
        expectSound(text, outcome);
        expect(outcome.problems).toHaveLength(1);
        const problem = outcome.problems![0]!;
        expect(problem).toMatch(new RegExp(`^story\\.yaml:\\d+:\\d+ ${escape(formatPath([...path, key]))}: unknown field "${key}"$`));
        const [, line] = LOCATED.exec(problem)!;
        expect(text.split('\n')[Number(line) - 1]).toContain(`${key}:`);
      }),
      { numRuns: runs(150) },
    );
  }, TIMEOUT);

  it('an unknown id is reported at that id', () => {
    /** Where the valid fixture names another thing by its id, and what the build says of a stranger there. */
    const kindOf = (p: IssuePath): keyof typeof messages | undefined => {
      const [key, parent] = [p.at(-1), p.at(-2)];
      if (key === 'source') return 'source';
      if (key === 'calculation') return 'calculation';
      if (p[0] === 'steps' && parent === 'route' && (key === 'from' || key === 'to')) return 'stop';
      if ((key === 'from' || key === 'to') && (p[0] === 'features' || parent === 'distance')) return 'place';
      if (parent === 'places' || parent === 'stops') return 'place';
      if (p[0] === 'steps' && parent === 'features') return 'feature';
      return undefined;
    };
    const messages = {
      source: /^unknown source id "[a-z-]+" \(known: article\)$/,
      stop: /^"[a-z-]+" is not a stop of route "train-route" \(stops: pyongyang, hanoi\)$/,
      calculation: /^unknown calculation "[a-z-]+" \(declared: flight-time\)$/,
      place: /^unknown place id "[a-z-]+" \(known: hanoi, pyongyang\)$/,
      feature: /^unknown feature "[a-z-]+": declare it under `features:` \(declared: train-route, ghost-flight\)$/,
    };
    const references = pathsOf(validData).filter((p) => kindOf(p) !== undefined);
    // Every kind of reference is among them: arcs' ends, route stops, steps' features, a calculation's places.
    for (const kind of Object.keys(messages)) expect(references.map(kindOf)).toContain(kind);
    expect(references.map(formatPath)).toEqual(expect.arrayContaining(['features[0].stops[0]', 'features[1].to', 'calculations[0].distance.from', 'steps[1].features[1]']));
    const strangers = ['seoul', 'articel', 'beijing', 'tanks', 'x', 'a-b', 'singapore'];
    fc.assert(
      fc.property(fc.constantFrom(...references), fc.constantFrom(...strangers), (path, id) => {
        const doc = parseDocument(validText);
        doc.setIn(path, id);
        const text = doc.toString();
        const outcome = check(text);
        expectSound(text, outcome);
        const problem = outcome.problems?.find((p) => p.includes(` ${formatPath(path)}: `));
        expect(problem?.slice(problem.indexOf(': ') + 2)).toMatch(messages[kindOf(path)!]);
        expect(textAt(text, problem!).startsWith(id)).toBe(true);
      }),
      { numRuns: runs(150) },
    );
  }, TIMEOUT);

  it('a duplicate key is reported at the second occurrence', () => {
    fc.assert(
      fc.property(fc.constantFrom(...mapPaths), fc.nat(), (path, pick) => {
        const doc = parseDocument(validText);
        const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
        if (!isMap(map)) throw new Error('not a mapping');
        const key = map.items[pick % map.items.length]!.key as { value: string };
        map.items.push(new Pair(doc.createNode(key.value), doc.createNode('again')));
        const text = doc.toString();
        const outcome = check(text);
        expectSound(text, outcome);
        expect(outcome.problems).toHaveLength(1);
        expect(outcome.problems![0]).toMatch(/^story\.yaml:\d+:\d+ Map keys must be unique$/);
        expect(textAt(text, outcome.problems![0]!).startsWith(`${key.value}: again`)).toBe(true);
      }),
      { numRuns: runs(150) },
    );
  }, TIMEOUT);

  it('a deleted required field is reported as required, at its mapping', () => {
    const required = pathsOf(validData).filter((p) => typeof p.at(-1) === 'string' && !OPTIONAL_FIELDS.includes(p.at(-1) as string));
    fc.assert(
      fc.property(fc.constantFrom(...required), (path) => {
        const doc = parseDocument(validText);
        doc.deleteIn(path);
        const text = doc.toString();
        const outcome = check(text);
        expectSound(text, outcome);
        const expected = deletionIssue(path);
        const problem = outcome.problems?.find((p) => p.endsWith(` ${formatPath(expected.path)}: ${expected.message}`));
        expect(problem, `${formatPath(path)} deleted: ${outcome.problems?.join('\n')}`).toBeDefined();
        // At the mapping that lacks it: a flow mapping's brace, or its first remaining key.
        const mapping = path.slice(0, -1);
        const parent = (mapping.length === 0 ? doc.contents : doc.getIn(mapping, true)) ?? doc.contents;
        const first = isMap(parent) ? (parent.items[0]?.key as { value?: string } | undefined)?.value : undefined;
        const here = textAt(text, problem!);
        expect(here.startsWith('{') || (first !== undefined && here.startsWith(`${first}:`))).toBe(true);
      }),
      { numRuns: runs(150) },
    );
  }, TIMEOUT);
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
