import { describe, expect, it } from 'vitest';
import { parseLang, parseStepHash, readUrl } from './urlState';

const ids = ['overview', 'hanoi-collapse'];
const langs = ['nl', 'en'];

describe('URL parsing', () => {
  it("accepts only the story's languages", () => {
    expect(parseLang('en', langs)).toBe('en');
    expect(parseLang('nl', langs)).toBe('nl');
    expect(parseLang('de', langs)).toBeUndefined();
    expect(parseLang('javascript:alert(1)', langs)).toBeUndefined();
    expect(parseLang('EN', langs)).toBeUndefined();
    expect(parseLang(null, langs)).toBeUndefined();
    // Another story declares other languages, regional tags included.
    expect(parseLang('de', ['de', 'en-GB'])).toBe('de');
    expect(parseLang('en-GB', ['de', 'en-GB'])).toBe('en-GB');
    expect(parseLang('en', ['de', 'en-GB'])).toBeUndefined();
  });

  it('accepts only known step ids in the hash', () => {
    expect(parseStepHash('#hanoi-collapse', ids)).toBe('hanoi-collapse');
    expect(parseStepHash('#nope', ids)).toBeUndefined();
    expect(parseStepHash('#<img src=x onerror=alert(1)>', ids)).toBeUndefined();
    expect(parseStepHash('#%E0%A4%A', ids)).toBeUndefined();
  });

  it('reads lang and step together, ignoring bad values', () => {
    expect(readUrl({ search: '?lang=en', hash: '#overview' }, ids, langs)).toEqual({ lang: 'en', step: 'overview' });
    expect(readUrl({ search: '?lang=xx&step=hanoi-collapse', hash: '' }, ids, langs)).toEqual({ step: 'hanoi-collapse' });
    expect(readUrl({ search: '?lang=nl', hash: '' }, ids, ['en'])).toEqual({});
    expect(readUrl({ search: '', hash: '#bad' }, ids, langs)).toEqual({});
  });
});
