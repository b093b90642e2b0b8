/**
 * The one schema of a story file. `parseStory` turns the loose document an
 * editor wrote into a checked `Story`, or throws a `StoryValidationError`
 * whose issues name the field (as a path) and what is wrong with it. It knows
 * nothing of YAML or files: the loader maps paths to lines.
 */
import { z } from 'zod';
import { closestPassage, quotedSpans, quoteFinder } from './citations';
import { buildExcerptIndex } from './excerpts';
import { distanceKm, greatCircleArc, routeMeasures } from './geometry';
import { copiedRuns, phraseIndex } from './sharedPhrases';
import {
  ARC_STATUSES,
  FEATURE_KINDS,
  TRAVEL_MODES,
  type Calculation,
  type Lang,
  type Localized,
  type LngLat,
  type MapFeature,
  type Place,
  type Source,
  type Step,
  type Story,
  type TravelMode,
} from './model';
import type { Catalogue } from '../ui/catalogues/en';

export type IssuePath = (string | number)[];

export interface StoryIssue {
  path: IssuePath;
  message: string;
}

export class StoryValidationError extends Error {
  constructor(readonly issues: StoryIssue[]) {
    super(issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('\n'));
    this.name = 'StoryValidationError';
  }
}

/** `steps[3].citations[0].quote`; a key that is not a plain name is quoted: `steps[0]["a b"]`. */
export function formatPath(path: IssuePath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (!/^[A-Za-z_][\w-]*$/.test(part)) out += `[${JSON.stringify(part)}]`;
    else out += out ? `.${part}` : part;
  }
  return out || '(document)';
}

/** A place as a gazetteer (`geo/places.geojson`, a story's `places.geojson`) declares it. */
export interface PlaceRecord extends Omit<Place, 'note'> {
  /** Words that name the place in the sources, to find its excerpts. */
  aliases: string[];
}

/** A line or polygon a `line` or `area` feature refers to (`geo/shapes.geojson`, a story's `shapes.geojson`). */
export interface ShapeRecord {
  id: string;
  geometry: { type: 'LineString' | 'MultiLineString'; coordinates: LngLat[] | LngLat[][] } | { type: 'Polygon' | 'MultiPolygon'; coordinates: LngLat[][] | LngLat[][][] };
  /** Derived from Natural Earth: the provenance note says so in the reader's language. */
  naturalEarth: boolean;
  /** Where the shape comes from, in the story's languages, for shapes not from Natural Earth. */
  provenance?: Partial<Localized>;
}

/** What a story may refer to, loaded from `geo/` and the story folder. */
export interface StoryRefs {
  places: readonly PlaceRecord[];
  shapes: readonly ShapeRecord[];
  /** Basemap countries an `area` may highlight: ISO 3166 numeric code and English name. */
  countries: readonly { id: string; name: string }[];
  /** The basemap country a point lies in. */
  countryOf(point: LngLat): string | undefined;
  /** Contents of the files the story folder holds, by path relative to it. */
  files: Readonly<Record<string, string>>;
  /** The interface catalogue for a language, if the reader interface speaks it. */
  catalogue(lang: Lang): Catalogue | undefined;
}

/** A value as a message quotes it: JSON, shortened; never throws (a YAML alias can make it circular). */
function show(value: unknown): string {
  let out: string | undefined;
  try {
    out = JSON.stringify(value);
  } catch {
    // circular, too deep, or a BigInt
  }
  out ??= Array.isArray(value) ? '[…]' : typeof value === 'object' && value !== null ? '{…}' : String(value);
  if (out.length <= 80) return out;
  const cut = /[\uD800-\uDBFF]$/.test(out.slice(0, 79)) ? 78 : 79;
  return `${out.slice(0, cut)}…`;
}

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case id of letters, digits and single hyphens (e.g. "hanoi-summit")');
const text = z.string().trim().min(1, 'must not be empty').max(20_000, 'is longer than 20,000 characters');
/** A BCP 47 tag as stories use them: a language, optionally a script and a region (`nl`, `en-GB`, `zh-Hant-TW`). */
const langTag = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/, 'must be a BCP 47 language tag such as "nl", "en" or "en-GB"');
const languages = z
  .array(langTag)
  .min(1, 'a story declares at least one language')
  .refine((l) => new Set(l).size === l.length, 'lists a language twice');

/**
 * Text in every story language: an object with exactly those keys. Without
 * the story's languages (the editor schema), any tags.
 */
function localizedIn(langs: readonly Lang[] | undefined) {
  if (!langs) return z.record(langTag, text);
  const declared = langs.join(', ');
  return z
    .strictObject(
      Object.fromEntries(
        langs.map((l) => [
          l,
          z
            .string({ error: (i) => (i.input === undefined ? `missing text in "${l}" (the story's languages: ${declared})` : 'must be text') })
            .trim()
            .min(1, 'must not be empty')
            .max(20_000, 'is longer than 20,000 characters'),
        ]),
      ),
    )
    // Stryker disable next-line ObjectLiteral,ArrowFunction: zod reports a key outside a strict object as an unknown field, so this message never shows
    .catchall(z.never({ error: () => `is not one of the story's languages (${declared})` }));
}

const isoDate = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const stepDate = z
  .string()
  .refine(
    (d) => d.split('/').length <= 2 && d.split('/').every((p) => isoDate.test(p)),
    'must be an ISO date "YYYY", "YYYY-MM" or "YYYY-MM-DD", or an interval "start/end" of those',
  )
  .refine((d) => !d.split('/').every((p) => isoDate.test(p)) || d.split('/').every(isCalendarDay), {
    error: (i) => `${show(i.input)} is not a day of the calendar`,
  });

/** `YYYY-MM-DD` names a day that exists (no 2019-02-29, no 2019-04-31); `YYYY` and `YYYY-MM` always do. */
function isCalendarDay(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number);
  if (d === undefined) return true;
  const leap = y! % 4 === 0 && (y! % 100 !== 0 || y! % 400 === 0);
  return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m! - 1]!;
}

const camera = z.strictObject({
  center: z.tuple([
    z.number().min(-180, 'longitude must be between -180 and 180').max(180, 'longitude must be between -180 and 180'),
    z.number().min(-85, 'latitude must be between -85 and 85').max(85, 'latitude must be between -85 and 85'),
  ]),
  zoom: z.number().min(0).max(22),
  bearing: z.number().min(-360).max(360).default(0),
  pitch: z.number().min(0).max(85).default(0),
});

const mode = z.enum(TRAVEL_MODES, { error: (i) => `unknown mode ${show(i.input)} (known: ${TRAVEL_MODES.join(', ')})` });
const speed = z.number().positive().max(100_000);

/** The schema of a story file; `langs` are the story's languages (omitted: any, as for the editor schema). */
export function storySchema(langs?: readonly Lang[]) {
  const localized = localizedIn(langs);
  const citation = z.strictObject({
    source: id,
    quote: text,
    // One text when the story has one language besides the source's; else one per language.
    translation: z.union([text, z.record(langTag, text)]).optional(),
  });
  const common = { id, label: localized, note: localized.optional() };
  const stop = z.union([id, z.strictObject({ place: id, mode: mode.optional(), inferred: z.boolean().default(false), note: localized.optional() })]);
  const feature = z.discriminatedUnion(
    'kind',
    [
      z
        .strictObject({ ...common, kind: z.literal('route'), mode: mode.default('rail'), stops: z.array(stop).min(2, 'a route has at least two stops').describe('Place ids in travel order, or { place, mode, inferred, note }') })
        .describe('A line through named stops, drawn progressively by steps'),
      z.strictObject({
        ...common,
        kind: z.literal('arc'),
        from: id,
        to: id,
        status: z.enum(ARC_STATUSES, { error: (i) => `unknown status ${show(i.input)} (known: ${ARC_STATUSES.join(', ')})` }),
        shownKm: z.number().positive().optional(),
      }),
      z.strictObject({ ...common, kind: z.literal('line'), shape: id.describe('A line in geo/shapes.geojson or the story folder\'s shapes.geojson') }).describe('A line from a shapes file'),
      z.strictObject({ ...common, kind: z.literal('area'), country: z.string().regex(/^\d{3}$/, 'must be an ISO 3166 numeric code such as "408"').optional(), shape: id.optional() }),
    ],
    { error: (i) => `unknown feature kind ${show((i.input as { kind?: unknown } | undefined)?.kind)} (known: ${FEATURE_KINDS.join(', ')})` },
  );
  const calculation = z.strictObject({
    id,
    distance: z.strictObject({ from: id, to: id, speedKmh: speed.optional() }).optional().describe('Great-circle distance between two places, and the time at a speed'),
    routeLength: z.strictObject({ route: id, speedKmh: speed.optional() }).optional().describe('Length of a route along its stops, and the time at a speed'),
    assumption: localized.optional().describe('What the speed rests on, e.g. "typical of a large jet"'),
  });
  const step = z.strictObject({
    id,
    date: stepDate,
    title: localized,
    text: localized,
    context: localized.optional().describe('Anything not from the cited sources, shown as such'),
    camera: camera.describe('The map framed for a 720×600 map: center [lng, lat], zoom, bearing, pitch'),
    features: z.array(id).default([]).describe('Ids of the declared features this step shows'),
    route: z.strictObject({ feature: id.optional(), from: id, to: id }).optional().describe('Draw this part of a route (stop ids) while the reader scrolls through the step'),
    places: z.array(id).default([]).describe('Place ids to highlight, listed as buttons'),
    citations: z.array(citation).min(1, 'every step cites at least one source with a verbatim quote'),
    calculation: id.optional().describe('Id of a declared calculation to show under the text'),
  });
  const source = z.strictObject({
    id,
    file: z.string().regex(/^sources\/[\w.-]+\.txt$/, 'must be a path like "sources/article.txt"'),
    date: z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])$/, 'must be a month "YYYY-MM"'),
    language: langTag,
    label: localized,
  });
  return z.strictObject({
    id,
    languages: languages.describe('BCP 47 tags; the first is the default; every text is required in each'),
    title: localized,
    intro: localized,
    sources: z.array(source).min(1, 'a story needs at least one source'),
    features: z.array(feature).default([]).describe('Map features: route, arc, line, area'),
    calculations: z.array(calculation).default([]).describe('Figures computed at build time, shown as "our calculation"'),
    steps: z.array(step).min(1, 'a story needs at least one step'),
  });
}

type StorySpec = z.infer<ReturnType<typeof storySchema>>;
type StepSpec = StorySpec['steps'][number];
type SourceSpec = StorySpec['sources'][number];
type FeatureSpec = StorySpec['features'][number];
type CalculationSpec = StorySpec['calculations'][number];

/** An article file starts with its publication month: ` date 2019-02 <body>`. */
const DATE_LINE = /^\s*date (\d{4}-\d{2})\s+/u;

function zodIssues(error: z.ZodError): StoryIssue[] {
  return error.issues.map((issue) => {
    // Stryker disable next-line MethodExpression,ConditionalExpression,StringLiteral: a path holds a symbol only for a symbol key, which no YAML or JSON document has
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      return { path: [...path, issue.keys[0]!], message: `unknown field ${issue.keys.map((k) => show(k)).join(', ')}` };
    }
    // An unknown `kind`: point at the kind itself.
    if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator === 'kind') {
      return { path, message: (issue.input as { kind?: unknown }).kind === undefined ? 'is required' : issue.message };
    }
    // A missing field: no value of the wrong type or outside a list of known values (`language`), but none at all.
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined && !issue.message.startsWith('missing text')) {
      const hint = path.at(-1) === 'citations' ? ': every step cites at least one source with a verbatim quote' : '';
      return { path, message: `is required${hint}` };
    }
    return { path, message: issue.message };
  });
}

function checkSources(sources: SourceSpec[], refs: StoryRefs, issues: StoryIssue[]): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  sources.forEach((s, i) => {
    if (seen.has(s.id)) issues.push({ path: ['sources', i, 'id'], message: `duplicate source id "${s.id}"` });
    seen.add(s.id);
    const content = refs.files[s.file];
    if (content === undefined) {
      issues.push({ path: ['sources', i, 'file'], message: `file "${s.file}" not found in the story folder` });
      return;
    }
    const dateLine = DATE_LINE.exec(content);
    if (!dateLine) {
      issues.push({ path: ['sources', i, 'file'], message: `"${s.file}" does not start with a "date YYYY-MM" line` });
      return;
    }
    if (dateLine[1] !== s.date) {
      issues.push({
        path: ['sources', i, 'date'],
        message: `is "${s.date}" but the article's date line says "${dateLine[1]}"`,
      });
    }
    out.push({
      id: s.id,
      date: s.date,
      language: s.language,
      label: s.label,
      file: s.file,
      text: content.slice(dateLine[0].length),
    });
  });
  return out;
}

const startOf = (date: string): string => date.split('/')[0]!;

/** What the semantic checks share: the story's languages, its places, and where to report. */
interface Checking {
  langs: readonly Lang[];
  refs: StoryRefs;
  placeById: ReadonlyMap<string, StoryRefs['places'][number]>;
  issues: StoryIssue[];
}

function knownPlace(c: Checking, placeId: string, path: IssuePath): boolean {
  if (c.placeById.has(placeId)) return true;
  c.issues.push({ path, message: `unknown place id "${placeId}" (known: ${[...c.placeById.keys()].join(', ')})` });
  return false;
}

// Stryker disable next-line OptionalChaining: only places already found known are named
const nameIn = (c: Checking, placeId: string, lang: Lang) => c.placeById.get(placeId)?.name[lang] ?? c.placeById.get(placeId)?.name.en ?? placeId;

/** Text in every story language, from the catalogue of each. */
function fromCatalogues(c: Checking, write: (t: Catalogue, lang: Lang) => string): Localized {
  return Object.fromEntries(c.langs.map((l) => [l, write(c.refs.catalogue(l)!, l)]));
}

/** Author's note after the generated one, per language. */
function withNote(generated: Localized, note: Localized | undefined): Localized {
  return note ? Object.fromEntries(Object.entries(generated).map(([l, g]) => [l, `${g} ${note[l]}`.trim()])) : generated;
}

const formatKm = (km: number, lang: Lang) => new Intl.NumberFormat(lang).format(Math.round(km));

function checkFeatures(specs: FeatureSpec[], c: Checking): MapFeature[] {
  const seen = new Set<string>();
  const out: MapFeature[] = [];
  specs.forEach((f, i) => {
    const at = (...path: IssuePath): IssuePath => ['features', i, ...path];
    if (seen.has(f.id)) c.issues.push({ path: at('id'), message: `duplicate feature id "${f.id}"` });
    seen.add(f.id);
    const base = { id: f.id, label: f.label as Localized };
    switch (f.kind) {
      case 'route': {
        const stops = f.stops.map((s) => (typeof s === 'string' ? { place: s, inferred: false } : s));
        const known = stops.map((s, j) => knownPlace(c, s.place, at('stops', j, ...(typeof f.stops[j] === 'string' ? [] : ['place']))));
        if (!known.every(Boolean)) return;
        const points = stops.map((s) => c.placeById.get(s.place)!.coordinates);
        const { progress, lengthKm } = routeMeasures(points);
        const routeStops = stops.map((s, j) => ({ place: s.place, mode: (s.mode ?? f.mode) as TravelMode, inferred: s.inferred, progress: progress[j]! }));
        const inferred = routeStops.filter((s) => s.inferred);
        const provenance = fromCatalogues(c, (t, l) => {
          const parts = [t.routeStraight];
          if (inferred.length > 0) parts.push(t.routeInferred(inferred.map((s) => nameIn(c, s.place, l)).join(', ')));
          for (const m of TRAVEL_MODES) {
            if (m === f.mode) continue;
            const legs = routeStops.flatMap((s, j) => (j > 0 && s.mode === m ? [`${nameIn(c, routeStops[j - 1]!.place, l)}–${nameIn(c, s.place, l)}`] : []));
            if (legs.length > 0) parts.push(t.routeSegments(t.modeName(m), legs.join(', ')));
          }
          return parts.join(' ');
        });
        out.push({ ...base, kind: 'route', stops: routeStops, coordinates: points, lengthKm: Math.round(lengthKm), provenance: withNote(provenance, f.note as Localized | undefined) });
        return;
      }
      case 'arc': {
        const ok = [knownPlace(c, f.from, at('from')), knownPlace(c, f.to, at('to'))].every(Boolean);
        if (!ok) return;
        const [a, b] = [c.placeById.get(f.from)!.coordinates, c.placeById.get(f.to)!.coordinates];
        const coordinates = greatCircleArc(a, b, f.shownKm);
        if (!coordinates) {
          c.issues.push({ path: at('to'), message: `the great circle from "${f.from}" to "${f.to}" crosses the antimeridian, which the map cannot draw as one line` });
          return;
        }
        const provenance = fromCatalogues(c, (t, l) =>
          [t.arcNote(nameIn(c, f.from, l), nameIn(c, f.to, l)), ...(f.shownKm !== undefined ? [t.arcShown(formatKm(f.shownKm, l))] : [])].join(' '),
        );
        out.push({
          ...base,
          kind: 'arc',
          from: f.from,
          to: f.to,
          status: f.status,
          coordinates,
          distanceKm: Math.round(distanceKm(a, b)),
          ...(f.shownKm !== undefined ? { shownKm: f.shownKm } : {}),
          provenance: withNote(provenance, f.note as Localized | undefined),
        });
        return;
      }
      case 'line':
      case 'area': {
        if (f.kind === 'area' && (f.country === undefined) === (f.shape === undefined)) {
          c.issues.push({ path: at(f.country === undefined ? 'shape' : 'country'), message: 'an area is either a basemap `country` or a `shape`, not both or neither' });
          return;
        }
        if (f.kind === 'area' && f.country !== undefined) {
          const country = c.refs.countries.find((k) => k.id === f.country);
          if (!country) {
            c.issues.push({ path: at('country'), message: `no country "${f.country}" on the basemap (ISO 3166 numeric, e.g. "408" for North Korea)` });
            return;
          }
          out.push({ ...base, kind: 'area', country: f.country, provenance: withNote(fromCatalogues(c, (t) => t.naturalEarth), f.note as Localized | undefined) });
          return;
        }
        const shapeId = f.shape!;
        const shape = c.refs.shapes.find((s) => s.id === shapeId);
        const wanted = f.kind === 'line' ? ['LineString', 'MultiLineString'] : ['Polygon', 'MultiPolygon'];
        if (!shape || !wanted.includes(shape.geometry.type)) {
          const known = c.refs.shapes.filter((s) => wanted.includes(s.geometry.type)).map((s) => s.id);
          c.issues.push({
            path: at('shape'),
            message: `${shape ? `shape "${shapeId}" is a ${shape.geometry.type}, not a ${f.kind}` : `unknown shape "${shapeId}"`} (${f.kind}s known: ${known.join(', ') || 'none'})`,
          });
          return;
        }
        const missing = shape.naturalEarth || f.note ? [] : c.langs.filter((l) => !shape.provenance?.[l]);
        if (missing.length > 0) {
          c.issues.push({ path: at('shape'), message: `shape "${shapeId}" has no provenance in ${missing.map((l) => `"${l}"`).join(', ')}: give the feature a \`note\` saying where it comes from` });
          return;
        }
        const generated = shape.naturalEarth ? fromCatalogues(c, (t) => t.naturalEarth) : fromCatalogues(c, (_t, l) => shape.provenance?.[l] ?? '');
        const provenance = withNote(generated, f.note as Localized | undefined);
        const g = shape.geometry;
        if (f.kind === 'line') {
          out.push({ ...base, kind: 'line', coordinates: g.type === 'LineString' ? [g.coordinates as LngLat[]] : (g.coordinates as LngLat[][]), provenance });
        } else {
          out.push({ ...base, kind: 'area', coordinates: g.type === 'Polygon' ? [g.coordinates as LngLat[][]] : (g.coordinates as LngLat[][][]), provenance });
        }
        return;
      }
    }
  });
  return out;
}

const endOf = (c: Checking, placeId: string) => ({ id: placeId, name: Object.fromEntries(c.langs.map((l) => [l, nameIn(c, placeId, l)])) });

function checkCalculations(specs: CalculationSpec[], features: readonly MapFeature[], c: Checking): Calculation[] {
  const seen = new Set<string>();
  const out: Calculation[] = [];
  specs.forEach((s, i) => {
    const at = (...path: IssuePath): IssuePath => ['calculations', i, ...path];
    if (seen.has(s.id)) c.issues.push({ path: at('id'), message: `duplicate calculation id "${s.id}"` });
    seen.add(s.id);
    if ((s.distance === undefined) === (s.routeLength === undefined)) {
      c.issues.push({ path: at('distance'), message: 'a calculation is either a `distance: { from, to }` or a `routeLength: { route }`' });
      return;
    }
    const speedKmh = s.distance?.speedKmh ?? s.routeLength?.speedKmh;
    if (speedKmh !== undefined && !s.assumption) {
      c.issues.push({ path: at('assumption'), message: 'a speed is an assumption: say what it rests on (e.g. "the cruising speed of a large jet")' });
    }
    if (speedKmh === undefined && s.assumption) {
      c.issues.push({ path: at('assumption'), message: 'an assumption goes with a speed (`speedKmh`); without one there is nothing to assume' });
    }
    let calc: Omit<Calculation, 'id' | 'minutes' | 'speedKmh' | 'assumption'> | undefined;
    if (s.distance) {
      const ok = [knownPlace(c, s.distance.from, at('distance', 'from')), knownPlace(c, s.distance.to, at('distance', 'to'))].every(Boolean);
      if (ok) {
        const km = distanceKm(c.placeById.get(s.distance.from)!.coordinates, c.placeById.get(s.distance.to)!.coordinates);
        calc = { kind: 'distance', from: endOf(c, s.distance.from), to: endOf(c, s.distance.to), distanceKm: Math.round(km) };
      }
    } else {
      const route = features.find((f) => f.id === s.routeLength!.route);
      if (route?.kind !== 'route') {
        const routes = features.filter((f) => f.kind === 'route').map((f) => f.id);
        c.issues.push({ path: at('routeLength', 'route'), message: `unknown route "${s.routeLength!.route}" (routes declared: ${routes.join(', ') || 'none'})` });
      } else {
        calc = { kind: 'route-length', from: endOf(c, route.stops[0]!.place), to: endOf(c, route.stops.at(-1)!.place), distanceKm: route.lengthKm };
      }
    }
    if (!calc) return;
    out.push({
      id: s.id,
      ...calc,
      ...(speedKmh !== undefined ? { speedKmh, minutes: Math.round((calc.distanceKm / speedKmh) * 60) } : {}),
      ...(s.assumption ? { assumption: s.assumption as Localized } : {}),
    });
  });
  return out;
}

function checkSteps(
  steps: StepSpec[],
  sources: Source[],
  features: readonly MapFeature[],
  calculations: readonly Calculation[],
  declared: ReadonlySet<string>,
  c: Checking,
): Step[] {
  const { issues, langs } = c;
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const featureById = new Map(features.map((f) => [f.id, f]));
  const seen = new Set<string>();
  // Each source is normalised for quote look-ups once, however many quotes are checked against it.
  const finders = new Map(sources.map((s) => [s.id, quoteFinder(s.text)]));
  const phrases = new Map(sources.map((s) => [s.id, phraseIndex(s.text)]));
  const occursIn = (sourceId: string, quote: string): boolean => finders.get(sourceId)?.(quote) != null;
  return steps.map((s, i): Step => {
    const at = (...path: IssuePath): IssuePath => ['steps', i, ...path];
    if (seen.has(s.id)) issues.push({ path: at('id'), message: `duplicate step id "${s.id}"` });
    seen.add(s.id);

    const previous = steps[i - 1];
    if (previous && startOf(s.date) < startOf(previous.date)) {
      issues.push({
        path: at('date'),
        message: `"${s.date}" is earlier than the previous step's "${previous.date}": steps must be in chronological order`,
      });
    }

    s.places.forEach((p, j) => knownPlace(c, p, at('places', j)));
    // A declared feature that failed its own checks is reported there, not again at every step that shows it.
    s.features.forEach((f, j) => {
      if (!declared.has(f)) {
        issues.push({ path: at('features', j), message: `unknown feature "${f}": declare it under \`features:\` (declared: ${[...declared].join(', ') || 'none'})` });
      }
    });

    const translations: Localized[] = [];
    s.citations.forEach((cit, j) => {
      const src = sourceById.get(cit.source);
      if (!src) {
        issues.push({ path: at('citations', j, 'source'), message: `unknown source id "${cit.source}" (known: ${[...sourceById.keys()].join(', ')})` });
        return;
      }
      if (!occursIn(src.id, cit.quote)) {
        // A quote attributed to the wrong article: name the one(s) it does occur in.
        const elsewhere = sources.filter((o) => o.id !== src.id && occursIn(o.id, cit.quote));
        const near = closestPassage(src.text, cit.quote);
        issues.push({
          path: at('citations', j, 'quote'),
          message:
            `quote not found verbatim in source "${cit.source}" (${src.file})` +
            (near ? `; closest passage: "${near}"` : '') +
            (elsewhere.length > 0
              ? `; found verbatim in source${elsewhere.length > 1 ? 's' : ''} ` +
                `${elsewhere.map((o) => `"${o.id}" (${o.file})`).join(', ')}: cite ${elsewhere.length > 1 ? 'one of those' : 'that source'}`
              : ''),
        });
      }
      // The quote is shown in its source's language; every other story language needs a translation.
      const needed = langs.filter((l) => l !== src.language);
      const tr = cit.translation;
      const path = at('citations', j, 'translation');
      if (typeof tr === 'string') {
        if (needed.length === 1) translations.push({ [needed[0]!]: tr });
        else issues.push({ path, message: needed.length === 0 ? `the story has no language besides the source's ("${src.language}") to translate into` : `give one translation per language: ${needed.join(', ')}` });
      } else if (tr) {
        for (const l of needed) if (!tr[l]) issues.push({ path, message: `missing translation into "${l}"` });
        for (const l of Object.keys(tr)) if (!needed.includes(l)) issues.push({ path: [...path, l], message: `"${l}" is ${l === src.language ? "the source's own language" : "not one of the story's languages"}` });
        translations.push(tr);
      } else if (needed.length > 0) {
        issues.push({ path: at('citations', j), message: `missing translation into ${needed.map((l) => `"${l}"`).join(', ')} (the quote is in "${src.language}")` });
      }
    });

    // Words shown in quotation marks must be verbatim too: in a cited article, or in a citation's translation.
    const cited = [
      ...s.citations.map((cit) => (span: string) => occursIn(cit.source, span)),
      ...translations.flatMap((tr) => Object.values(tr).map((t) => quoteFinder(t)).map((find) => (span: string) => find(span) !== null)),
    ];
    for (const lang of langs) {
      const text = (s.text as Localized)[lang] ?? '';
      for (const span of quotedSpans(text)) {
        if (!cited.some((occurs) => occurs(span))) {
          issues.push({
            path: at('text', lang),
            message: `quoted words "${span}" do not occur verbatim in the step's cited sources or translations; quote them in a citation or drop the quotation marks`,
          });
        }
      }
      // Six words or more copied from a source: that source must be among the step's citations.
      const citedIds = new Set(s.citations.map((cit) => cit.source));
      for (const src of sources) {
        if (citedIds.has(src.id)) continue;
        const [run] = copiedRuns(text, phrases.get(src.id)!);
        if (run) {
          issues.push({
            path: at('text', lang),
            message: `the words "${run}" are copied from source "${src.id}" (${src.file}), which this step does not cite: cite it where its words are used`,
          });
        }
      }
    }

    let route: Step['route'];
    // A route that failed its own checks is reported there; its steps' progress cannot be checked against it.
    const failed = s.features.some((f) => declared.has(f) && !featureById.has(f));
    if (s.route && !failed) {
      const shownRoutes = [...new Set(s.features)].map((f) => featureById.get(f)).filter((f) => f?.kind === 'route');
      const feature = s.route.feature ? featureById.get(s.route.feature) : shownRoutes.length === 1 ? shownRoutes[0] : undefined;
      if (s.route.feature && (feature?.kind !== 'route' || !s.features.includes(s.route.feature))) {
        issues.push({ path: at('route', 'feature'), message: `"${s.route.feature}" is not a route among the step's features (${s.features.join(', ') || 'none'})` });
      } else if (!feature) {
        issues.push({
          path: at('route'),
          message: shownRoutes.length === 0 ? "a route progress needs a route among the step's features" : `the step shows several routes: name one as route.feature (${shownRoutes.map((r) => r!.id).join(', ')})`,
        });
      } else if (feature.kind === 'route') {
        const stopIds = feature.stops.map((st) => st.place);
        const from = feature.stops.find((st) => st.place === s.route!.from);
        const to = feature.stops.find((st) => st.place === s.route!.to);
        if (!from) issues.push({ path: at('route', 'from'), message: `"${s.route.from}" is not a stop of route "${feature.id}" (stops: ${stopIds.join(', ')})` });
        if (!to) issues.push({ path: at('route', 'to'), message: `"${s.route.to}" is not a stop of route "${feature.id}" (stops: ${stopIds.join(', ')})` });
        if (from && to && to.progress < from.progress) {
          issues.push({ path: at('route', 'to'), message: `stop "${s.route.to}" comes before "${s.route.from}" on route "${feature.id}"` });
        }
        if (from && to) route = { feature: feature.id, from: from.progress, to: to.progress };
      }
    }

    if (s.calculation && !calculations.some((k) => k.id === s.calculation)) {
      issues.push({ path: at('calculation'), message: `unknown calculation "${s.calculation}" (declared: ${calculations.map((k) => k.id).join(', ') || 'none'})` });
    }

    return {
      id: s.id,
      date: s.date,
      title: s.title as Localized,
      text: s.text as Localized,
      ...(s.context ? { context: s.context as Localized } : {}),
      camera: { center: s.camera.center, zoom: s.camera.zoom, bearing: s.camera.bearing, pitch: s.camera.pitch },
      features: [...new Set(s.features)],
      ...(route ? { route } : {}),
      places: s.places,
      citations: s.citations.map((cit, j) => ({
        source: cit.source,
        quote: cit.quote,
        ...(translations[j] ? { translation: translations[j] } : {}),
      })),
      ...(s.calculation ? { calculation: s.calculation } : {}),
    };
  });
}

/** The story's languages as the document declares them, or an issue; parsed first, because every text is checked against them. */
function declaredLanguages(spec: unknown): { langs?: Lang[]; issues: StoryIssue[] } {
  // Any other value (text, a number, a list) has no `languages` to read.
  const value = (spec as { languages?: unknown } | null | undefined)?.languages;
  const parsed = languages.safeParse(value, { reportInput: true });
  if (!parsed.success) return { issues: zodIssues(parsed.error).map((i) => ({ ...i, path: ['languages', ...i.path] })) };
  // Stryker disable next-line ArrayDeclaration: with valid languages their issues are never read
  return { langs: parsed.data, issues: [] };
}

/** Validate a story document against the schema and the references it names. */
export function parseStory(spec: unknown, refs: StoryRefs): Story {
  const declared = declaredLanguages(spec);
  // With the input in each issue, a value of the wrong type is told apart from a missing one.
  const parsed = storySchema(declared.langs).safeParse(spec, { reportInput: true });
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    // Without valid languages the texts were checked against any tags; the languages' own issue comes first.
    throw new StoryValidationError(declared.langs ? issues : [...declared.issues, ...issues.filter((i) => i.path[0] !== 'languages')]);
  }
  const doc = parsed.data;
  const langs = doc.languages;
  const issues: StoryIssue[] = [];
  langs.forEach((l, i) => {
    if (!refs.catalogue(l)) {
      issues.push({ path: ['languages', i], message: `the reader interface has no catalogue for "${l}": add src/ui/catalogues/${l}.ts (see README, "Languages")` });
    }
  });
  if (issues.length > 0) throw new StoryValidationError(issues);

  const placeById = new Map(refs.places.map((p) => [p.id, p]));
  const c: Checking = { langs, refs, placeById, issues };
  const sources = checkSources(doc.sources, refs, issues);
  const features = checkFeatures(doc.features, c);
  const calculations = checkCalculations(doc.calculations, features, c);
  const steps = checkSteps(doc.steps, sources, features, calculations, new Set(doc.features.map((f) => f.id)), c);
  if (issues.length > 0) throw new StoryValidationError(issues);

  // The places the story shows: its steps' places and its routes' stops, in the gazetteer's order.
  const notes = new Map<string, Localized>();
  doc.features.forEach((f) => {
    if (f.kind !== 'route') return;
    for (const s of f.stops) {
      if (typeof s === 'string' || !s.note) continue;
      const prev = notes.get(s.place);
      notes.set(s.place, prev ? Object.fromEntries(langs.map((l) => [l, `${prev[l]} ${(s.note as Localized)[l]}`])) : (s.note as Localized));
    }
  });
  const used = new Set([...steps.flatMap((s) => s.places), ...features.flatMap((f) => (f.kind === 'route' ? f.stops.map((s) => s.place) : []))]);
  const placeRecords = refs.places.filter((p) => used.has(p.id));
  const places: Place[] = placeRecords.map(({ aliases: _aliases, ...place }) => ({
    ...place,
    name: Object.fromEntries(langs.map((l) => [l, place.name[l] ?? place.name.en ?? Object.values(place.name)[0]!])),
    ...(notes.has(place.id) ? { note: notes.get(place.id)! } : {}),
  }));

  return {
    id: doc.id,
    languages: langs,
    title: doc.title as Localized,
    intro: doc.intro as Localized,
    sources,
    places,
    features,
    steps,
    excerpts: buildExcerptIndex(placeRecords, sources),
    calculations: Object.fromEntries(calculations.map((k) => [k.id, k])),
    focusCountries: [...new Set(places.map((p) => refs.countryOf(p.coordinates)).filter((k): k is string => k !== undefined))].sort(),
  };
}
