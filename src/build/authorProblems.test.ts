import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStoryFile, StoryBuildError } from './loadStory';
import { fixtureRefs } from '../story/fixtures/refs';
import { locateSteps, parseProblem } from './authorProblems';

const fixtures = join(import.meta.dirname, '../story/fixtures');
const valid = readFileSync(join(fixtures, 'valid.yaml'), 'utf8');

/** What the page gets for a story text: the build's problems, taken apart and tied to steps. */
function pageProblems(text: string) {
  try {
    checkStoryFile(join(fixtures, 'story.yaml'), text, fixtureRefs, fixtures);
  } catch (error) {
    if (error instanceof StoryBuildError) return locateSteps(error.problems.map(parseProblem), 'story.yaml', text);
    throw error;
  }
  return [];
}

describe('build problems on the page', () => {
  it('a misquote: file, line, field, message, the closest passage apart, at its step', () => {
    const text = valid.replace('quote: Soms moet je weglopen.', 'quote: Soms moet je wegrennen.');
    const [problem, ...rest] = pageProblems(text);
    expect(rest).toEqual([]);
    expect(problem).toEqual({
      file: 'story.yaml',
      line: text.split('\n').findIndex((l) => l.includes('wegrennen')) + 1,
      column: 16,
      field: 'steps[0].citations[0].quote',
      message: 'quote not found verbatim in source "article" (sources/article.txt)',
      closest: expect.stringContaining('Soms moet je weglopen.') as string,
      step: { index: 0, id: 'first' },
    });
  });

  it('an unknown place and a misspelt field, at their steps', () => {
    const [place] = pageProblems(valid.replace('places: [pyongyang, hanoi]', 'places: [pyongyang, hanoy]'));
    expect(place).toMatchObject({ field: 'steps[1].places[1]', message: expect.stringMatching(/unknown place id "hanoy"/) as string, step: { index: 1, id: 'second' } });
    const fields = pageProblems(valid.replace('    title: { nl: Eerste, en: First }', '    titel: { nl: Eerste, en: First }'));
    expect(fields.map((p) => [p.field, p.step])).toEqual([
      ['steps[0].title', { index: 0, id: 'first' }],
      ['steps[0].titel', { index: 0, id: 'first' }],
    ]);
  });

  it('a syntax error, which names no field, at the step whose lines it is on', () => {
    const text = valid.replace('    text: { nl: De trein., en: The train. }', '    text: { nl: De trein., en: "The train. }');
    const [problem] = pageProblems(text);
    expect(problem?.field).toBe('');
    expect(problem?.line).toBeGreaterThan(text.split('\n').findIndex((l) => l.includes('id: second')));
    expect(problem?.step?.id).toBe('second');
  });

  it('keeps what follows a closest passage, and lines without a position', () => {
    const p = parseProblem('s/story.yaml:3:5 steps[1].citations[0].quote: quote not found verbatim in source "a" (sources/a.txt); closest passage: "He said “no”."; found verbatim in source "b" (sources/b.txt): cite that source');
    expect(p.closest).toBe('He said “no”.');
    expect(p.message).toBe('quote not found verbatim in source "a" (sources/a.txt); found verbatim in source "b" (sources/b.txt): cite that source');
    expect(parseProblem('stories/x: a story folder needs a story.yaml')).toEqual({ file: 'stories/x', line: 0, column: 0, field: '', message: 'a story folder needs a story.yaml' });
    expect(parseProblem('geo/places.geojson:12:1 features[id=hanoi].geometry: a place is a Point')).toMatchObject({ line: 12, field: 'features[id=hanoi].geometry', message: 'a place is a Point' });
  });
});
