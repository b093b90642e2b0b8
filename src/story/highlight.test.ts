import { describe, expect, it } from 'vitest';
import { paragraphRanges, segments } from './highlight';

describe('paragraphRanges', () => {
  it('returns trimmed offsets of each paragraph', () => {
    const text = '  Een.\n\n\nTwee\ndrie. \n\n';
    expect(paragraphRanges(text).map((r) => text.slice(r.start, r.end))).toEqual(['Een.', 'Twee\ndrie.']);
  });
});

describe('segments', () => {
  const text = 'abcdefghij';
  it('splits a range into plain and marked parts', () => {
    expect(segments(text, { start: 0, end: 10 }, [{ start: 2, end: 4 }])).toEqual([
      { text: 'ab', marked: false },
      { text: 'cd', marked: true },
      { text: 'efghij', marked: false },
    ]);
  });
  it('clips a mark that spans two paragraphs to each paragraph', () => {
    expect(segments(text, { start: 5, end: 10 }, [{ start: 2, end: 7 }])).toEqual([
      { text: 'fg', marked: true },
      { text: 'hij', marked: false },
    ]);
  });
});
