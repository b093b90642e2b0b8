import { describe, expect, it } from 'vitest';
import { parseLang, parseStepHash, readUrl } from './urlState';

const ids = ['overview', 'hanoi-collapse'];

describe('URL parsing', () => {
  it('accepts only known languages', () => {
    expect(parseLang('en')).toBe('en');
    expect(parseLang('nl')).toBe('nl');
    expect(parseLang('javascript:alert(1)')).toBeUndefined();
    expect(parseLang('EN')).toBeUndefined();
    expect(parseLang(null)).toBeUndefined();
  });

  it('accepts only known step ids in the hash', () => {
    expect(parseStepHash('#hanoi-collapse', ids)).toBe('hanoi-collapse');
    expect(parseStepHash('#nope', ids)).toBeUndefined();
    expect(parseStepHash('#<img src=x onerror=alert(1)>', ids)).toBeUndefined();
    expect(parseStepHash('#%E0%A4%A', ids)).toBeUndefined();
  });

  it('reads lang and step together, ignoring bad values', () => {
    expect(readUrl({ search: '?lang=en', hash: '#overview' }, ids)).toEqual({ lang: 'en', step: 'overview' });
    expect(readUrl({ search: '?lang=xx&step=hanoi-collapse', hash: '' }, ids)).toEqual({ step: 'hanoi-collapse' });
    expect(readUrl({ search: '', hash: '#bad' }, ids)).toEqual({});
  });
});
