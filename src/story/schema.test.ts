import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixtureRefs } from './fixtures/refs';
import { formatPath, parseStory, StoryValidationError, type StoryRefs } from './schema';

// The valid fixture as data, changed one way per test: what an author writes, what the build says.
// eslint-style `any`: the tests write broken documents, which no type describes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;
const valid = parse(readFileSync(join(import.meta.dirname, 'fixtures/valid.yaml'), 'utf8')) as Doc;

const changed = (change: (doc: Doc) => void): Doc => {
  const doc = structuredClone(valid);
  change(doc);
  return doc;
};

/** The issues the build reports for the changed fixture, as `path: message`; none when it is valid. */
function issuesOf(change: (doc: Doc) => void, refs: StoryRefs = fixtureRefs): string[] {
  try {
    parseStory(changed(change), refs);
    return [];
  } catch (error) {
    if (!(error instanceof StoryValidationError)) throw error;
    return error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
  }
}

const storyOf = (change: (doc: Doc) => void = () => {}, refs: StoryRefs = fixtureRefs) => parseStory(changed(change), refs);

describe('formatPath', () => {
  it('writes a path as an author finds the field', () => {
    expect(formatPath(['steps', 3, 'citations', 0, 'quote'])).toBe('steps[3].citations[0].quote');
    expect(formatPath(['steps', 0, 'a b'])).toBe('steps[0]["a b"]');
    expect(formatPath(['x-y', '_z', '9', '1st'])).toBe('x-y._z["9"]["1st"]');
    expect(formatPath([])).toBe('(document)');
  });
  it('joins the issues into one message per line', () => {
    const error = new StoryValidationError([
      { path: ['id'], message: 'one' },
      { path: [], message: 'two' },
    ]);
    expect(error.message).toBe('id: one\n(document): two');
    expect(error.name).toBe('StoryValidationError');
  });
});

describe('values quoted in messages', () => {
  it('shortens a long value to 80 characters', () => {
    const key = `x${'y'.repeat(100)}`;
    const [issue] = issuesOf((d) => (d[key] = 1));
    expect(issue).toBe(`${key}: unknown field ${`"${key}"`.slice(0, 79)}…`);
  });
  it('shows a value of 80 characters whole', () => {
    const key = 'k'.repeat(78);
    expect(issuesOf((d) => (d[key] = 1))).toEqual([`${key}: unknown field "${key}"`]);
  });
  it('shows a value that contains itself, or a BigInt, without failing', () => {
    const object: Doc = {};
    object.self = object;
    const list: unknown[] = [];
    list.push(list);
    expect(issuesOf((d) => (d.features[0].mode = object))).toEqual(['features[0].mode: unknown mode {…} (known: rail, road, sea, air)']);
    expect(issuesOf((d) => (d.features[0].mode = list))).toEqual(['features[0].mode: unknown mode […] (known: rail, road, sea, air)']);
    expect(issuesOf((d) => (d.features[0].mode = 10n))).toEqual(['features[0].mode: unknown mode 10 (known: rail, road, sea, air)']);
  });
  it('never cuts a character of two UTF-16 units in half', () => {
    const key = `${'y'.repeat(77)}😀😀`;
    expect(issuesOf((d) => (d[key] = 1))[0]).toMatch(new RegExp(`unknown field "${'y'.repeat(77)}…$`));
  });
  it('names every unknown field of an object', () => {
    expect(issuesOf((d) => Object.assign(d.steps[0], { titel: 'x', tekst: 'y' }))).toEqual(['steps[0].titel: unknown field "titel", "tekst"']);
  });
  it('shows an unknown kind, mode or status as written', () => {
    expect(issuesOf((d) => (d.features[1].status = 'planned'))).toEqual(['features[1].status: unknown status "planned" (known: flown, offered)']);
    expect(issuesOf((d) => (d.features[0].mode = 'bike'))).toEqual(['features[0].mode: unknown mode "bike" (known: rail, road, sea, air)']);
    expect(issuesOf((d) => (d.features[0].kind = 'circle'))).toEqual(['features[0].kind: unknown feature kind "circle" (known: route, arc, line, area)']);
    expect(issuesOf((d) => delete d.features[0].kind)).toEqual(['features[0].kind: is required']);
    expect(issuesOf((d) => d.features.push(null))).toEqual(['features[2]: unknown feature kind undefined (known: route, arc, line, area)']);
    expect(issuesOf((d) => delete d.features[1].status)).toEqual(['features[1].status: is required']);
  });
});

describe('the story languages', () => {
  it('are BCP 47 tags, each listed once, each with a catalogue', () => {
    expect(issuesOf((d) => (d.languages = ['nl', 'nl']))).toEqual(['languages: lists a language twice']);
    expect(issuesOf((d) => (d.languages = []))).toEqual(['languages: a story declares at least one language']);
    // Without valid languages the texts are checked against any tags: only the languages' own issue is told.
    expect(issuesOf((d) => (d.languages = ['nl', 'EN']))).toEqual(['languages[1]: must be a BCP 47 language tag such as "nl", "en" or "en-GB"']);
    expect(issuesOf((d) => ((d.languages = ['Dutch']), delete d.steps)))
      .toEqual(['languages[0]: must be a BCP 47 language tag such as "nl", "en" or "en-GB"', 'steps: is required']);
    expect(issuesOf((d) => (d.languages = 'nl'))).toEqual(['languages: Invalid input: expected array, received string']);
  });
  it('take tags with a script and a region', () => {
    const refs = { ...fixtureRefs, catalogue: () => fixtureRefs.catalogue('en') };
    const langs = ['zh-Hant-TW', 'en-GB', 'nl-BE', 'es-419'];
    const story = storyOf((d) => {
      d.languages = langs;
      const every = (t: string) => Object.fromEntries(langs.map((l) => [l, t]));
      for (const key of ['title', 'intro']) d[key] = every('x');
      d.sources[0].label = every('x');
      d.sources[0].language = 'zh-Hant-TW';
      for (const f of d.features) f.label = every('x');
      d.calculations[0].assumption = every('x');
      for (const s of d.steps) {
        s.title = every('x');
        s.text = every('x');
        s.citations[0].translation = Object.fromEntries(langs.slice(1).map((l) => [l, s.citations[0].quote]));
      }
    }, refs);
    expect(story.languages).toEqual(langs);
  });
  it('need a catalogue each, named by the language', () => {
    expect(issuesOf((d) => (d.languages = ['nl', 'en']), { ...fixtureRefs, catalogue: (l) => (l === 'nl' ? fixtureRefs.catalogue(l) : undefined) })).toEqual([
      'languages[1]: the reader interface has no catalogue for "en": add src/ui/catalogues/en.ts (see README, "Languages")',
    ]);
  });
  it('each need every text', () => {
    expect(issuesOf((d) => delete d.title.en)).toEqual(['title.en: missing text in "en" (the story\'s languages: nl, en)']);
    expect(issuesOf((d) => (d.title.de = 'Test'))).toEqual(['title.de: unknown field "de"']);
    expect(issuesOf((d) => (d.title.en = '   '))).toEqual(['title.en: must not be empty']);
    expect(issuesOf((d) => (d.title.en = 7))).toEqual(['title.en: must be text']);
    expect(issuesOf((d) => (d.intro.en = 'x'.repeat(20_001)))).toEqual(['intro.en: is longer than 20,000 characters']);
  });
});

describe('the document', () => {
  it('is an object with at least one source and one step', () => {
    for (const [doc, kind] of [[null, 'null'], [[], 'array'], ['x', 'string']] as const) {
      expect(() => parseStory(doc, fixtureRefs)).toThrow(new StoryValidationError([
        { path: ['languages'], message: 'is required' },
        { path: [], message: `Invalid input: expected object, received ${kind}` },
      ]));
    }
    expect(issuesOf((d) => (d.sources = []))).toEqual(['sources: a story needs at least one source']);
    expect(issuesOf((d) => (d.steps = []))).toEqual(['steps: a story needs at least one step']);
  });
});

describe('ids and dates', () => {
  it('are lower-case ids, each used once', () => {
    expect(issuesOf((d) => (d.id = 'Test Story'))).toEqual(['id: must be a lower-case id of letters, digits and single hyphens (e.g. "hanoi-summit")']);
    expect(issuesOf((d) => d.sources.push({ ...d.sources[0] }))).toEqual(['sources[1].id: duplicate source id "article"']);
    expect(issuesOf((d) => d.features.push({ ...d.features[1] }))).toEqual(['features[2].id: duplicate feature id "ghost-flight"']);
    expect(issuesOf((d) => d.calculations.push({ ...d.calculations[0] }))).toEqual(['calculations[1].id: duplicate calculation id "flight-time"']);
  });
  it('are days of the calendar, leap days included', () => {
    for (const date of ['2019-12', '2020-02-29', '2019-02-28/2019-03-01']) expect(issuesOf((d) => (d.steps[1].date = date)), date).toEqual([]);
    for (const date of ['2019', '2000-02-29', '2019-01-31', '2000/2019']) expect(issuesOf((d) => (d.steps[0].date = date)), date).toEqual([]);
    for (const date of ['2019-02-29', '1900-02-29', '2100-02-29', '2019-04-31', '2019-06-31', '2019-09-31', '2019-11-31', '2019-03-01/2019-02-30']) {
      expect(issuesOf((d) => (d.steps[1].date = date)), date).toEqual([`steps[1].date: "${date}" is not a day of the calendar`]);
    }
  });
  it('are ISO dates or an interval of two', () => {
    const message = 'must be an ISO date "YYYY", "YYYY-MM" or "YYYY-MM-DD", or an interval "start/end" of those';
    for (const date of ['2019-13', '2019-00', '2019-02-00', '2019-02-32', '19-02', '2019/2019/2019', ' 2019', '2019-02-1', '2019-02/2019-13', '2019-02-29/2019-13']) {
      expect(issuesOf((d) => (d.steps[1].date = date)), date).toEqual([`steps[1].date: ${message}`]);
    }
  });
  it('put the steps in order by their first day', () => {
    expect(issuesOf((d) => (d.steps[1].date = '2019-01/2019-03'))).toEqual([
      'steps[1].date: "2019-01/2019-03" is earlier than the previous step\'s "2019-02": steps must be in chronological order',
    ]);
    expect(issuesOf((d) => (d.steps[0].date = '2019-02/2019-09'))).toEqual([]);
  });
});

describe('sources', () => {
  it('are files of the story folder that start with their month', () => {
    expect(issuesOf((d) => (d.sources[0].file = 'sources/gone.txt')).slice(0, 2)).toEqual([
      'sources[0].file: file "sources/gone.txt" not found in the story folder',
      'steps[0].citations[0].source: unknown source id "article" (known: )',
    ]);
    const undated = { ...fixtureRefs, files: { ...fixtureRefs.files, 'sources/article.txt': 'Kim reisde met de trein naar Hanoi.' } };
    expect(issuesOf(() => {}, undated)[0]).toBe('sources[0].file: "sources/article.txt" does not start with a "date YYYY-MM" line');
    expect(issuesOf((d) => (d.sources[0].date = '2019-03'))).toEqual(['sources[0].date: is "2019-03" but the article\'s date line says "2019-02"']);
    expect(issuesOf((d) => (d.sources[0].file = 'article.txt'))).toEqual(['sources[0].file: must be a path like "sources/article.txt"']);
    expect(issuesOf((d) => (d.sources[0].date = '2019-02-01'))).toEqual(['sources[0].date: must be a month "YYYY-MM"']);
  });
  it('keep the article after its date line', () => {
    const [source] = storyOf().sources;
    expect(source).toEqual({
      id: 'article',
      date: '2019-02',
      language: 'nl',
      label: { nl: 'Artikel', en: 'Article' },
      file: 'sources/article.txt',
      text: 'Kim reisde met de trein naar Hanoi. De president kwam per vliegtuig.\n\n„Soms moet je weglopen.” Dat zei de president in Hanoi.',
    });
  });
});

describe('map features', () => {
  const area = (fields: Doc) => (d: Doc) => d.features.push({ id: 'zone', kind: 'area', label: { nl: 'Zone', en: 'Zone' }, ...fields });
  const line = (fields: Doc) => (d: Doc) => d.features.push({ id: 'dmz', kind: 'line', label: { nl: 'DMZ', en: 'DMZ' }, ...fields });

  it('draw an area from a basemap country or a shape, never both or neither', () => {
    const either = 'an area is either a basemap `country` or a `shape`, not both or neither';
    expect(issuesOf(area({}))).toEqual([`features[2].shape: ${either}`]);
    expect(issuesOf(area({ country: '408', shape: 'summit-zone' }))).toEqual([`features[2].country: ${either}`]);
    expect(issuesOf(area({ country: '999' }))).toEqual(['features[2].country: no country "999" on the basemap (ISO 3166 numeric, e.g. "408" for North Korea)']);
    expect(issuesOf(area({ country: 'KP' }))).toEqual(['features[2].country: must be an ISO 3166 numeric code such as "408"']);
  });

  it('take a shape of their kind, naming the ones there are', () => {
    expect(issuesOf(area({ shape: 'nowhere' }))).toEqual(['features[2].shape: unknown shape "nowhere" (areas known: summit-zone)']);
    expect(issuesOf(area({ shape: 'demarcation-line' }))).toEqual(['features[2].shape: shape "demarcation-line" is a LineString, not a area (areas known: summit-zone)']);
    expect(issuesOf(line({ shape: 'summit-zone' }))).toEqual(['features[2].shape: shape "summit-zone" is a Polygon, not a line (lines known: demarcation-line)']);
    expect(issuesOf(line({ shape: 'x' }), { ...fixtureRefs, shapes: [] })).toEqual(['features[2].shape: unknown shape "x" (lines known: none)']);
  });

  it('say where a shape comes from, in every language', () => {
    const shapes = fixtureRefs.shapes.map((s) => (s.id === 'summit-zone' ? { ...s, provenance: { nl: 'Getekend.' } } : s));
    expect(issuesOf(area({ shape: 'summit-zone' }), { ...fixtureRefs, shapes })).toEqual([
      'features[2].shape: shape "summit-zone" has no provenance in "en": give the feature a `note` saying where it comes from',
    ]);
    const withNote = storyOf(area({ shape: 'summit-zone', note: { nl: 'Bij benadering.', en: 'Approximate.' } }), { ...fixtureRefs, shapes });
    expect(withNote.features[2]!.provenance).toEqual({ nl: 'Getekend. Bij benadering.', en: 'Approximate.' });
  });

  it('take shapes of several parts, and name every shape of the kind wanted', () => {
    const shapes: StoryRefs['shapes'] = [
      ...fixtureRefs.shapes,
      { id: 'islands', geometry: { type: 'MultiPolygon', coordinates: [[[[1, 1], [2, 1], [2, 2], [1, 1]]], [[[3, 3], [4, 3], [4, 4], [3, 3]]]] }, naturalEarth: true },
      { id: 'border', geometry: { type: 'MultiLineString', coordinates: [[[1, 1], [2, 2]], [[3, 3], [4, 4]]] }, naturalEarth: true },
      { id: 'unsourced', geometry: { type: 'Polygon', coordinates: [[[1, 1], [2, 1], [2, 2], [1, 1]]] }, naturalEarth: false },
    ];
    const refs = { ...fixtureRefs, shapes };
    const story = storyOf((d) => (area({ shape: 'islands' })(d), line({ shape: 'border' })(d)), refs);
    expect(story.features[2]).toMatchObject({ kind: 'area', coordinates: shapes[2]!.geometry.coordinates });
    expect(story.features[3]).toMatchObject({ kind: 'line', coordinates: shapes[3]!.geometry.coordinates });
    expect(issuesOf(area({ shape: 'border' }), refs)).toEqual(['features[2].shape: shape "border" is a MultiLineString, not a area (areas known: summit-zone, islands, unsourced)']);
    expect(issuesOf(line({ shape: 'islands' }), refs)).toEqual(['features[2].shape: shape "islands" is a MultiPolygon, not a line (lines known: demarcation-line, border)']);
    expect(issuesOf(area({ shape: 'unsourced' }), refs)).toEqual([
      'features[2].shape: shape "unsourced" has no provenance in "nl", "en": give the feature a `note` saying where it comes from',
    ]);
    expect(storyOf(area({ shape: 'unsourced', note: { nl: 'Geschat.', en: 'Estimated.' } }), refs).features[2]!.provenance).toEqual({ nl: 'Geschat.', en: 'Estimated.' });
  });

  it('keep the geometry of their shape, as lines or polygons of one kind', () => {
    const story = storyOf((d) => {
      area({ shape: 'summit-zone' })(d);
      line({ shape: 'demarcation-line', note: { nl: 'Zie kaart.', en: 'See map.' } })(d);
      area({ id: 'north-korea', country: '408' })(d);
    });
    const [zone, dmz, nk] = story.features.slice(2);
    expect(zone).toMatchObject({ kind: 'area', coordinates: [fixtureRefs.shapes[1]!.geometry.coordinates], provenance: { en: 'Drawn by the editors.' } });
    expect(dmz).toMatchObject({ kind: 'line', coordinates: [fixtureRefs.shapes[0]!.geometry.coordinates] });
    expect(dmz!.provenance.en).toMatch(/Natural Earth.* See map\.$/);
    expect(nk).toEqual({ id: 'north-korea', label: { nl: 'Zone', en: 'Zone' }, kind: 'area', country: '408', provenance: dmz!.provenance && expect.objectContaining({}) });
    expect(nk!.provenance.en).toMatch(/Natural Earth/);
  });

  it('draw a route through known places, by the mode of each leg', () => {
    expect(issuesOf((d) => (d.features[0].stops = ['pyongyang', { place: 'dandong' }, 'atlantis']))).toEqual([
      'features[0].stops[1].place: unknown place id "dandong" (known: hanoi, pyongyang)',
      'features[0].stops[2]: unknown place id "atlantis" (known: hanoi, pyongyang)',
    ]);
    expect(issuesOf((d) => (d.features[0].stops = ['hanoi']))).toEqual(['features[0].stops: a route has at least two stops']);
    const story = storyOf((d) => {
      d.features[0].stops = ['pyongyang', { place: 'hanoi', mode: 'air', inferred: true, note: { nl: 'Per vliegtuig.', en: 'By air.' } }];
      d.features[0].note = { nl: 'Volgens de pers.', en: 'As reported.' };
    });
    const route = story.features[0]!;
    expect(route.kind === 'route' && route.stops).toEqual([
      { place: 'pyongyang', mode: 'rail', inferred: false, progress: 0 },
      { place: 'hanoi', mode: 'air', inferred: true, progress: 1 },
    ]);
    expect(route.provenance.en).toBe(
      'Drawn as straight lines between the stops, not the actual track. Not reported but inferred: Hanoi. By air: Pyongyang–Hanoi. As reported.',
    );
    expect(story.places.find((p) => p.id === 'hanoi')!.note).toEqual({ nl: 'Per vliegtuig.', en: 'By air.' });
    expect(story.places.find((p) => p.id === 'pyongyang')!.note).toBeUndefined();
  });

  it('name the legs of each mode but the route’s own, and every stop inferred', () => {
    const route = storyOf((d) => {
      d.features[0].stops = ['pyongyang', { place: 'hanoi', mode: 'road' }, { place: 'pyongyang', mode: 'road', inferred: true }, 'hanoi'];
      d.steps[1].route = { from: 'pyongyang', to: 'pyongyang' };
    }).features[0]!;
    expect(route.provenance).toEqual({
      nl: 'Getekend als rechte lijnen tussen de haltes, niet het werkelijke traject. Niet gemeld maar afgeleid: Pyongyang. Over de weg: Pyongyang–Hanoi, Hanoi–Pyongyang.',
      en: 'Drawn as straight lines between the stops, not the actual track. Not reported but inferred: Pyongyang. By road: Pyongyang–Hanoi, Hanoi–Pyongyang.',
    });
    expect(storyOf().features[0]!.provenance.en).toBe('Drawn as straight lines between the stops, not the actual track.');
  });

  it('join the notes a place gets from several stops', () => {
    const story = storyOf((d) =>
      d.features.push({
        id: 'home',
        kind: 'route',
        label: { nl: 'Terug', en: 'Back' },
        stops: [{ place: 'hanoi', note: { nl: 'Vertrek.', en: 'Departure.' } }, 'pyongyang', { place: 'hanoi', note: { nl: 'Weer.', en: 'Again.' } }],
      }),
    );
    expect(story.places.find((p) => p.id === 'hanoi')!.note).toEqual({ nl: 'Vertrek. Weer.', en: 'Departure. Again.' });
  });

  it('draw an arc between known places, or the part of it shown', () => {
    expect(issuesOf((d) => Object.assign(d.features[1], { from: 'atlantis', to: 'mu' }))).toEqual([
      'features[1].from: unknown place id "atlantis" (known: hanoi, pyongyang)',
      'features[1].to: unknown place id "mu" (known: hanoi, pyongyang)',
    ]);
    const whole = storyOf().features[1]!;
    expect(whole).toMatchObject({ kind: 'arc', from: 'hanoi', to: 'pyongyang', status: 'offered', distanceKm: 2757 });
    expect(whole).not.toHaveProperty('shownKm');
    const part = storyOf((d) => (d.features[1].shownKm = 1500)).features[1]!;
    expect(part).toMatchObject({ shownKm: 1500 });
    expect(part.provenance).toEqual({
      nl: 'Grootcirkel Hanoi–Pyongyang, door ons berekend. Alleen de eerste 1.500 km zijn getekend; niet de werkelijke vliegroute.',
      en: 'Great circle Hanoi–Pyongyang, calculated by us. Only its first 1,500 km are drawn; not the actual flight path.',
    });
  });
});

describe('calculations', () => {
  const calc = (fields: Doc) => (d: Doc) => (d.calculations[0] = { id: 'flight-time', ...fields });

  // A step that shows a calculation which failed its checks cannot show it.
  const unshown = 'steps[1].calculation: unknown calculation "flight-time" (declared: none)';

  it('are a distance or a route length, never both or neither', () => {
    const either = 'calculations[0].distance: a calculation is either a `distance: { from, to }` or a `routeLength: { route }`';
    expect(issuesOf(calc({}))).toEqual([either, unshown]);
    expect(issuesOf(calc({ distance: { from: 'hanoi', to: 'pyongyang' }, routeLength: { route: 'train-route' } }))).toEqual([either, unshown]);
  });

  it('name a declared route or known places', () => {
    expect(issuesOf(calc({ routeLength: { route: 'ghost-flight' } }))).toEqual(['calculations[0].routeLength.route: unknown route "ghost-flight" (routes declared: train-route)', unshown]);
    expect(issuesOf((d) => (calc({ routeLength: { route: 'x' } })(d), d.features.shift(), (d.steps[1].features = ['ghost-flight']), delete d.steps[1].route))).toEqual([
      'calculations[0].routeLength.route: unknown route "x" (routes declared: none)',
      unshown,
    ]);
    expect(issuesOf(calc({ distance: { from: 'hanoi', to: 'mu' } }))).toEqual(['calculations[0].distance.to: unknown place id "mu" (known: hanoi, pyongyang)', unshown]);
    expect(issuesOf(calc({ distance: { from: 'atlantis', to: 'hanoi', speedKmh: 900 }, assumption: { nl: 'x', en: 'x' } }))).toEqual([
      'calculations[0].distance.from: unknown place id "atlantis" (known: hanoi, pyongyang)',
      unshown,
    ]);
  });

  it('give the time at a speed only with what the speed rests on', () => {
    expect(issuesOf(calc({ distance: { from: 'hanoi', to: 'pyongyang', speedKmh: 900 } }))).toEqual([
      'calculations[0].assumption: a speed is an assumption: say what it rests on (e.g. "the cruising speed of a large jet")',
    ]);
    expect(issuesOf(calc({ distance: { from: 'hanoi', to: 'pyongyang' }, assumption: { nl: 'x', en: 'x' } }))).toEqual([
      'calculations[0].assumption: an assumption goes with a speed (`speedKmh`); without one there is nothing to assume',
    ]);
    expect(issuesOf(calc({ distance: { from: 'hanoi', to: 'pyongyang', speedKmh: 0 }, assumption: { nl: 'x', en: 'x' } }))).toEqual([
      'calculations[0].distance.speedKmh: Too small: expected number to be >0',
    ]);
  });

  it('compute the distance, the time and the ends, named in every language', () => {
    const { calculations } = storyOf((d) => d.calculations.push({ id: 'by-train', routeLength: { route: 'train-route', speedKmh: 50 }, assumption: { nl: 'trein', en: 'train' } }));
    expect(calculations['flight-time']).toEqual({
      id: 'flight-time',
      kind: 'distance',
      from: { id: 'hanoi', name: { nl: 'Hanoi', en: 'Hanoi' } },
      to: { id: 'pyongyang', name: { nl: 'Pyongyang', en: 'Pyongyang' } },
      distanceKm: 2757,
      speedKmh: 900,
      minutes: 184,
      assumption: { nl: 'gangbaar', en: 'typical' },
    });
    expect(calculations['by-train']).toMatchObject({ kind: 'route-length', from: { id: 'pyongyang' }, to: { id: 'hanoi' }, speedKmh: 50 });
    const roundTrip = storyOf((d) => {
      d.features[0].stops = ['pyongyang', 'hanoi', 'pyongyang'];
      d.steps[1].route = { from: 'pyongyang', to: 'hanoi' };
      calc({ routeLength: { route: 'train-route' } })(d);
    }).calculations['flight-time'];
    expect(roundTrip).toMatchObject({ from: { id: 'pyongyang' }, to: { id: 'pyongyang' } });
    expect(calculations['by-train']!.minutes).toBe(Math.round((calculations['by-train']!.distanceKm / 50) * 60));
    const plain = storyOf(calc({ distance: { from: 'pyongyang', to: 'hanoi' } })).calculations['flight-time']!;
    expect(plain).toEqual({ id: 'flight-time', kind: 'distance', from: { id: 'pyongyang', name: { nl: 'Pyongyang', en: 'Pyongyang' } }, to: { id: 'hanoi', name: { nl: 'Hanoi', en: 'Hanoi' } }, distanceKm: 2757 });
  });
});

describe('steps', () => {
  it('may draw nothing of a route, from a stop to itself', () => {
    expect(storyOf((d) => (d.steps[1].route = { from: 'hanoi', to: 'hanoi' })).steps[1]!.route).toEqual({ feature: 'train-route', from: 1, to: 1 });
  });

  it('draw a part of a route they show, between two of its stops in travel order', () => {
    expect(issuesOf((d) => (d.steps[1].route = { from: 'hanoi', to: 'pyongyang' }))).toEqual(['steps[1].route.to: stop "pyongyang" comes before "hanoi" on route "train-route"']);
    expect(issuesOf((d) => (d.steps[1].route = { from: 'atlantis', to: 'mu' }))).toEqual([
      'steps[1].route.from: "atlantis" is not a stop of route "train-route" (stops: pyongyang, hanoi)',
      'steps[1].route.to: "mu" is not a stop of route "train-route" (stops: pyongyang, hanoi)',
    ]);
    expect(issuesOf((d) => (d.steps[1].route = { feature: 'ghost-flight', from: 'hanoi', to: 'pyongyang' }))).toEqual([
      'steps[1].route.feature: "ghost-flight" is not a route among the step\'s features (train-route, ghost-flight)',
    ]);
    expect(issuesOf((d) => ((d.steps[1].features = ['ghost-flight']), (d.steps[1].route.feature = 'train-route')))).toEqual([
      'steps[1].route.feature: "train-route" is not a route among the step\'s features (ghost-flight)',
    ]);
    expect(issuesOf((d) => (d.steps[1].features = ['ghost-flight']))).toEqual(["steps[1].route: a route progress needs a route among the step's features"]);
    expect(issuesOf((d) => ((d.steps[1].features = []), (d.steps[1].route.feature = 'train-route')))).toEqual([
      'steps[1].route.feature: "train-route" is not a route among the step\'s features (none)',
    ]);
  });

  it('name the route when they show several', () => {
    const twoRoutes = (d: Doc) => {
      d.features.push({ id: 'home', kind: 'route', label: { nl: 'Terug', en: 'Back' }, stops: ['hanoi', 'pyongyang'] });
      d.steps[1].features.push('home');
    };
    expect(issuesOf(twoRoutes)).toEqual(['steps[1].route: the step shows several routes: name one as route.feature (train-route, home)']);
    const story = storyOf((d) => (twoRoutes(d), (d.steps[1].route = { feature: 'home', from: 'hanoi', to: 'pyongyang' })));
    expect(story.steps[1]!.route).toEqual({ feature: 'home', from: 0, to: 1 });
  });

  it('report a route that failed its own checks there, not again at every step', () => {
    expect(issuesOf((d) => (d.features[0].stops = ['pyongyang', 'atlantis']))).toEqual(['features[0].stops[1]: unknown place id "atlantis" (known: hanoi, pyongyang)']);
  });

  it('show declared features and known places and calculations', () => {
    expect(issuesOf((d) => (d.steps[0].features = ['dmz']))).toEqual(['steps[0].features[0]: unknown feature "dmz": declare it under `features:` (declared: train-route, ghost-flight)']);
    expect(issuesOf((d) => ((d.features = []), (d.calculations = []), (d.steps[1] = { ...d.steps[1], features: ['x'], calculation: undefined, route: undefined })))).toEqual([
      'steps[1].features[0]: unknown feature "x": declare it under `features:` (declared: none)',
    ]);
    expect(issuesOf((d) => ((d.steps[0].calculation = 'walk'), d.calculations.push({ id: 'flight', distance: { from: 'hanoi', to: 'pyongyang' } })))).toEqual([
      'steps[0].calculation: unknown calculation "walk" (declared: flight-time, flight)',
    ]);
    expect(issuesOf((d) => d.steps[0].places.push('mu'))).toEqual(['steps[0].places[1]: unknown place id "mu" (known: hanoi, pyongyang)']);
  });

  it('cite at least one source, each by id, with a quote in the words of the article', () => {
    expect(issuesOf((d) => (d.steps[0].citations = []))).toEqual(['steps[0].citations: every step cites at least one source with a verbatim quote']);
    expect(issuesOf((d) => delete d.steps[0].citations)).toEqual(['steps[0].citations: is required: every step cites at least one source with a verbatim quote']);
    expect(issuesOf((d) => delete d.steps[0].camera)).toEqual(['steps[0].camera: is required']);
    expect(issuesOf((d) => (d.steps[1].citations[0].source = 'diary'))).toEqual(['steps[1].citations[0].source: unknown source id "diary" (known: article)']);
    expect(issuesOf((d) => ((d.steps[1].citations[0].source = 'diary'), d.sources.push({ ...d.sources[0], id: 'copy' })))).toEqual([
      'steps[1].citations[0].source: unknown source id "diary" (known: article, copy)',
    ]);
  });

  it('point a quote found in another cited article to that article', () => {
    const two = (d: Doc) => d.sources.push({ id: 'interview', file: 'sources/interview.txt', date: '2019-02', language: 'nl', label: { nl: 'Interview', en: 'Interview' } });
    expect(
      issuesOf((d) => {
        two(d);
        d.sources.push({ id: 'copy', file: 'sources/interview.txt', date: '2019-02', language: 'nl', label: { nl: 'Kopie', en: 'Copy' } });
        d.steps[1].citations[0].quote = 'Soms moet je gewoon weglopen.';
      }),
    ).toEqual([
      'steps[1].citations[0].quote: quote not found verbatim in source "article" (sources/article.txt); closest passage: "„Soms moet je weglopen.”"; found verbatim in sources "interview" (sources/interview.txt), "copy" (sources/interview.txt): cite one of those',
    ]);
    expect(issuesOf((d) => ((d.steps[1].citations[0].quote = 'Een heel ander verhaal over Parijs.'), two(d)))).toEqual([
      'steps[1].citations[0].quote: quote not found verbatim in source "article" (sources/article.txt)',
    ]);
  });

  it('translate each quote into every story language but its own', () => {
    expect(issuesOf((d) => delete d.steps[0].citations[0].translation)).toEqual([
      'steps[0].citations[0]: missing translation into "en" (the quote is in "nl")',
      expect.stringMatching(/^steps\[0\]\.text\.en: quoted words "Sometimes you walk\." do not occur verbatim/),
    ]);
    expect(issuesOf((d) => (d.steps[0].citations[0].translation = { en: 'Sometimes you walk.', nl: 'Soms.' }))).toEqual(['steps[0].citations[0].translation.nl: "nl" is the source\'s own language']);
    expect(issuesOf((d) => (d.steps[0].citations[0].translation = { en: 'Sometimes you walk.', de: 'Manchmal.' }))).toEqual(['steps[0].citations[0].translation.de: "de" is not one of the story\'s languages']);
    expect(issuesOf((d) => (d.steps[0].citations[0].translation = { de: 'Manchmal.' }))).toEqual([
      'steps[0].citations[0].translation: missing translation into "en"',
      'steps[0].citations[0].translation.de: "de" is not one of the story\'s languages',
      expect.stringMatching(/^steps\[0\]\.text\.en: quoted words/),
    ]);
  });

  it('take one translation as text only where it can mean one language', () => {
    expect(issuesOf((d) => ((d.languages = ['nl']), stripTo(d, ['nl'])))).toEqual([
      'steps[0].citations[0].translation: the story has no language besides the source\'s ("nl") to translate into',
      'steps[1].citations[0].translation: the story has no language besides the source\'s ("nl") to translate into',
    ]);
    expect(issuesOf((d) => ((d.languages = ['nl', 'en', 'de']), addGerman(d)))).toEqual([
      'steps[0].citations[0].translation: give one translation per language: en, de',
      expect.stringMatching(/^steps\[0\]\.text\.en: quoted words/),
      expect.stringMatching(/^steps\[0\]\.text\.de: quoted words/),
      'steps[1].citations[0].translation: give one translation per language: en, de',
    ]);
    const story = storyOf();
    expect(story.steps[0]!.citations[0]).toEqual({ source: 'article', quote: 'Soms moet je weglopen.', translation: { en: 'Sometimes you walk.' } });
    const untranslated = (d: Doc) => {
      for (const step of d.steps) delete step.citations[0].translation;
      d.steps[0].text = Object.fromEntries(Object.keys(d.steps[0].text).map((l) => [l, 'Kim zweeg.']));
    };
    expect(storyOf((d) => ((d.languages = ['nl']), stripTo(d, ['nl']), untranslated(d))).steps[0]!.citations[0]).toEqual({ source: 'article', quote: 'Soms moet je weglopen.' });
    expect(issuesOf((d) => ((d.languages = ['nl', 'en', 'de']), addGerman(d), untranslated(d)))).toEqual([
      'steps[0].citations[0]: missing translation into "en", "de" (the quote is in "nl")',
      'steps[1].citations[0]: missing translation into "en", "de" (the quote is in "nl")',
    ]);
  });

  it('leave out what an author left out, and drop a feature shown twice', () => {
    const story = storyOf((d) => {
      d.steps[1].features.push('train-route');
      d.steps[0].context = { nl: 'Achtergrond.', en: 'Background.' };
      d.steps[1].camera = { center: [115, 30], zoom: 3, bearing: 20, pitch: 40 };
    });
    const [first, second] = story.steps;
    expect(Object.keys(first!)).toEqual(['id', 'date', 'title', 'text', 'context', 'camera', 'features', 'places', 'citations']);
    expect(first!.camera).toEqual({ center: [105.85, 21.03], zoom: 5, bearing: 0, pitch: 0 });
    expect(first!.features).toEqual([]);
    expect(second).toMatchObject({ features: ['train-route', 'ghost-flight'], route: { feature: 'train-route', from: 0, to: 1 }, calculation: 'flight-time' });
    expect(second!.camera).toEqual({ center: [115, 30], zoom: 3, bearing: 20, pitch: 40 });
    expect(second).not.toHaveProperty('context');
  });
});

describe('the story', () => {
  it('shows the places its steps and routes name, in the gazetteer’s order, named in its languages', () => {
    const refs: StoryRefs = {
      ...fixtureRefs,
      places: [
        { id: 'sinuiju', name: { en: 'Sinuiju' }, kind: 'station', coordinates: [124.4, 40.1], aliases: [], provenance: 'test' },
        ...fixtureRefs.places,
        { id: 'dandong', name: { zh: '丹东' }, kind: 'station', coordinates: [124.4, 40.0], aliases: [], provenance: 'test' },
        { id: 'beijing', name: { en: 'Beijing' }, kind: 'city', coordinates: [116.4, 39.9], aliases: [], provenance: 'test' },
      ],
      countryOf: (p) => (p[0] > 120 ? '408' : p[0] > 110 ? undefined : '704'),
    };
    const story = storyOf((d) => ((d.features[0].stops = ['pyongyang', 'dandong', 'sinuiju', 'hanoi']), (d.steps[1].route = { from: 'pyongyang', to: 'hanoi' })), refs);
    expect(story.places.map((p) => p.id)).toEqual(['sinuiju', 'hanoi', 'pyongyang', 'dandong']);
    expect(story.places.map((p) => p.name)).toEqual([
      { nl: 'Sinuiju', en: 'Sinuiju' },
      { nl: 'Hanoi', en: 'Hanoi' },
      { nl: 'Pyongyang', en: 'Pyongyang' },
      { nl: '丹东', en: '丹东' },
    ]);
    expect(story.places[0]).not.toHaveProperty('aliases');
    expect(story.focusCountries).toEqual(['408', '704']);
    expect(Object.keys(story.excerpts)).toEqual(['sinuiju', 'hanoi', 'pyongyang', 'dandong']);
    expect(story.excerpts.hanoi!.length).toBeGreaterThan(0);
  });

  it('is the document, checked: its id, languages, texts, sources, features, steps and calculations', () => {
    const story = storyOf();
    expect(Object.keys(story)).toEqual(['id', 'languages', 'title', 'intro', 'sources', 'places', 'features', 'steps', 'excerpts', 'calculations', 'focusCountries']);
    expect(story).toMatchObject({ id: 'test-story', languages: ['nl', 'en'], title: { nl: 'Test', en: 'Test' }, intro: { nl: 'Inleiding', en: 'Introduction' } });
    expect(story.features.map((f) => f.id)).toEqual(['train-route', 'ghost-flight']);
    expect(story.steps.map((s) => s.id)).toEqual(['first', 'second']);
    expect(Object.keys(story.calculations)).toEqual(['flight-time']);
  });
});

/** The fixture in the languages `langs` only. */
function stripTo(d: Doc, langs: string[]): void {
  const only = (t: Doc) => Object.fromEntries(langs.map((l) => [l, t[l]]));
  for (const key of ['title', 'intro']) d[key] = only(d[key]);
  d.sources[0].label = only(d.sources[0].label);
  for (const f of d.features) f.label = only(f.label);
  d.calculations[0].assumption = only(d.calculations[0].assumption);
  for (const s of d.steps) ((s.title = only(s.title)), (s.text = only(s.text)));
}

/** The fixture with German texts too. */
function addGerman(d: Doc): void {
  const de = (t: Doc) => ({ ...t, de: t.en });
  for (const key of ['title', 'intro']) d[key] = de(d[key]);
  d.sources[0].label = de(d.sources[0].label);
  for (const f of d.features) f.label = de(f.label);
  d.calculations[0].assumption = de(d.calculations[0].assumption);
  for (const s of d.steps) ((s.title = de(s.title)), (s.text = de(s.text)));
}
