/**
 * The author endpoint's edits of story files, made on the text: the `yaml`
 * package's Document finds the nodes and their offsets, and only their
 * characters are replaced, so every other byte of the file (comments, key
 * order, quoting, blank lines, line breaks) stays as the author wrote it.
 * Re-serialising the Document would not: it re-wraps long lines. Each edit
 * is checked by parsing the result before it is returned.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { StepCamera } from '../story/model';
import { roundCamera } from '../author/camera';

/** An edit that cannot be made safely; its message is for the author. */
export class EditError extends Error {
  override name = 'EditError';
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

function applySplices(text: string, splices: Splice[]): string {
  let out = text;
  for (const s of [...splices].sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

/** A number as the file writes it: no exponent, no trailing zeros. */
const num = (value: number) => String(value);

const keyOf = (pair: Pair) => (isScalar(pair.key) ? pair.key.value : pair.key);
const pairOf = (map: YAMLMap, key: string) => (map.items as Pair[]).find((p) => keyOf(p) === key);
const rangeOf = (node: unknown) => (node && typeof node === 'object' && 'range' in node ? (node as Node).range : undefined);

function parse(text: string, file: string): Document {
  const doc = parseDocument(text, { uniqueKeys: true, logLevel: 'error' });
  if (doc.errors.length > 0) throw new EditError(`${file} does not parse (${doc.errors[0]!.message.split('\n')[0]}): fix it in your editor first`);
  return doc;
}

/** Column of `offset` on its line. */
const columnOf = (text: string, offset: number) => offset - (text.lastIndexOf('\n', offset - 1) + 1);
const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
const lineEnd = (text: string, offset: number) => {
  const at = text.indexOf('\n', offset);
  return at < 0 ? text.length : at;
};

/**
 * The splice that adds `entries` (`key: value` texts) to `map`: inside the
 * braces of a flow map, else as lines of a block map, before the first of
 * `before` (and the comment lines above it) or after its last entry.
 */
function addEntries(text: string, map: YAMLMap, entries: string[], before: readonly string[] = []): Splice {
  const items = map.items as Pair[];
  const range = map.range!;
  if (map.flow) {
    const last = items.at(-1);
    const end = rangeOf(last?.value)?.[1] ?? rangeOf(last?.key)?.[1];
    if (end === undefined) return { start: range[0], end: range[1], text: `{ ${entries.join(', ')} }` };
    return { start: end, end, text: entries.map((e) => `, ${e}`).join('') };
  }
  const firstKey = rangeOf(items[0]?.key);
  if (!firstKey) throw new EditError('cannot add to an empty block mapping');
  const indent = ' '.repeat(columnOf(text, firstKey[0]));
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const next = items.find((p) => before.includes(String(keyOf(p))));
  const nextKey = rangeOf(next?.key);
  if (nextKey) {
    let at = lineStart(text, nextKey[0]);
    // Comment lines directly above that entry belong to it: go above them.
    while (at > 0) {
      const prev = lineStart(text, at - 1);
      if (!/^\s*#/.test(text.slice(prev, at - 1))) break;
      at = prev;
    }
    return { start: at, end: at, text: entries.map((e) => `${indent}${e}${eol}`).join('') };
  }
  const last = items.at(-1)!;
  const lastEnd = rangeOf(last.value)?.[1] ?? rangeOf(last.key)![1];
  // After the end of the last entry's line (a block scalar's range ends after its final line break).
  let at = text[lastEnd - 1] === '\n' ? lastEnd - 1 : lineEnd(text, lastEnd);
  if (text[at - 1] === '\r') at -= 1;
  return { start: at, end: at, text: entries.map((e) => `${eol}${indent}${e}`).join('') };
}

/** A pair's value replaced by `value`, or written after its colon when it has none. */
function replaceValue(text: string, pair: Pair, value: string): Splice {
  const range = rangeOf(pair.value);
  if (range && range[1] > range[0]) return { start: range[0], end: range[1], text: value };
  const colon = text.indexOf(':', rangeOf(pair.key)![1]);
  return { start: colon + 1, end: colon + 1, text: ` ${value}` };
}

const flowCamera = (c: StepCamera) =>
  `{ center: [${num(c.center[0])}, ${num(c.center[1])}], zoom: ${num(c.zoom)}${c.bearing !== 0 ? `, bearing: ${num(c.bearing)}` : ''}${c.pitch !== 0 ? `, pitch: ${num(c.pitch)}` : ''} }`;

/** Keys a step's `camera` goes before when it has none (the order the README shows). */
const AFTER_CAMERA = ['features', 'route', 'places', 'calculation', 'citations'];

const withoutCamera = (data: unknown, stepId: string): unknown => {
  const d = structuredClone(data) as { steps?: Record<string, unknown>[] };
  for (const s of d.steps ?? []) if (s.id === stepId) delete s.camera;
  return d;
};

/**
 * Set the camera of step `stepId` in a story file's text, changing only
 * the characters of its numbers: bearing and pitch are written when they are
 * not 0 or the file already has them. A step without a camera gets one line.
 */
export function setStepCamera(text: string, stepId: string, input: StepCamera): string {
  const camera = roundCamera(input);
  const doc = parse(text, 'story.yaml');
  const steps = doc.get('steps', true);
  const step = isSeq(steps) ? steps.items.find((s): s is YAMLMap => isMap(s) && s.get('id') === stepId) : undefined;
  if (!step) throw new EditError(`story.yaml has no step "${stepId}" (was it renamed?)`);
  const splices: Splice[] = [];
  const pair = pairOf(step, 'camera');
  if (!pair) splices.push(addEntries(text, step, [`camera: ${flowCamera(camera)}`], AFTER_CAMERA));
  else if (!isMap(pair.value)) splices.push(replaceValue(text, pair, flowCamera(camera)));
  else {
    const map = pair.value;
    const missing: string[] = [];
    /** Rewrite a number only if its value changes, so `13.50` stays `13.50` when the zoom is still 13.5. */
    const setNumber = (node: unknown, value: number): boolean => {
      if (!isScalar(node) || !node.range || typeof node.value !== 'number') return false;
      if (node.value !== value) splices.push({ start: node.range[0], end: node.range[1], text: num(value) });
      return true;
    };
    const center = pairOf(map, 'center');
    const seq = center?.value;
    const numbers = isSeq(seq) && seq.items.length === 2 && seq.items.every((n) => isScalar(n) && n.range && typeof n.value === 'number');
    if (!center) missing.push(`center: [${num(camera.center[0])}, ${num(camera.center[1])}]`);
    else if (numbers) [0, 1].forEach((i) => setNumber(seq.items[i], camera.center[i]!));
    // Not a pair of numbers (the build reports it): replaced as a whole.
    else splices.push(replaceValue(text, center, `[${num(camera.center[0])}, ${num(camera.center[1])}]`));
    for (const key of ['zoom', 'bearing', 'pitch'] as const) {
      const entry = pairOf(map, key);
      if (entry) {
        if (!setNumber(entry.value, camera[key])) splices.push(replaceValue(text, entry, num(camera[key])));
      } else if (key === 'zoom' || camera[key] !== 0) missing.push(`${key}: ${num(camera[key])}`);
    }
    if (missing.length > 0) splices.push(addEntries(text, map, missing));
  }
  const result = applySplices(text, splices);
  // The check: the file still parses, the step has exactly this camera, and nothing else changed.
  const after = parse(result, 'the edited story.yaml');
  const index = (steps as { items: unknown[] }).items.indexOf(step);
  const actual = (after.toJS() as { steps: { camera?: Partial<StepCamera> }[] }).steps[index]?.camera;
  const expected = camera;
  const same =
    actual?.center?.[0] === expected.center[0] &&
    actual.center[1] === expected.center[1] &&
    actual.zoom === expected.zoom &&
    (actual.bearing ?? 0) === expected.bearing &&
    (actual.pitch ?? 0) === expected.pitch;
  if (!same || JSON.stringify(withoutCamera(after.toJS(), stepId)) !== JSON.stringify(withoutCamera(doc.toJS(), stepId))) {
    throw new EditError(`could not write the camera of step "${stepId}" without changing more of story.yaml; edit it by hand`);
  }
  return result;
}

/** The words that mark a place's coordinate for review once it was dragged on the map. */
export const MOVED_BY_HAND = 'Moved by hand';

/** A place's provenance after a move: marked for review, keeping what it said before (once, however often it moves). */
export function movedProvenance(previous: string, date: string): string {
  const original = /^Moved by hand[^;]*; review it\. Before: (.*)$/s.exec(previous)?.[1] ?? previous;
  return `${MOVED_BY_HAND} in author mode on ${date}; review it. Before: ${original}`;
}

/**
 * Move place `id` in a GeoJSON file's text to `coordinates` (5 decimals,
 * about a metre) and mark its provenance, changing only those values.
 * Undefined when the file has no such place.
 */
export function movePlaceInGeoJson(text: string, id: string, coordinates: [number, number], date: string): string | undefined {
  const doc = parse(text, 'the GeoJSON file');
  const features = doc.get('features', true);
  const feature = isSeq(features) ? features.items.find((f): f is YAMLMap => isMap(f) && f.getIn(['properties', 'id']) === id) : undefined;
  if (!feature) return undefined;
  const coords = feature.getIn(['geometry', 'coordinates'], true);
  const provenance = feature.getIn(['properties', 'provenance'], true);
  if (!isSeq(coords) || coords.items.length < 2 || !coords.items.every((c) => isScalar(c) && c.range) || !isScalar(provenance) || !provenance.range) {
    throw new EditError(`place "${id}" needs a Point with coordinates and a provenance string before it can be moved`);
  }
  const [lng, lat] = [Number(coordinates[0].toFixed(5)), Number(coordinates[1].toFixed(5))];
  const [x, y] = coords.items as [Node, Node];
  const before = String(provenance.value);
  const splices: Splice[] = [
    { start: x.range![0], end: x.range![1], text: num(lng) },
    { start: y.range![0], end: y.range![1], text: num(lat) },
    { start: provenance.range[0], end: provenance.range[1], text: JSON.stringify(movedProvenance(before, date)) },
  ];
  const result = applySplices(text, splices);
  // The check: still JSON, and the same collection but for this place's coordinate and provenance.
  const expected = JSON.parse(text) as { features: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[] };
  const place = expected.features.find((f) => f.properties.id === id)!;
  place.geometry.coordinates.splice(0, 2, lng, lat);
  place.properties.provenance = movedProvenance(before, date);
  let parsed: unknown;
  try {
    parsed = JSON.parse(result);
  } catch {
    parsed = undefined;
  }
  if (JSON.stringify(parsed) !== JSON.stringify(expected)) throw new EditError(`could not move "${id}" without changing more of the file; edit it by hand`);
  return result;
}
