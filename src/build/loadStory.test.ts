import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStoryFile, loadStory, StoryBuildError } from './loadStory';
import type { StoryRefs } from '../story/schema';

const fixtures = join(import.meta.dirname, '../story/fixtures');

const refs: StoryRefs = {
  places: [
    { id: 'hanoi', name: { nl: 'Hanoi', en: 'Hanoi' }, kind: 'city', coordinates: [105.85, 21.03], aliases: ['Hanoi'], provenance: 'test' },
    { id: 'pyongyang', name: { nl: 'Pyongyang', en: 'Pyongyang' }, kind: 'city', coordinates: [125.75, 39.02], aliases: ['Pyongyang'], provenance: 'test' },
  ],
  stations: [
    { id: 'pyongyang', fraction: 0 },
    { id: 'hanoi', fraction: 1 },
  ],
  files: {
    'sources/article.txt':
      ' date 2019-02 Kim reisde met de trein naar Hanoi. Trump kwam per vliegtuig.\n\n„Soms moet je weglopen.” Dat zei Trump in Hanoi.',
  },
  calculations: { 'ghost-flight': { from: 'hanoi', to: 'pyongyang', distanceKm: 2760, cruiseSpeedKmh: 900, flightMinutes: 184 } },
};

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

describe('the real story', () => {
  it('loads and every citation was verified', () => {
    const { story } = loadStory(join(import.meta.dirname, '../..'), 'trump-kim-summits');
    expect(story.steps.length).toBeGreaterThanOrEqual(10);
    for (const step of story.steps) expect(step.citations.length).toBeGreaterThan(0);
  });
});
