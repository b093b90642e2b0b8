import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadStory } from './loadStory';
import { newStory } from './newStory';

const repo = join(import.meta.dirname, '../..');
let stories: string;

beforeEach(() => {
  stories = mkdtempSync(join(tmpdir(), 'new-story-'));
  process.env.STORY_MAP_STORIES = stories;
});
afterEach(() => {
  delete process.env.STORY_MAP_STORIES;
  rmSync(stories, { recursive: true, force: true });
});

describe('npm run new-story', () => {
  it('scaffolds a story that passes every check of the build at once, in the languages asked for', () => {
    newStory(repo, 'election-night', ['en', 'nl'], new Date('2026-12-02T12:00:00Z'));
    const { story } = loadStory(repo, 'election-night');
    expect(story.languages).toEqual(['en', 'nl']);
    expect(story.steps).toHaveLength(1);
    // The placeholder says what it is, in the source and in its label.
    expect(story.sources[0]!.text).toMatch(/placeholder/i);
    expect(story.sources[0]!.label.en).toMatch(/placeholder/i);
    expect(story.sources[0]!.date).toBe('2026-12');
  });

  it('defaults to English', () => {
    newStory(repo, 'one', []);
    expect(loadStory(repo, 'one').story.languages).toEqual(['en']);
  });

  it('refuses an existing, malformed or reserved id and a language without a catalogue, saying why', () => {
    mkdirSync(join(stories, 'taken'));
    expect(() => newStory(repo, 'taken', ['en'])).toThrow(/already exists/);
    expect(() => newStory(repo, 'Bad_Id', ['en'])).toThrow(/not a story id/);
    expect(() => newStory(repo, 'assets', ['en'])).toThrow(/reserved/);
    expect(() => newStory(repo, 'fine', ['xx'])).toThrow(/no interface catalogue for xx/);
    expect(() => newStory(repo, undefined, [])).toThrow(/usage/);
  });
});
