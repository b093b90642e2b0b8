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

describe('paragraphRanges at the edges', () => {
  it('splits on a blank line however much white space it holds, and only there', () => {
    const text = 'Een\n \t \nTwee\nen drie\r\n\r\nVier';
    expect(paragraphRanges(text).map((r) => text.slice(r.start, r.end))).toEqual(['Een', 'Twee\nen drie', 'Vier']);
    expect(paragraphRanges('')).toEqual([]);
    expect(paragraphRanges('\n\n  \n')).toEqual([]);
    expect(paragraphRanges('   \n\nEen')).toEqual([{ start: 5, end: 8 }]);
  });
});

describe('segments at the edges', () => {
  const text = 'abcdefghij';
  it('marks in any order, overlapping or touching, give each character once', () => {
    expect(segments(text, { start: 0, end: 10 }, [{ start: 6, end: 8 }, { start: 1, end: 3 }, { start: 2, end: 5 }, { start: 5, end: 6 }])).toEqual([
      { text: 'a', marked: false },
      { text: 'bc', marked: true },
      { text: 'de', marked: true },
      { text: 'f', marked: true },
      { text: 'gh', marked: true },
      { text: 'ij', marked: false },
    ]);
  });
  it('leaves out marks outside the range, and ends with the marked part when a mark reaches the end', () => {
    expect(segments(text, { start: 3, end: 6 }, [{ start: 0, end: 2 }, { start: 7, end: 9 }])).toEqual([{ text: 'def', marked: false }]);
    expect(segments(text, { start: 3, end: 6 }, [{ start: 4, end: 9 }])).toEqual([
      { text: 'd', marked: false },
      { text: 'ef', marked: true },
    ]);
    expect(segments(text, { start: 3, end: 6 }, [{ start: 3, end: 3 }])).toEqual([{ text: 'def', marked: false }]);
  });
});
