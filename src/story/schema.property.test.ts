/**
 * Property-based tests of the one schema: thousands of malformed and random
 * documents, most of them mutations of the valid fixture, each of which must
 * end in a valid `Story` (only when an independent statement of the rules,
 * `fixtures/oracle.ts`, agrees it is valid) or in a `StoryValidationError`
 * whose issues name fields the document has, within a bounded time. Never
 * another exception, a hang, or a silently accepted story.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { findQuote, quotedSpans } from './citations';
import { fixtureRefs as refs } from './fixtures/refs';
import { whyInvalid } from './fixtures/oracle';
import { budget, MUTATING, runs, TIMEOUT } from './fixtures/propertyRuns';
import { oddChars, unknownIds } from './fixtures/arbitraries';
import { deletionIssue, OPTIONAL_FIELDS } from './fixtures/deletions';
import { formatPath, parseStory, StoryValidationError, type IssuePath, type StoryIssue } from './schema';
import type { Story } from './model';

const validSpec: unknown = parse(readFileSync(join(import.meta.dirname, 'fixtures/valid.yaml'), 'utf8'));
/** Per document; the real story (five articles, fourteen steps) is checked in about 0.1 s. */
const BUDGET_MS = budget(2000);

type Outcome = { story: Story; issues?: undefined; ms: number } | { story?: undefined; issues: StoryIssue[]; ms: number };

function run(spec: unknown): Outcome {
  const start = performance.now();
  try {
    const story = parseStory(spec, refs);
    return { story, ms: performance.now() - start };
  } catch (error) {
    // Anything but the schema's own error is a crash, and fails the property.
    if (!(error instanceof StoryValidationError)) throw error;
    return { issues: error.issues, ms: performance.now() - start };
  }
}

const MISSING = Symbol('missing');
function at(value: unknown, path: IssuePath): unknown {
  let node = value;
  for (const part of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return MISSING;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

/** The outcome is a valid story exactly when the rules say so; otherwise each issue names a field of the document. */
function expectSound(spec: unknown, outcome: Outcome): void {
  expect(outcome.ms).toBeLessThan(BUDGET_MS);
  const why = whyInvalid(spec, refs);
  if (outcome.story) {
    expect(why, 'accepted, but the rules say it is invalid').toEqual([]);
    return;
  }
  expect(outcome.issues.length).toBeGreaterThan(0);
  expect(why.length, `rejected a valid story: ${outcome.issues.map((i) => i.message).join('; ')}`).toBeGreaterThan(0);
  for (const issue of outcome.issues) {
    expect(issue.path.every((p) => typeof p === 'string' || typeof p === 'number')).toBe(true);
    expect(typeof issue.message).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
    expect(formatPath(issue.path).length).toBeGreaterThan(0);
    // The loader maps the path to a line: the field is in the document, or, for a field the rules ask for
    // (required, a language's text, a speed's assumption), the mapping that lacks it.
    if (at(spec, issue.path) === MISSING) {
      expect(issue.path.length, issue.message).toBeGreaterThan(0);
      expect(at(spec, issue.path.slice(0, -1)), `${formatPath(issue.path)}: ${issue.message}`).not.toBe(MISSING);
    }
  }
}

// ---- generators --------------------------------------------------------------------------------

/**
 * A mapping as YAML gives one. A generated Map, Date, typed array or boxed String is a value to replace,
 * not a container: its index keys cannot even be redefined (found by the mutations: `new String('a')`).
 */
function isPlainMapping(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Every path to a value in the document, the document itself included. */
function pathsOf(value: unknown, prefix: IssuePath = [], seen = new Set<unknown>()): IssuePath[] {
  const out: IssuePath[] = [prefix];
  if (typeof value !== 'object' || value === null || seen.has(value)) return out;
  if (!Array.isArray(value) && !isPlainMapping(value)) return out;
  seen.add(value);
  for (const key of Object.keys(value)) {
    const k = Array.isArray(value) && /^\d+$/.test(key) ? Number(key) : key;
    out.push(...pathsOf((value as Record<string, unknown>)[key], [...prefix, k], seen));
  }
  return out;
}

function setAt(root: unknown, path: IssuePath, value: unknown): unknown {
  if (path.length === 0) return value;
  const parent = at(root, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path.at(-1)!] = value;
  return root;
}

function deleteAt(root: unknown, path: IssuePath): unknown {
  if (path.length === 0) return undefined;
  const parent = at(root, path.slice(0, -1));
  const key = path.at(-1)!;
  if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
  else delete (parent as Record<string, unknown>)[key];
  return root;
}

const oddString = fc.string({ unit: fc.constantFrom(...oddChars), maxLength: 12 });
const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withSparseArray: true,
    withTypedArray: true,
    withUnicodeString: true,
  }),
  oddString,
  fc.constantFrom(...unknownIds),
  fc.constantFrom(null, undefined, '', ' ', 0, -0, NaN, Infinity, -1e308, 2019, '2019-02-30', true, [], {}),
);

type Mutation = { pick: number; op: 'delete' | 'replace' | 'unknown-key' | 'id' | 'unicode' | 'cycle'; value: unknown; key: string; index: number };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom('delete', 'replace', 'unknown-key', 'id', 'unicode', 'cycle'),
  value: anyValue,
  key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('titel', 'quote', 'id', '__proto__', 'constructor', '0')),
  index: fc.nat(),
});

/** Apply mutations to a fresh copy of the valid document. */
function mutate(mutations: Mutation[]): unknown {
  let doc: unknown = structuredClone(validSpec);
  for (const m of mutations) {
    const paths = pathsOf(doc);
    const path = paths[m.pick % paths.length]!;
    const node = at(doc, path);
    switch (m.op) {
      case 'delete':
        doc = deleteAt(doc, path);
        break;
      case 'replace':
        doc = setAt(doc, path, m.value);
        break;
      case 'unknown-key':
        if (isPlainMapping(node))
          Object.defineProperty(node, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
        break;
      case 'id':
        doc = setAt(doc, path, unknownIds[m.index % unknownIds.length]);
        break;
      case 'unicode':
        if (typeof node === 'string') {
          const i = m.index % (node.length + 1);
          doc = setAt(doc, path, node.slice(0, i) + oddChars[m.index % oddChars.length]! + node.slice(i));
        }
        break;
      case 'cycle': {
        // A value that contains itself, as a YAML alias inside its own anchor gives.
        const ancestor = at(doc, path.slice(0, m.index % (path.length + 1)));
        doc = setAt(doc, path, [ancestor]);
        break;
      }
    }
  }
  return doc;
}

const mutated = fc.array(mutation, { minLength: 1, maxLength: 4 }).map(mutate);

/** `depth` nested arrays or objects, built without recursion. */
function nested(depth: number, kind: 'array' | 'object', leaf: unknown): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { nl: v };
  return v;
}

// ---- properties ---------------------------------------------------------------------------------

describe('parseStory on generated documents', () => {
  it('accepts the valid fixture (the mutations start from it)', () => {
    const outcome = run(structuredClone(validSpec));
    expect(outcome.issues).toBeUndefined();
    expectSound(validSpec, outcome);
  });

  it('ends in a valid story or located issues for any value at all', () => {
    fc.assert(
      fc.property(anyValue, (spec) => expectSound(spec, run(spec))),
      { numRuns: runs(1000) },
    );
  }, TIMEOUT);

  it('takes a hole in a list (data, not YAML, can have one) for a missing element', () => {
    const spec = structuredClone(validSpec) as { steps: { citations: unknown[] }[] };
    spec.steps[1]!.citations = new Array(1); // found by the mutations below: `citations: [,]`
    const outcome = run(spec);
    expectSound(spec, outcome);
    expect((outcome.issues ?? []).map((i) => formatPath(i.path))).toEqual(['steps[1].citations[0]']);
  });

  it('ends in a valid story or located issues for mutations of the valid fixture', () => {
    fc.assert(
      fc.property(mutated, (spec) => expectSound(spec, run(spec))),
      { numRuns: runs(2000) },
    );
  }, TIMEOUT);

  it('rejects every deleted required field, naming it', () => {
    const required = pathsOf(validSpec).filter((p) => {
      const key = p.at(-1);
      return typeof key === 'string' && !OPTIONAL_FIELDS.includes(key);
    });
    // Among them the texts of each language, a speed's assumption and a quote's translation.
    for (const key of ['en', 'assumption', 'translation', 'kind', 'languages', 'stops']) expect(required.map((p) => p.at(-1))).toContain(key);
    fc.assert(
      fc.property(fc.constantFrom(...required), (path) => {
        const spec = deleteAt(structuredClone(validSpec), path);
        const outcome = run(spec);
        expectSound(spec, outcome);
        expect(outcome.issues).toContainEqual(deletionIssue(path));
      }),
      { numRuns: runs(300) },
    );
  }, TIMEOUT);

  it('reports a value of the wrong type as such, not as missing', () => {
    const leaves = pathsOf(validSpec).filter((p) => p.length > 0 && typeof at(validSpec, p) !== 'object');
    fc.assert(
      fc.property(fc.constantFrom(...leaves), fc.constantFrom(null, true, 7, [], {}), (path, value) => {
        const spec = setAt(structuredClone(validSpec), path, value);
        const outcome = run(spec);
        expectSound(spec, outcome);
        for (const issue of outcome.issues ?? []) if (formatPath(issue.path) === formatPath(path)) expect(issue.message).not.toMatch(/^is required/);
      }),
      { numRuns: runs(200) },
    );
  }, TIMEOUT);

  it('survives values that contain themselves, BigInts and 10,000 levels of nesting', () => {
    // Generated as a recipe, so a counterexample prints without walking 10,000 levels.
    const strange = fc.oneof(
      fc.constant({ kind: 'cycle' as const }),
      fc.bigInt().map((n) => ({ kind: 'bigint' as const, n })),
      fc.record({
        kind: fc.constantFrom('array' as const, 'object' as const),
        depth: fc.oneof(fc.integer({ min: 1, max: 10_000 }), fc.constant(10_000)),
      }),
    );
    fc.assert(
      fc.property(fc.nat(), strange, (pick, recipe) => {
        const spec = structuredClone(validSpec);
        const paths = pathsOf(spec).filter((p) => p.length > 0);
        const path = paths[pick % paths.length]!;
        const parent = at(spec, path.slice(0, -1));
        const value =
          recipe.kind === 'cycle' ? [parent] : recipe.kind === 'bigint' ? recipe.n : nested(recipe.depth, recipe.kind, 'train-route');
        setAt(spec, path, value);
        expectSound(spec, run(spec));
      }),
      { numRuns: runs(300) },
    );
  }, TIMEOUT);

  it('handles 1 MB strings in any field, and 1 MB keys, in bounded time', () => {
    const strings = pathsOf(validSpec).filter((p) => typeof at(validSpec, p) === 'string');
    const huge = fc.constantFrom('x', 'Soms moet je weglopen. ', '„', ' ', '\u200F', '\uD800', 'a-').map((unit) => unit.repeat(Math.ceil(1_000_000 / unit.length)));
    fc.assert(
      fc.property(fc.constantFrom(...strings), huge, fc.boolean(), (path, big, asKey) => {
        const spec = structuredClone(validSpec);
        if (asKey) (at(spec, path.slice(0, -1)) as Record<string, unknown>)[big] = 1;
        else setAt(spec, path, big);
        expectSound(spec, run(spec));
      }),
      { numRuns: runs(40) },
    );
  }, TIMEOUT);

  it('accepts only real calendar dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const spec = structuredClone(validSpec) as { steps: { date: string }[] };
        spec.steps[0]!.date = date;
        spec.steps[1]!.date = '2999';
        const outcome = run(spec);
        expectSound(spec, outcome);
        const real = m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
        expect(outcome.story !== undefined, date).toBe(real);
      }),
      { numRuns: runs(300) },
    );
  }, TIMEOUT);
});

describe('a quote altered by one character', () => {
  const quotePaths: IssuePath[] = [
    ['steps', 0, 'citations', 0, 'quote'],
    ['steps', 1, 'citations', 0, 'quote'],
  ];
  const isSpace = (c: string) => /^\s+$/u.test(c);
  const char = fc.oneof(fc.constantFrom(...oddChars), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));

  /**
   * One character changed, inserted or deleted. Deleting the first or last character, or replacing it by white
   * space, leaves a shorter quote that is still verbatim, and white space for white space is no change: those are
   * not alterations.
   */
  const altered = fc
    .record({ which: fc.constantFrom(0, 1), kind: fc.constantFrom('replace', 'insert', 'delete'), pos: fc.nat(), c: char })
    .map(({ which, kind, pos, c }) => {
      const path = quotePaths[which]!;
      const quote = (at(validSpec, path) as string).trim();
      const n = quote.length;
      if (kind === 'replace') {
        const i = pos % n;
        const old = quote[i]!;
        if (c === old || (isSpace(old) && isSpace(c)) || ((i === 0 || i === n - 1) && isSpace(c))) return null;
        return { path, quote: quote.slice(0, i) + c + quote.slice(i + 1) };
      }
      if (kind === 'insert') {
        const i = 1 + (pos % (n - 1));
        if (isSpace(c) && (isSpace(quote[i - 1]!) || isSpace(quote[i]!))) return null;
        return { path, quote: quote.slice(0, i) + c + quote.slice(i) };
      }
      const i = 1 + (pos % (n - 2));
      return { path, quote: quote.slice(0, i) + quote.slice(i + 1) };
    })
    .filter((a): a is { path: IssuePath; quote: string } => a !== null);

  it('is never accepted, and the error suggests the closest passage', () => {
    fc.assert(
      fc.property(altered, ({ path, quote }) => {
        const spec = setAt(structuredClone(validSpec), path, quote);
        const outcome = run(spec);
        expectSound(spec, outcome);
        const issue = outcome.issues?.find((i) => formatPath(i.path) === formatPath(path));
        expect(issue?.message).toMatch(/^quote not found verbatim in source "article" \(sources\/article\.txt\); closest passage: "[^"]+"$/u);
      }),
      { numRuns: runs(1000) },
    );
  }, TIMEOUT);

  it('is accepted when only white space changed (re-wrapping, a paragraph break, no-break spaces)', () => {
    const space = fc.string({ unit: fc.constantFrom(' ', '\n', '\n\n', '\t', '\u00A0', '\u2003', '\r\n'), minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.constantFrom(...quotePaths), fc.array(space, { minLength: 8, maxLength: 8 }), (path, spaces) => {
        const words = (at(validSpec, path) as string).trim().split(/\s+/u);
        const quote = words.map((w, i) => (i === 0 ? w : spaces[i % spaces.length]! + w)).join('');
        const spec = setAt(structuredClone(validSpec), path, quote);
        const outcome = run(spec);
        expectSound(spec, outcome);
        expect(outcome.issues).toBeUndefined();
      }),
      { numRuns: runs(200) },
    );
  }, TIMEOUT);
});

describe('the quote helpers on generated text', () => {
  // The pattern quotedSpans implemented before it was made linear: the definition it must keep.
  const reference = (text: string): string[] =>
    [...text.matchAll(/(?<=^|[\s([—–-])(?:,,(.+?)[”"]|‘(.+?)’|“(.+?)”|„(.+?)[”“]|‚(.+?)[‘’]|"(.+?)"|»(.+?)«|«(.+?)»)(?=$|[\s.,;:!?)\]—–-])/gu)]
      .map((m) => m.slice(1).find((g) => g !== undefined)!.trim())
      .filter((s) => s.length > 0);
  const marked = fc.string({
    unit: fc.constantFrom('a', 'b', ' ', '\n', '\u2028', '‘', '’', '“', '”', '„', '‚', '»', '«', ',', '"', '.', '-', '(', ')', '—', '😀', '\uD800', '\uDC00'),
    maxLength: 40,
  });

  it('quotedSpans finds exactly what the quotation pattern matches', () => {
    fc.assert(
      fc.property(marked, (text) => {
        expect(quotedSpans(text)).toEqual(reference(text));
      }),
      { numRuns: runs(3000) },
    );
  });

  it.skipIf(MUTATING)('quotedSpans takes linear time on unclosed quotation marks', () => {
    for (const unit of [' “x', '„ ', ' ,,', ' "a', '(‘']) {
      const text = unit.repeat(Math.ceil(200_000 / unit.length));
      const start = performance.now();
      quotedSpans(text);
      expect(performance.now() - start).toBeLessThan(500);
    }
  });

  it('findQuote finds a passage exactly when it is there up to white space', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\u00A0', '.', '„'), maxLength: 30 });
    fc.assert(
      fc.property(text, text, (source, quote) => {
        const squash = (s: string) => s.split(/\s+/u).filter(Boolean).join(' ');
        const range = findQuote(source, quote);
        const expected = squash(quote).length > 0 && squash(source).includes(squash(quote));
        expect(range !== null).toBe(expected);
        if (range) expect(squash(source.slice(range.start, range.end))).toBe(squash(quote));
      }),
      { numRuns: runs(2000) },
    );
  });
});
