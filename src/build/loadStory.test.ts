import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStoryFile, loadStory, StoryBuildError } from './loadStory';
import type { StoryRefs } from '../story/schema';
import { fixtureRefs } from '../story/fixtures/refs';

const fixtures = join(import.meta.dirname, '../story/fixtures');

const refs: StoryRefs = fixtureRefs;

function check(name: string) {
  const file = join(fixtures, name);
  return checkStoryFile(file, readFileSync(file, 'utf8'), refs, fixtures);
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

describe('story fixtures', () => {
  it('accepts the valid fixture and resolves its references', () => {
    const story = check('valid.yaml');
    expect(story.steps.map((s) => s.id)).toEqual(['first', 'second']);
    expect(story.steps[1]!.route).toEqual({ from: 0, to: 1 });
    expect(story.steps[0]!.camera).toEqual({ center: [105.85, 21.03], zoom: 5, bearing: 0, pitch: 0 });
    expect(story.sources[0]!.text.startsWith('Kim reisde')).toBe(true);
    expect(story.places.map((p) => p.id).sort()).toEqual(['hanoi', 'pyongyang']);
    expect(story.calculations['ghost-flight']?.distanceKm).toBe(2760);
  });

  // Each broken fixture's first line holds the exact message the build must print.
  const broken = readdirSync(fixtures).filter((f) => f.endsWith('.yaml') && f !== 'valid.yaml');
  it.each(broken)('%s fails with its expected message', (name) => {
    const expected = readFileSync(join(fixtures, name), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('# expect: '))
      .map((line) => line.slice('# expect: '.length));
    expect(expected.length).toBeGreaterThan(0);
    expect(problemsOf(name)).toEqual(expected);
  });
});

describe('files the YAML parser cannot read', () => {
  it('reports nesting too deep for the parser instead of crashing', () => {
    // 100,000 levels of `- - - …`: the parser's own recursion overflows the stack (was an uncaught RangeError).
    const text = readFileSync(join(fixtures, 'valid.yaml'), 'utf8').replace('places: [hanoi]', `places:\n      ${'- '.repeat(100_000)}x`);
    let problems: string[] = [];
    try {
      checkStoryFile(join(fixtures, 'story.yaml'), text, refs, fixtures);
    } catch (error) {
      if (!(error instanceof StoryBuildError)) throw error;
      problems = error.problems;
    }
    const line = text.split('\n').findIndex((l) => l.includes('- - - -')) + 1;
    expect(problems).toEqual([`story.yaml:${line}:7 places: nested too deeply to read (no story field needs more than a few levels)`]);
  });
});

describe('nesting at any depth', () => {
  it('is reported once, at a line, with the field it is in, wherever the parser or the conversion gives up', () => {
    const valid = readFileSync(join(fixtures, 'valid.yaml'), 'utf8');
    for (const depth of [50, 500, 1000, 1250, 1500, 1750, 2000, 3000, 5000, 10_000, 30_000]) {
      const text = valid.replace('places: [hanoi]', `places:\n        ${'- '.repeat(depth)}x`);
      let problems: string[] = [];
      try {
        checkStoryFile(join(fixtures, 'story.yaml'), text, refs, fixtures);
      } catch (error) {
        if (!(error instanceof StoryBuildError)) throw error;
        problems = error.problems;
      }
      expect(problems, `depth ${depth}`).toHaveLength(1);
      expect(problems[0], `depth ${depth}`).toMatch(/^story\.yaml:\d+:\d+ \S.*?: \S/su);
    }
  });
});

describe('quotes across a paragraph break', () => {
  // The article has "… Trump kwam per vliegtuig.\n\n„Soms moet je weglopen.” …": a paragraph break between two sentences.
  const withQuote = (quote: string) =>
    readFileSync(join(fixtures, 'valid.yaml'), 'utf8').replace('quote: Soms moet je weglopen.', `quote: ${quote}`);
  const problems = (text: string): string[] => {
    try {
      checkStoryFile(join(fixtures, 'story.yaml'), text, refs, fixtures);
      return [];
    } catch (error) {
      if (error instanceof StoryBuildError) return error.problems;
      throw error;
    }
  };

  it('accepts a quote that is verbatim but for white space: the break may be a space or a line break', () => {
    expect(problems(withQuote('Trump kwam per vliegtuig. „Soms moet je weglopen.”'))).toEqual([]);
    expect(problems(withQuote('|-\n          Trump kwam per vliegtuig.\n\n          „Soms moet je weglopen.”'))).toEqual([]);
  });

  it('rejects the same quote with the break removed: white space may differ, not disappear', () => {
    expect(problems(withQuote('Trump kwam per vliegtuig.„Soms moet je weglopen.”'))).toEqual([
      'story.yaml:20:16 steps[0].citations[0].quote: quote not found verbatim in source "article" (sources/article.txt); ' +
        'closest passage: "Trump kwam per vliegtuig. „Soms moet je weglopen.”"',
    ]);
  });
});

describe('a quote found in other sources', () => {
  it('names every source that has it verbatim', () => {
    const text = readFileSync(join(fixtures, 'quote-wrong-source.yaml'), 'utf8').replace(
      '    label: { nl: Interview, en: Interview }\n',
      '    label: { nl: Interview, en: Interview }\n  - id: interview-copy\n    file: sources/interview.txt\n    date: 2019-02\n    language: nl\n    label: { nl: Kopie, en: Copy }\n',
    );
    let problems: string[] = [];
    try {
      checkStoryFile(join(fixtures, 'story.yaml'), text, refs, fixtures);
    } catch (error) {
      if (!(error instanceof StoryBuildError)) throw error;
      problems = error.problems;
    }
    expect(problems).toEqual([
      'story.yaml:31:16 steps[0].citations[0].quote: quote not found verbatim in source "article" (sources/article.txt); ' +
        'closest passage: "„Soms moet je weglopen.”"; found verbatim in sources "interview" (sources/interview.txt), ' +
        '"interview-copy" (sources/interview.txt): cite one of those',
    ]);
  });
});

describe('the real story', () => {
  it('loads and every citation was verified', () => {
    const { story } = loadStory(join(import.meta.dirname, '../..'), 'trump-kim-summits');
    expect(story.steps.length).toBeGreaterThanOrEqual(10);
    for (const step of story.steps) expect(step.citations.length).toBeGreaterThan(0);
  });
});

describe('the export', () => {
  it('has the public shape other tools rely on', async () => {
    const { exportStory } = await import('../story/exportStory');
    const { story } = loadStory(join(import.meta.dirname, '../..'), 'trump-kim-summits');
    const out = exportStory(story);
    expect(Object.keys(out)).toEqual(['id', 'title', 'sources', 'places', 'steps']);
    expect(Object.keys(out.sources[0]!)).toEqual(['id', 'date', 'language', 'label', 'text']);
    expect(Object.keys(out.places[0]!)).toEqual(['id', 'name', 'coordinates']);
    expect(Object.keys(out.steps[0]!)).toEqual(['id', 'date', 'title', 'text', 'camera', 'places', 'citations']);
    expect(Object.keys(out.steps[0]!.camera)).toEqual(['center', 'zoom', 'bearing', 'pitch']);
    expect(Object.keys(out.steps[0]!.citations[0]!)).toEqual(['source', 'quote']);
    // The sources are exported verbatim: the article file is the date line plus this text.
    const file = readFileSync(join(import.meta.dirname, '../../stories/trump-kim-summits', story.sources[0]!.file), 'utf8');
    expect(file.endsWith(out.sources[0]!.text)).toBe(true);
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
  it.each(Object.entries(delivered))('%s is unchanged', async (name, sha) => {
    const { createHash } = await import('node:crypto');
    const bytes = readFileSync(join(import.meta.dirname, '../../stories/trump-kim-summits/sources', name));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha);
  });
});
