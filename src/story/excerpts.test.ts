import { describe, expect, it } from 'vitest';
import { buildExcerptIndex, paragraphs } from './excerpts';

const sources = [
  { id: 'a', text: 'De top in Hanoi mislukte.\n\nKim reisde per trein.\n\nIn de Vietnamese hoofdstad bleef het stil.' },
  { id: 'b', text: 'Gesprekken in Vietnam.\n\nNiets over Hanoiers of Pyongyang.' },
];

describe('paragraphs', () => {
  it('splits on blank lines and drops empty blocks', () => {
    expect(paragraphs('a\n\n \n\nb\nc\n\n')).toEqual(['a', 'b\nc']);
  });
});

describe('buildExcerptIndex', () => {
  const index = buildExcerptIndex(
    [
      { id: 'hanoi', aliases: ['Hanoi', 'Vietnamese hoofdstad', 'Vietnam'] },
      { id: 'pyongyang', aliases: ['Pyongyang'] },
      { id: 'nowhere', aliases: ['Atlantis'] },
    ],
    sources,
  );

  it('collects every passage naming a place through any alias, in source order', () => {
    expect(index.hanoi!.map((e) => [e.source, e.paragraph])).toEqual([
      ['a', 0],
      ['a', 2],
      ['b', 0],
      ['b', 1],
    ]);
  });

  it('marks the alias as it is written in the passage', () => {
    const third = index.hanoi![1]!;
    const [start, end] = third.matches[0]!;
    const text = paragraphs(sources[0]!.text)[third.paragraph]!;
    expect(text.slice(start, end)).toBe('Vietnamese hoofdstad');
  });

  it('matches aliases at word starts only', () => {
    // "Hanoiers" starts with "Hanoi" — it is still about Hanoi, so a prefix match is intended,
    // but "Pyongyang" must not match inside another word.
    expect(index.pyongyang!.map((e) => e.paragraph)).toEqual([1]);
    expect(buildExcerptIndex([{ id: 'x', aliases: ['noi'] }], sources).x).toEqual([]);
  });

  it('gives an empty list for a place no source names', () => {
    expect(index.nowhere).toEqual([]);
  });
});
