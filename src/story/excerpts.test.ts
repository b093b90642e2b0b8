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
  // Built in each test, where mutation testing sees which test ran which code.
  const indexOf = () => buildExcerptIndex(
    [
      { id: 'hanoi', aliases: ['Hanoi', 'Vietnamese hoofdstad', 'Vietnam'] },
      { id: 'pyongyang', aliases: ['Pyongyang'] },
      { id: 'nowhere', aliases: ['Atlantis'] },
    ],
    sources,
  );

  it('collects every passage naming a place through any alias, in source order', () => {
    const index = indexOf();
    expect(index.hanoi!.map((e) => [e.source, e.paragraph])).toEqual([
      ['a', 0],
      ['a', 2],
      ['b', 0],
      ['b', 1],
    ]);
  });

  it('marks the alias as it is written in the passage', () => {
    const index = indexOf();
    const third = index.hanoi![1]!;
    const [start, end] = third.matches[0]!;
    const text = paragraphs(sources[0]!.text)[third.paragraph]!;
    expect(text.slice(start, end)).toBe('Vietnamese hoofdstad');
  });

  it('matches aliases at word starts only', () => {
    const index = indexOf();
    // "Hanoiers" starts with "Hanoi" — it is still about Hanoi, so a prefix match is intended,
    // but "Pyongyang" must not match inside another word.
    expect(index.pyongyang!.map((e) => e.paragraph)).toEqual([1]);
    expect(buildExcerptIndex([{ id: 'x', aliases: ['noi'] }], sources).x).toEqual([]);
  });

  it('gives an empty list for a place no source names', () => {
    const index = indexOf();
    expect(index.nowhere).toEqual([]);
  });

  it('finds an alias in any case, every time it occurs, and takes its characters literally', () => {
    const text = 'HANOI en hanoi. De DMZ (38e breedtegraad) en de 38e Breedtegraad.';
    const index = buildExcerptIndex(
      [
        { id: 'hanoi', aliases: ['Hanoi'] },
        { id: 'dmz', aliases: ['(38e breedtegraad)'] },
        { id: 'dot', aliases: ['D.Z'] },
      ],
      [{ id: 's', text }],
    );
    expect(index.hanoi).toEqual([{ source: 's', paragraph: 0, matches: [[0, 5], [9, 14]] }]);
    expect(index.dmz!.map((e) => e.matches.map(([a, b]) => text.slice(a, b)))).toEqual([['(38e breedtegraad)']]);
    expect(index.dot).toEqual([]);
  });

  it('prefers the longest alias where several start at the same place', () => {
    const index = buildExcerptIndex([{ id: 'hanoi', aliases: ['Vietnam', 'Vietnamese hoofdstad'] }], sources);
    const [first] = index.hanoi!;
    const text = paragraphs(sources[0]!.text)[first!.paragraph]!;
    expect(first!.matches.map(([a, b]) => text.slice(a, b))).toEqual(['Vietnamese hoofdstad']);
  });

  it('ignores empty aliases, which would match everywhere', () => {
    expect(buildExcerptIndex([{ id: 'x', aliases: ['', '  '] }], [...sources, { id: 'c', text: 'De null-optie.' }]).x).toEqual([]);
    expect(buildExcerptIndex([{ id: 'kim', aliases: [' ', 'Kim'] }], sources).kim!.map((e) => [e.source, e.paragraph])).toEqual([['a', 1]]);
  });
});
