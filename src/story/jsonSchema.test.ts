import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { editorSchema, editorSchemaText } from './jsonSchema';
import { discoverStories } from '../build/loadStory';

const root = join(import.meta.dirname, '../..');
const fixtures = join(import.meta.dirname, 'fixtures');
const committedFile = join(root, 'stories', '.story.schema.json');

type Schema = boolean | { [keyword: string]: unknown };

/**
 * A small validator for the JSON Schema keywords the generated schema uses (it
 * fails on any other, so a new keyword cannot pass unchecked): the errors, as
 * `path: what`, of `value` against `schema`.
 */
function validate(schema: Schema, value: unknown, path = '$'): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${path}: not allowed`];
  const errors: string[] = [];
  const s = schema;
  const known = new Set([
    '$schema', '$id', 'title', 'description', 'default', 'type', 'properties', 'required', 'additionalProperties', 'propertyNames', 'items',
    'prefixItems', 'minItems', 'maxItems', 'oneOf', 'anyOf', 'enum', 'const', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum',
  ]);
  for (const k of Object.keys(s)) if (!known.has(k)) throw new Error(`${path}: keyword "${k}" is not checked by this test`);
  const type = s.type as string | undefined;
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (type === 'object' && !isObject) return [`${path}: not an object`];
  if (type === 'array' && !Array.isArray(value)) return [`${path}: not an array`];
  if (type === 'string' && typeof value !== 'string') return [`${path}: not a string`];
  if (type === 'number' && typeof value !== 'number') return [`${path}: not a number`];
  if (type === 'integer' && !Number.isInteger(value)) return [`${path}: not an integer`];
  if (type === 'boolean' && typeof value !== 'boolean') return [`${path}: not a boolean`];
  if ('const' in s && value !== s.const) errors.push(`${path}: not ${JSON.stringify(s.const)}`);
  if (Array.isArray(s.enum) && !s.enum.includes(value)) errors.push(`${path}: not one of ${JSON.stringify(s.enum)}`);
  if (typeof value === 'string') {
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) errors.push(`${path}: does not match ${s.pattern}`);
    if (typeof s.minLength === 'number' && [...value].length < s.minLength) errors.push(`${path}: too short`);
    if (typeof s.maxLength === 'number' && [...value].length > s.maxLength) errors.push(`${path}: too long`);
  }
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) errors.push(`${path}: below ${s.minimum}`);
    if (typeof s.maximum === 'number' && value > s.maximum) errors.push(`${path}: above ${s.maximum}`);
    if (typeof s.exclusiveMinimum === 'number' && value <= s.exclusiveMinimum) errors.push(`${path}: not above ${s.exclusiveMinimum}`);
  }
  if (isObject) {
    const obj = value as Record<string, unknown>;
    const properties = (s.properties ?? {}) as Record<string, Schema>;
    for (const r of (s.required ?? []) as string[]) if (!(r in obj)) errors.push(`${path}.${r}: required`);
    for (const [k, v] of Object.entries(obj)) {
      if (s.propertyNames !== undefined) errors.push(...validate(s.propertyNames as Schema, k, `${path}[${JSON.stringify(k)}]`));
      if (k in properties) errors.push(...validate(properties[k]!, v, `${path}.${k}`));
      else if (s.additionalProperties !== undefined) errors.push(...validate(s.additionalProperties as Schema, v, `${path}.${k}`));
    }
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === 'number' && value.length < s.minItems) errors.push(`${path}: fewer than ${s.minItems} items`);
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) errors.push(`${path}: more than ${s.maxItems} items`);
    const prefix = (s.prefixItems ?? []) as Schema[];
    value.forEach((v, i) => {
      const itemSchema = i < prefix.length ? prefix[i] : (s.items as Schema | undefined);
      if (itemSchema !== undefined) errors.push(...validate(itemSchema, v, `${path}[${i}]`));
    });
  }
  if (Array.isArray(s.anyOf) && !s.anyOf.some((option) => validate(option as Schema, value, path).length === 0)) errors.push(`${path}: matches none of anyOf`);
  if (Array.isArray(s.oneOf) && s.oneOf.filter((option) => validate(option as Schema, value, path).length === 0).length !== 1) errors.push(`${path}: does not match exactly one of oneOf`);
  return errors;
}

// Made in each test that reads it, where mutation testing sees which test ran which code.
const editor = () => editorSchema() as { [keyword: string]: unknown; properties: Record<string, unknown> };
const stories = discoverStories(root).map(({ id, dir }) => ({ id, file: join(dir, 'story.yaml') }));
const validFixtures = readdirSync(fixtures).filter((f) => f.startsWith('valid') && f.endsWith('.yaml'));

describe('the editor schema', () => {
  it('is committed as stories/.story.schema.json and up to date (run `npm run schema`)', () => {
    expect(existsSync(committedFile)).toBe(true);
    expect(readFileSync(committedFile, 'utf8')).toBe(editorSchemaText());
  });

  it('is a JSON Schema of a story document that allows no unknown fields', () => {
    const schema = editor();
    expect(String(schema.$schema)).toMatch(/^https:\/\/json-schema\.org\//);
    expect(schema.$id).toBe('story.schema.json');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(['id', 'languages', 'title', 'intro', 'sources', 'features', 'calculations', 'steps']);
    expect(schema.required).toEqual(['id', 'languages', 'title', 'intro', 'sources', 'steps']);
  });

  it('lists the vocabulary of feature kinds', () => {
    const schema = editor();
    const features = schema.properties.features as { items: { oneOf: { properties: { kind: { const: string } } }[] } };
    expect(features.items.oneOf.map((o) => o.properties.kind.const)).toEqual(['route', 'arc', 'line', 'area']);
  });

  it.each(stories)('is named on the first line of story $id, by a path that reaches it', ({ file }) => {
    const first = readFileSync(file, 'utf8').split('\n')[0]!;
    const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
    expect(match, first).not.toBeNull();
    expect(resolve(dirname(file), match![1]!)).toBe(committedFile);
  });

  it.each(stories)('describes the shape of story $id: every field it uses, at every level', ({ file }) => {
    const schema = editor();
    const data = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    for (const key of Object.keys(data)) expect(Object.keys(schema.properties), key).toContain(key);
    expect(validate(schema, data)).toEqual([]);
  });

  it.each(validFixtures)('accepts the valid fixture %s', (name) => {
    const schema = editor();
    expect(validate(schema, parse(readFileSync(join(fixtures, name), 'utf8')))).toEqual([]);
  });

  it('flags what an editor can see without the sources: unknown fields, unknown kinds, malformed ids and tags, missing fields', () => {
    const schema = editor();
    const valid = parse(readFileSync(join(fixtures, 'valid.yaml'), 'utf8')) as Record<string, unknown> & {
      features: Record<string, unknown>[];
      steps: Record<string, unknown>[];
    };
    const broken = (change: (doc: typeof valid) => void) => {
      const doc = structuredClone(valid);
      change(doc);
      return validate(schema, doc);
    };
    expect(broken(() => {})).toEqual([]);
    expect(broken((d) => (d.layers = []))).toContain('$.layers: not allowed');
    expect(broken((d) => (d.features[1]!.kind = 'circle'))).toContain('$.features[1]: does not match exactly one of oneOf');
    expect(broken((d) => (d.id = 'Test Story'))).toContain('$.id: does not match ^[a-z0-9]+(?:-[a-z0-9]+)*$');
    expect(broken((d) => (d.languages = ['Dutch'])).join('\n')).toMatch(/^\$\.languages\[0\]: does not match/);
    expect(broken((d) => delete d.steps[0]!.citations)).toContain('$.steps[0].citations: required');
    expect(broken((d) => (d.steps[1]!.camera = { center: [215, 30], zoom: 3 }))).toContain('$.steps[1].camera.center[0]: above 180');
  });
});
