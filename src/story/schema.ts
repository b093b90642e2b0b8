/**
 * The one schema of a story file. `parseStory` turns the loose document an
 * editor wrote into a checked `Story`, or throws a `StoryValidationError`
 * whose issues name the field (as a path) and what is wrong with it. It knows
 * nothing of YAML or files: the loader maps paths to lines.
 */
import { z } from 'zod';
import { closestPassage, quotedSpans, quoteFinder } from './citations';
import { buildExcerptIndex } from './excerpts';
import {
  CALCULATIONS,
  LANGS,
  STORY_LAYERS,
  type CalculationId,
  type FlightEstimate,
  type Place,
  type Source,
  type Step,
  type Story,
} from './model';

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

/** A place as `geo/places.geojson` declares it. */
export interface PlaceRecord extends Place {
  aliases: string[];
}

/** What a story may refer to, loaded from `geo/` and the story folder. */
export interface StoryRefs {
  places: readonly PlaceRecord[];
  /** Train stations with their position along the route as a fraction 0..1. */
  stations: readonly { id: string; fraction: number }[];
  /** Contents of the files the story folder holds, by path relative to it. */
  files: Readonly<Record<string, string>>;
  calculations: Partial<Record<CalculationId, FlightEstimate>>;
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
const localized = z.strictObject({ nl: text, en: text });
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

const citation = z.strictObject({
  source: id,
  quote: text,
  translation: text.optional(),
});

const step = z.strictObject({
  id,
  date: stepDate,
  title: localized,
  text: localized,
  context: localized.optional(),
  camera,
  layers: z
    .array(z.enum(STORY_LAYERS, { error: (i) => `unknown layer ${show(i.input)} (known: ${STORY_LAYERS.join(', ')})` }))
    .default([]),
  route: z.strictObject({ from: id, to: id }).optional(),
  places: z.array(id).default([]),
  citations: z.array(citation).min(1, 'every step cites at least one source with a verbatim quote'),
  calculation: z
    .enum(CALCULATIONS, { error: (i) => `unknown calculation ${show(i.input)} (known: ${CALCULATIONS.join(', ')})` })
    .optional(),
});

const source = z.strictObject({
  id,
  file: z.string().regex(/^sources\/[\w.-]+\.txt$/, 'must be a path like "sources/article.txt"'),
  date: z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])$/, 'must be a month "YYYY-MM"'),
  language: z.enum(LANGS, { error: (i) => `unknown language ${show(i.input)} (known: ${LANGS.join(', ')})` }),
  label: localized,
});

const storySpec = z.strictObject({
  id,
  title: localized,
  intro: localized,
  sources: z.array(source).min(1, 'a story needs at least one source'),
  steps: z.array(step).min(1, 'a story needs at least one step'),
});

type StepSpec = z.infer<typeof step>;
type SourceSpec = z.infer<typeof source>;

/** An article file starts with its publication month: ` date 2019-02 <body>`. */
const DATE_LINE = /^\s*date (\d{4}-\d{2})\s+/u;

function zodIssues(error: z.ZodError): StoryIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      return { path: [...path, issue.keys[0]!], message: `unknown field ${issue.keys.map((k) => show(k)).join(', ')}` };
    }
    // A missing field: no value of the wrong type or outside a list of known values (`language`), but none at all.
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined) {
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

function checkSteps(steps: StepSpec[], sources: Source[], refs: StoryRefs, issues: StoryIssue[]): Step[] {
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const placeIds = new Set(refs.places.map((p) => p.id));
  const stationById = new Map(refs.stations.map((s) => [s.id, s]));
  const seen = new Set<string>();
  // Each source is normalised for quote look-ups once, however many quotes are checked against it.
  const finders = new Map(sources.map((s) => [s.id, quoteFinder(s.text)]));
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

    s.places.forEach((p, j) => {
      if (!placeIds.has(p)) issues.push({ path: at('places', j), message: `unknown place id "${p}" (known: ${[...placeIds].join(', ')})` });
    });

    s.citations.forEach((c, j) => {
      const src = sourceById.get(c.source);
      if (!src) {
        issues.push({ path: at('citations', j, 'source'), message: `unknown source id "${c.source}" (known: ${[...sourceById.keys()].join(', ')})` });
        return;
      }
      if (!occursIn(src.id, c.quote)) {
        // A quote attributed to the wrong article: name the one(s) it does occur in.
        const elsewhere = sources.filter((o) => o.id !== src.id && occursIn(o.id, c.quote));
        const near = closestPassage(src.text, c.quote);
        issues.push({
          path: at('citations', j, 'quote'),
          message:
            `quote not found verbatim in source "${c.source}" (${src.file})` +
            (near ? `; closest passage: "${near}"` : '') +
            (elsewhere.length > 0
              ? `; found verbatim in source${elsewhere.length > 1 ? 's' : ''} ` +
                `${elsewhere.map((o) => `"${o.id}" (${o.file})`).join(', ')}: cite ${elsewhere.length > 1 ? 'one of those' : 'that source'}`
              : ''),
        });
      }
    });

    // Words shown in quotation marks must be verbatim too: in a cited article, or in a citation's translation.
    const cited = s.citations.flatMap((c) => {
      const inTranslation = quoteFinder(c.translation ?? '');
      return [(span: string) => occursIn(c.source, span), (span: string) => inTranslation(span) !== null];
    });
    for (const lang of LANGS) {
      for (const span of quotedSpans(s.text[lang])) {
        if (!cited.some((occurs) => occurs(span))) {
          issues.push({
            path: at('text', lang),
            message: `quoted words "${span}" do not occur verbatim in the step's cited sources or translations; quote them in a citation or drop the quotation marks`,
          });
        }
      }
    }

    let route: Step['route'];
    if (s.route) {
      const from = stationById.get(s.route.from);
      const to = stationById.get(s.route.to);
      const known = [...stationById.keys()].join(', ');
      if (!from) issues.push({ path: at('route', 'from'), message: `unknown station id "${s.route.from}" (known: ${known})` });
      if (!to) issues.push({ path: at('route', 'to'), message: `unknown station id "${s.route.to}" (known: ${known})` });
      if (from && to && to.fraction < from.fraction) {
        issues.push({ path: at('route', 'to'), message: `station "${s.route.to}" comes before "${s.route.from}" on the route` });
      }
      if (!s.layers.includes('train-route')) {
        issues.push({ path: at('route'), message: 'a route progress needs "train-route" in the step\'s layers' });
      }
      if (from && to) route = { from: from.fraction, to: to.fraction };
    }

    if (s.calculation && !refs.calculations[s.calculation]) {
      issues.push({ path: at('calculation'), message: `no derived data for calculation "${s.calculation}"` });
    }

    return {
      id: s.id,
      date: s.date,
      title: s.title,
      text: s.text,
      ...(s.context ? { context: s.context } : {}),
      camera: { center: s.camera.center, zoom: s.camera.zoom, bearing: s.camera.bearing, pitch: s.camera.pitch },
      layers: [...new Set(s.layers)],
      ...(route ? { route } : {}),
      places: s.places,
      citations: s.citations.map((c) => ({
        source: c.source,
        quote: c.quote,
        ...(c.translation ? { translation: c.translation } : {}),
      })),
      ...(s.calculation ? { calculation: s.calculation } : {}),
    };
  });
}

/** Validate a story document against the schema and the references it names. */
export function parseStory(spec: unknown, refs: StoryRefs): Story {
  // With the input in each issue, a value of the wrong type is told apart from a missing one.
  const parsed = storySpec.safeParse(spec, { reportInput: true });
  if (!parsed.success) throw new StoryValidationError(zodIssues(parsed.error));
  const doc = parsed.data;
  const issues: StoryIssue[] = [];
  const sources = checkSources(doc.sources, refs, issues);
  const steps = checkSteps(doc.steps, sources, refs, issues);
  if (issues.length > 0) throw new StoryValidationError(issues);

  const used = new Set(steps.flatMap((s) => s.places));
  const placeRecords = refs.places.filter((p) => used.has(p.id));
  const places: Place[] = placeRecords.map(({ aliases: _aliases, ...place }) => place);
  const usedCalculations = new Set(steps.flatMap((s) => (s.calculation ? [s.calculation] : [])));
  const calculations: Story['calculations'] = {};
  for (const c of usedCalculations) calculations[c] = refs.calculations[c];

  return {
    id: doc.id,
    title: doc.title,
    intro: doc.intro,
    sources,
    places,
    steps,
    excerpts: buildExcerptIndex(placeRecords, sources),
    calculations,
  };
}

