import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkStoryFile, discoverStories, listStories, loadRefs, loadStory, loadStoryFolder, RESERVED_IDS, storiesDir, StoryBuildError } from './loadStory';
import type { StoryRefs } from '../story/schema';
import { fixtureRefs } from '../story/fixtures/refs';

const root = join(import.meta.dirname, '../..');
const fixtures = join(import.meta.dirname, '../story/fixtures');

const refs: StoryRefs = fixtureRefs;

function check(name: string) {
  const file = join(fixtures, name);
  return checkStoryFile(file, readFileSync(file, 'utf8'), refs, fixtures);
}

/** The problems the build reports for a story text (checked as `story.yaml` in the fixtures folder), or none. */
function problemsOfText(text: string, r: StoryRefs = refs): string[] {
  try {
    checkStoryFile(join(fixtures, 'story.yaml'), text, r, fixtures);
    return [];
  } catch (error) {
    if (error instanceof StoryBuildError) return error.problems;
    throw error;
  }
}

function problemsOf(name: string): string[] {
  try {
    check(name);
  } catch (error) {
    if (error instanceof StoryBuildError) return error.problems;
    throw error;
  }
  return [];
}

const validText = readFileSync(join(fixtures, 'valid.yaml'), 'utf8');
/** The 1-based number of the first line of `text` that contains `part`. */
const lineOf = (text: string, part: string) => text.split('\n').findIndex((l) => l.includes(part)) + 1;

describe('story fixtures', () => {
  it('accepts the valid fixture and resolves its references', () => {
    const story = check('valid.yaml');
    expect(story.languages).toEqual(['nl', 'en']);
    expect(story.steps.map((s) => s.id)).toEqual(['first', 'second']);
    // Stops named by place, drawn by fraction of the route's drawn length.
    expect(story.steps[1]!.route).toEqual({ feature: 'train-route', from: 0, to: 1 });
    expect(story.steps[1]!.features).toEqual(['train-route', 'ghost-flight']);
    expect(story.steps[0]!.features).toEqual([]);
    expect(story.steps[0]!.camera).toEqual({ center: [105.85, 21.03], zoom: 5, bearing: 0, pitch: 0 });
    expect(story.sources[0]!.text.startsWith('Kim reisde')).toBe(true);
    expect(story.places.map((p) => p.id).sort()).toEqual(['hanoi', 'pyongyang']);
    // A plain-text translation is the one language the quote needs.
    expect(story.steps[0]!.citations[0]!.translation).toEqual({ en: 'Sometimes you walk.' });
    // Calculated at build time: great circle Hanoi–Pyongyang, and the time at the assumed speed.
    expect(story.calculations['flight-time']).toEqual({
      id: 'flight-time',
      kind: 'distance',
      from: { id: 'hanoi', name: { nl: 'Hanoi', en: 'Hanoi' } },
      to: { id: 'pyongyang', name: { nl: 'Pyongyang', en: 'Pyongyang' } },
      distanceKm: 2757,
      speedKmh: 900,
      minutes: 184,
      assumption: { nl: 'gangbaar', en: 'typical' },
    });
    const [route, arc] = story.features;
    expect(route).toMatchObject({ id: 'train-route', kind: 'route', coordinates: [[125.75, 39.02], [105.85, 21.03]] });
    expect(route?.kind === 'route' && route.stops).toEqual([
      { place: 'pyongyang', mode: 'rail', inferred: false, progress: 0 },
      { place: 'hanoi', mode: 'rail', inferred: false, progress: 1 },
    ]);
    expect(arc).toMatchObject({ id: 'ghost-flight', kind: 'arc', from: 'hanoi', to: 'pyongyang', status: 'offered', distanceKm: 2757 });
    // Provenance generated from the data, in every story language.
    expect(route?.provenance.en).toBe('Drawn as straight lines between the stops, not the actual track.');
    expect(arc?.provenance).toEqual({ nl: expect.stringContaining('Hanoi–Pyongyang') as string, en: 'Great circle Hanoi–Pyongyang, calculated by us.' });
  });

  it('accepts a story in one language, quoting sources in another', () => {
    const story = check('valid-one-language.yaml');
    expect(story.languages).toEqual(['en']);
    expect(story.title).toEqual({ en: 'Test' });
    expect(story.places.find((p) => p.id === 'hanoi')?.name).toEqual({ en: 'Hanoi' });
    expect(story.steps[1]!.citations[0]!.translation).toEqual({ en: 'Kim travelled to Hanoi by train.' });
    expect(Object.keys(story.features[0]!.provenance)).toEqual(['en']);
  });

  it('accepts a story in three languages, each with its interface catalogue', () => {
    const story = check('valid-three-languages.yaml');
    expect(story.languages).toEqual(['nl', 'en', 'de']);
    expect(story.places.find((p) => p.id === 'pyongyang')?.name).toEqual({ nl: 'Pyongyang', en: 'Pyongyang', de: 'Pjöngjang' });
    expect(story.steps[0]!.citations[0]!.translation).toEqual({ en: 'Sometimes you walk.', de: 'Manchmal muss man gehen.' });
    for (const f of story.features) expect(Object.keys(f.provenance), f.id).toEqual(['nl', 'en', 'de']);
    // The road leg is named in each language's provenance.
    expect(story.features[0]!.provenance.de).toContain('Pjöngjang–Hanoi');
    expect(story.calculations['train-distance']).toMatchObject({ kind: 'route-length', distanceKm: 2757 });
    expect(story.calculations['train-distance']!.speedKmh).toBeUndefined();
  });

  it('reports a feature that fails its own checks once, not again at each step that shows it', () => {
    const text = readFileSync(join(fixtures, 'valid.yaml'), 'utf8').replace('stops: [pyongyang, hanoi]', 'stops: [pyongyang, hue]');
    const problems = problemsOfText(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/features\[0\]\.stops\[1\]: unknown place id "hue"/);
  });

  it('accepts a story without routes: an arc drawn in part, a line, a country and a shape', () => {
    const story = check('valid-without-routes.yaml');
    expect(story.features.map((f) => [f.id, f.kind])).toEqual([
      ['flight-home', 'arc'],
      ['demarcation-line', 'line'],
      ['north-korea', 'area'],
      ['summit-zone', 'area'],
    ]);
    expect(story.steps.every((s) => s.route === undefined)).toBe(true);
    const arc = story.features[0]!;
    expect(arc.kind === 'arc' && arc.shownKm).toBe(1000);
    expect(arc.provenance.en).toMatch(/Only its first 1,000 km are drawn/);
    expect(story.features[1]!.provenance.en).toMatch(/Natural Earth/);
    expect(story.features[3]!.provenance).toEqual({ nl: 'Getekend door de redactie.', en: 'Drawn by the editors.' });
    expect(story.calculations.distance).toMatchObject({ distanceKm: 2757 });
    expect(story.calculations.distance!.minutes).toBeUndefined();
  });

  // Each broken fixture's first lines hold the exact messages the build must print.
  const broken = readdirSync(fixtures).filter((f) => f.endsWith('.yaml') && !f.startsWith('valid'));
  it.each(broken)('%s fails with its expected message', (name) => {
    const expected = readFileSync(join(fixtures, name), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('# expect: '))
      .map((line) => line.slice('# expect: '.length));
    expect(expected.length).toBeGreaterThan(0);
    expect(problemsOf(name)).toEqual(expected);
  });

  it('has a fixture for every rule the issue names, and the valid ones say so', () => {
    const names = readdirSync(fixtures);
    for (const rule of [
      'unknown-feature-kind',
      'route-stop-not-a-place',
      'arc-end-not-a-place',
      'undeclared-feature',
      'missing-language-text',
      'language-without-catalogue',
      'speed-without-assumption',
      'route-feature-not-shown',
      'copied-from-uncited-source',
      'translation-missing',
    ]) {
      expect(names, rule).toContain(`${rule}.yaml`);
    }
    for (const name of names.filter((f) => f.startsWith('valid'))) expect(readFileSync(join(fixtures, name), 'utf8').split('\n')[0], name).toBe('# expect: valid');
  });
});

describe('the six-word rule', () => {
  const copying = readFileSync(join(fixtures, 'copied-from-uncited-source.yaml'), 'utf8');

  it('accepts the copied words once the step cites their source', () => {
    const cited = copying.replace(
      '        translation: Kim travelled to Hanoi by train.\n',
      '        translation: Kim travelled to Hanoi by train.\n      - source: interview\n        quote: Kim zweeg.\n        translation: Kim kept silent.\n',
    );
    expect(cited).not.toBe(copying);
    expect(problemsOfText(cited)).toEqual([]);
  });

  it('accepts five words in a row from an uncited source', () => {
    const five = copying.replace('text: { nl: Na afloop zei hij soms moet je gewoon weglopen.', 'text: { nl: Na afloop zei hij soms dat het zo moest.');
    expect(five).not.toBe(copying);
    expect(problemsOfText(five)).toEqual([]);
  });
});

describe('the map features', () => {
  it('rejects an arc that would cross the antimeridian, at its end', () => {
    const far: StoryRefs = {
      ...refs,
      places: [...refs.places, { id: 'honolulu', name: { nl: 'Honolulu', en: 'Honolulu' }, kind: 'city', coordinates: [-157.86, 21.31], aliases: [], provenance: 'test' }],
    };
    // No step shows the arc, so its end is the only problem.
    const text = validText.replace('    to: pyongyang\n    status: offered', '    to: honolulu\n    status: offered').replace('features: [train-route, ghost-flight]', 'features: [train-route]');
    expect(problemsOfText(text, far)).toEqual([
      `story.yaml:${lineOf(text, 'to: honolulu')}:9 features[1].to: the great circle from "hanoi" to "honolulu" crosses the antimeridian, which the map cannot draw as one line`,
    ]);
  });

  it('rejects a route progress that runs backwards along the route', () => {
    const text = validText.replace('route: { from: pyongyang, to: hanoi }', 'route: { from: hanoi, to: pyongyang }');
    expect(problemsOfText(text)).toEqual([`story.yaml:${lineOf(text, 'route: {')}:31 steps[1].route.to: stop "pyongyang" comes before "hanoi" on route "train-route"`]);
  });

  it('takes a feature a step lists twice for one feature: its one route needs no name', () => {
    const text = validText.replace('features: [train-route, ghost-flight]', 'features: [train-route, ghost-flight, train-route]');
    expect(problemsOfText(text)).toEqual([]);
    expect(checkStoryFile(join(fixtures, 'story.yaml'), text, refs, fixtures).steps[1]!.features).toEqual(['train-route', 'ghost-flight']);
  });

  it('asks which route a step draws when it shows two', () => {
    const text = validText
      .replace('calculations:\n', '  - id: train-home\n    kind: route\n    label: { nl: Terug, en: Home }\n    stops: [hanoi, pyongyang]\ncalculations:\n')
      .replace('features: [train-route, ghost-flight]', 'features: [train-route, train-home]');
    expect(problemsOfText(text)).toEqual([
      `story.yaml:${lineOf(text, 'route: {')}:12 steps[1].route: the step shows several routes: name one as route.feature (train-route, train-home)`,
    ]);
    const named = text.replace('route: { from: pyongyang, to: hanoi }', 'route: { feature: train-home, from: hanoi, to: pyongyang }');
    expect(checkStoryFile(join(fixtures, 'story.yaml'), named, refs, fixtures).steps[1]!.route).toEqual({ feature: 'train-home', from: 0, to: 1 });
  });

  it('rejects a step that names a calculation the story does not declare', () => {
    const text = validText.replace('calculation: flight-time', 'calculation: flight-tim');
    expect(problemsOfText(text)).toEqual([`story.yaml:${lineOf(text, 'calculation: flight-tim')}:18 steps[1].calculation: unknown calculation "flight-tim" (declared: flight-time)`]);
  });

  it('rejects an assumption without a speed, and a shape of the wrong kind', () => {
    const noSpeed = validText.replace('distance: { from: hanoi, to: pyongyang, speedKmh: 900 }', 'distance: { from: hanoi, to: pyongyang }');
    expect(problemsOfText(noSpeed)).toEqual([
      `story.yaml:${lineOf(noSpeed, 'assumption:')}:17 calculations[0].assumption: an assumption goes with a speed (\`speedKmh\`); without one there is nothing to assume`,
    ]);
    const wrongShape = validText.replace('features:\n', 'features:\n  - id: zone\n    kind: line\n    shape: summit-zone\n    label: { nl: Zone, en: Zone }\n');
    expect(problemsOfText(wrongShape)).toEqual([
      `story.yaml:${lineOf(wrongShape, 'shape: summit-zone')}:12 features[0].shape: shape "summit-zone" is a Polygon, not a line (lines known: demarcation-line)`,
    ]);
  });
});

describe('files the YAML parser cannot read', () => {
  it('reports nesting too deep for the parser instead of crashing', () => {
    // 100,000 levels of `- - - …`: the parser's own recursion overflows the stack (was an uncaught RangeError).
    const text = validText.replace('places: [hanoi]', `places:\n      ${'- '.repeat(100_000)}x`);
    const line = text.split('\n').findIndex((l) => l.includes('- - - -')) + 1;
    expect(problemsOfText(text)).toEqual([`story.yaml:${line}:7 places: nested too deeply to read (no story field needs more than a few levels)`]);
  });
});

describe('nesting at any depth', () => {
  it('is reported once, at a line, with the field it is in, wherever the parser or the conversion gives up', () => {
    for (const depth of [50, 500, 1000, 1250, 1500, 1750, 2000, 3000, 5000, 10_000, 30_000]) {
      const text = validText.replace('places: [hanoi]', `places:\n        ${'- '.repeat(depth)}x`);
      const problems = problemsOfText(text);
      expect(problems, `depth ${depth}`).toHaveLength(1);
      expect(problems[0], `depth ${depth}`).toMatch(/^story\.yaml:\d+:\d+ \S.*?: \S/su);
    }
  });
});

describe('quotes across a paragraph break', () => {
  // The article has "… De president kwam per vliegtuig.\n\n„Soms moet je weglopen.” …": a paragraph break between two sentences.
  const withQuote = (quote: string) => validText.replace('quote: Soms moet je weglopen.', `quote: ${quote}`);

  it('accepts a quote that is verbatim but for white space: the break may be a space or a line break', () => {
    expect(problemsOfText(withQuote('De president kwam per vliegtuig. „Soms moet je weglopen.”'))).toEqual([]);
    expect(problemsOfText(withQuote('|-\n          De president kwam per vliegtuig.\n\n          „Soms moet je weglopen.”'))).toEqual([]);
  });

  it('rejects the same quote with the break removed: white space may differ, not disappear', () => {
    const text = withQuote('De president kwam per vliegtuig.„Soms moet je weglopen.”');
    expect(problemsOfText(text)).toEqual([
      `story.yaml:${lineOf(text, 'quote: De president')}:16 steps[0].citations[0].quote: quote not found verbatim in source "article" (sources/article.txt); ` +
        'closest passage: "De president kwam per vliegtuig. „Soms moet je weglopen.”"',
    ]);
  });
});

describe('a quote found in other sources', () => {
  it('names every source that has it verbatim', () => {
    const text = readFileSync(join(fixtures, 'quote-wrong-source.yaml'), 'utf8').replace(
      '    label: { nl: Interview, en: Interview }\n',
      '    label: { nl: Interview, en: Interview }\n  - id: interview-copy\n    file: sources/interview.txt\n    date: 2019-02\n    language: nl\n    label: { nl: Kopie, en: Copy }\n',
    );
    expect(problemsOfText(text)).toEqual([
      `story.yaml:${lineOf(text, 'quote: Soms moet je gewoon')}:16 steps[0].citations[0].quote: quote not found verbatim in source "article" (sources/article.txt); ` +
        'closest passage: "„Soms moet je weglopen.”"; found verbatim in sources "interview" (sources/interview.txt), ' +
        '"interview-copy" (sources/interview.txt): cite one of those',
    ]);
  });
});

// ---- story folders --------------------------------------------------------------------------------

/** A fixture story as a folder: `story.yaml` with id `id`, and the article files it cites. */
function writeStory(stories: string, folder: string, id: string, text = validText): string {
  const dir = join(stories, folder);
  mkdirSync(join(dir, 'sources'), { recursive: true });
  writeFileSync(join(dir, 'story.yaml'), text.replace('id: test-story', `id: ${id}`));
  for (const [file, content] of Object.entries(refs.files)) writeFileSync(join(dir, file), content);
  return dir;
}

/** A GeoJSON file of places, one property per line so each `"id"` has a line of its own. */
function placesFile(places: { id: string; coordinates: [number, number]; kind?: string }[]): string {
  const features = places.map((p) => ({
    type: 'Feature',
    properties: { id: p.id, name: { nl: p.id, en: p.id }, kind: p.kind ?? 'city', aliases: [p.id], provenance: 'test' },
    geometry: { type: 'Point', coordinates: p.coordinates },
  }));
  return `${JSON.stringify({ type: 'FeatureCollection', features }, null, 2)}\n`;
}

function problemsThrownBy(f: () => unknown): string[] {
  try {
    f();
  } catch (error) {
    if (error instanceof StoryBuildError) return error.problems;
    throw error;
  }
  throw new Error('no problem reported');
}

describe('story folders', () => {
  let stories: string;
  beforeEach(() => {
    stories = mkdtempSync(join(tmpdir(), 'stories-'));
    vi.stubEnv('STORY_MAP_STORIES', stories);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    rmSync(stories, { recursive: true, force: true });
  });
  const shown = (...parts: string[]) => relative(root, join(stories, ...parts));

  it('are found in $STORY_MAP_STORIES, by the id each declares, skipping files and hidden folders', () => {
    writeStory(stories, 'b-folder', 'second-story');
    writeStory(stories, 'a-folder', 'first-story');
    mkdirSync(join(stories, '.cache'));
    writeFileSync(join(stories, 'story.schema.json'), '{}');
    expect(storiesDir(root)).toBe(stories);
    expect(discoverStories(root)).toEqual([
      { id: 'first-story', dir: join(stories, 'a-folder') },
      { id: 'second-story', dir: join(stories, 'b-folder') },
    ]);
    expect(listStories(root)).toEqual(['first-story', 'second-story']);
    const { story, watchFiles } = loadStory(root, 'second-story');
    expect(story.id).toBe('second-story');
    expect(watchFiles).toContain(join(stories, 'b-folder', 'story.yaml'));
    expect(watchFiles).toContain(join(stories, 'b-folder', 'sources', 'article.txt'));
    expect(watchFiles).toContain(join(root, 'geo', 'places.geojson'));
  });

  it('is the repository folder stories/ without the variable, and a relative value is relative to the root', () => {
    vi.stubEnv('STORY_MAP_STORIES', '');
    expect(storiesDir(root)).toBe(join(root, 'stories'));
    vi.stubEnv('STORY_MAP_STORIES', 'src/story/fixtures');
    expect(storiesDir(root)).toBe(fixtures);
  });

  it('fail when two folders declare the same id, naming both files', () => {
    writeStory(stories, 'one', 'same-story');
    writeStory(stories, 'two', 'same-story');
    const problems = problemsThrownBy(() => discoverStories(root));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^\S+:\d+:\d+ id: "same-story" is also the id of \S+: every story needs its own id$/);
    expect(problems[0]!.startsWith(`${shown('two', 'story.yaml')}:`)).toBe(true);
    expect(problems[0]).toContain(` ${shown('one', 'story.yaml')}:`);
  });

  it('fail when a folder has no story.yaml', () => {
    writeStory(stories, 'good', 'good-story');
    mkdirSync(join(stories, 'empty', 'sources'), { recursive: true });
    expect(problemsThrownBy(() => discoverStories(root))).toEqual([`${shown('empty')}: a story folder needs a story.yaml (npm run new-story -- <id> makes one)`]);
    expect(problemsThrownBy(() => loadStory(root, 'good-story'))).toHaveLength(1);
  });

  it('may not take an id the site uses for its own files', () => {
    expect([...RESERVED_IDS]).toContain('assets');
    const dir = writeStory(stories, 'assets', 'assets');
    // Reported at the line that declares the id.
    const line = readFileSync(join(dir, 'story.yaml'), 'utf8').split('\n').findIndex((l) => l.startsWith('id: ')) + 1;
    expect(line).toBeGreaterThan(0);
    expect(problemsThrownBy(() => discoverStories(root))).toEqual([
      `${shown('assets', 'story.yaml')}:${line}:5 id: "assets" is reserved for the site's own files; choose another id`,
    ]);
  });

  it('report an unknown story id', () => {
    writeStory(stories, 'good', 'good-story');
    expect(problemsThrownBy(() => loadStory(root, 'other-story'))).toEqual([`${relative(root, stories)}: no story with id "other-story"`]);
  });

  it('report problems in a story file with the file, line and field', () => {
    writeStory(stories, 'bad', 'bad-story', validText.replace('places: [hanoi]', 'places: [hanoi, seoul]'));
    const problems = problemsThrownBy(() => loadStory(root, 'bad-story'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${shown('bad', 'story.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${lineOf(validText, 'places: [hanoi]')}:21 steps\\[0\\]\\.places\\[1\\]: unknown place id "seoul" \\(known: `));
  });

  it("may add places of their own in places.geojson, which the story's steps and features use", () => {
    const dir = writeStory(stories, 'own', 'own-places', validText.replace('places: [hanoi]', 'places: [hanoi, hue]').replace('stops: [pyongyang, hanoi]', 'stops: [pyongyang, hue, hanoi]'));
    // A new place, and a shared one repeated at the same position (allowed: it is the same place).
    writeFileSync(join(dir, 'places.geojson'), placesFile([{ id: 'hue', coordinates: [107.5847, 16.4637], kind: 'station' }, { id: 'hanoi', coordinates: [105.8542, 21.0285] }]));
    const { story, watchFiles } = loadStoryFolder(root, { id: 'own-places', dir });
    const hue = story.places.find((p) => p.id === 'hue');
    expect(hue).toMatchObject({ id: 'hue', kind: 'station', coordinates: [107.5847, 16.4637] });
    expect(story.features[0]?.kind === 'route' && story.features[0].stops.map((s) => s.place)).toEqual(['pyongyang', 'hue', 'hanoi']);
    expect(watchFiles).toContain(join(dir, 'places.geojson'));
    // The shared gazetteer's own record is kept.
    expect(story.places.find((p) => p.id === 'hanoi')?.name.en).toBe('Hanoi');
  });

  it('may not give a place of the shared gazetteer another position: the file, its line and the field are named', () => {
    const dir = writeStory(stories, 'moved', 'moved-hanoi');
    const text = placesFile([{ id: 'hue', coordinates: [107.5847, 16.4637] }, { id: 'hanoi', coordinates: [105.9, 21.1] }]);
    writeFileSync(join(dir, 'places.geojson'), text);
    const line = lineOf(text, '"id": "hanoi"');
    expect(line).toBeGreaterThan(1);
    expect(problemsThrownBy(() => loadStoryFolder(root, { id: 'moved-hanoi', dir }))).toEqual([
      `${shown('moved', 'places.geojson')}:${line}:1 features[id=hanoi].geometry: place "hanoi" is at [105.9, 21.1] here ` +
        'but at [105.8542, 21.0285] in geo/places.geojson: one place has one position (rename it if it is another place)',
    ]);
  });

  it('may add shapes of their own in shapes.geojson', () => {
    const dir = writeStory(stories, 'shapes', 'own-shapes', validText.replace('features:\n', 'features:\n  - id: border\n    kind: line\n    shape: river\n    label: { nl: Rivier, en: River }\n'));
    writeFileSync(
      join(dir, 'shapes.geojson'),
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { id: 'river', provenance: { nl: 'Getekend.', en: 'Drawn.' } }, geometry: { type: 'LineString', coordinates: [[124.3, 40.1], [124.5, 40.0]] } }],
      }),
    );
    const { story } = loadStoryFolder(root, { id: 'own-shapes', dir });
    expect(story.features[0]).toEqual({ id: 'border', kind: 'line', label: { nl: 'Rivier', en: 'River' }, coordinates: [[[124.3, 40.1], [124.5, 40.0]]], provenance: { nl: 'Getekend.', en: 'Drawn.' } });
    // The shapes of one story folder are not another's.
    expect(loadRefs(root, join(stories, 'none')).refs.shapes.map((s) => s.id)).not.toContain('river');
  });

  it('may not reuse the id of a shared shape for a shape of their own', () => {
    const dir = writeStory(stories, 'shapes', 'own-shapes');
    const shared = loadRefs(root, join(stories, 'none')).refs.shapes[0]!.id;
    writeFileSync(
      join(dir, 'shapes.geojson'),
      `{"type":"FeatureCollection","features":[\n{"type":"Feature","properties":{"id":"${shared}"},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}}]}`,
    );
    expect(problemsThrownBy(() => loadStoryFolder(root, { id: 'own-shapes', dir }))).toEqual([
      `${shown('shapes', 'shapes.geojson')}:2:1 features[id=${shared}]: shape "${shared}" is also in geo/shapes.geojson: give this one another id`,
    ]);
  });
});

// ---- the published stories ----------------------------------------------------------------------

describe('the published stories', () => {
  const ids = listStories(root);

  it('are at least one, each in its own folder', () => {
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(ids)('%s loads, in the languages it declares, and every citation was verified', (id) => {
    const { story } = loadStory(root, id);
    expect(story.id).toBe(id);
    expect(story.languages.length).toBeGreaterThan(0);
    expect(Object.keys(story.title)).toEqual(story.languages);
    expect(story.steps.length).toBeGreaterThanOrEqual(3);
    for (const step of story.steps) {
      expect(step.citations.length, step.id).toBeGreaterThan(0);
      expect(Object.keys(step.text), step.id).toEqual(story.languages);
      for (const f of step.features) expect(story.features.map((x) => x.id), step.id).toContain(f);
    }
    for (const f of story.features) expect(Object.keys(f.provenance), f.id).toEqual(story.languages);
  });
});

describe('the source articles', () => {
  // SHA-256 of the articles exactly as the newsroom delivered them: any edit, even of white space, fails here.
  const delivered: Record<string, string> = {
    '000_d482f83375753296.txt': 'ceb1f8dc5fad7697c7488ed14b472774a62d3ea013b2a2c5fbe3f779be26b2f7',
    '001_b4ec18b8cba0ac6d.txt': '983b5e1f1e129ecf269c73fcf93bce22509059d79b8b328675193dab3b42213e',
    '002_ac6ae7ebca3249d4.txt': '63657d74df375d994cc1d648f38c3cabb3b10e8e0b3a521cc736e43580164d79',
    '003_726e3a54e11f202f.txt': '2d1fef5d6e0d8ef9e43546a6ecd6cdb00de8ba8e424006359c65f9d6b23a5b59',
    '004_4e0030159dbef73c.txt': '42e4f0e462d348c8318fdb5f0c528b9f8cfa7d9e8e039d48a03bd27f3b2abacd',
  };
  const articles = discoverStories(root).flatMap(({ dir }) =>
    readdirSync(join(dir, 'sources'))
      .filter((name) => name.endsWith('.txt'))
      .map((name) => [relative(root, join(dir, 'sources', name)), name] as const),
  );

  it('are there in every story that cites them', () => {
    expect(articles.length).toBeGreaterThan(0);
  });

  it.each(articles)('%s is one of the delivered articles, unchanged', (path, name) => {
    expect(Object.keys(delivered)).toContain(name);
    const bytes = readFileSync(join(root, path));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(delivered[name]);
  });
});
