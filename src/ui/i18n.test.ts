import { describe, expect, it } from 'vitest';
import { formatDate, UI } from './i18n';

describe('formatDate', () => {
  it('writes months and days in the reader’s language', () => {
    expect(formatDate('2018-06', 'nl')).toBe('juni 2018');
    expect(formatDate('2018-06', 'en')).toBe('June 2018');
    expect(formatDate('2019-02-28', 'nl')).toBe('28 februari 2019');
    expect(formatDate('2019-02-28', 'en')).toBe('28 February 2019');
  });
  it('writes intervals and bare years', () => {
    expect(formatDate('2018/2019', 'en')).toBe('2018 – 2019');
    expect(formatDate('2020/2021-02', 'nl')).toBe('2020 – februari 2021');
  });
});

describe('UI strings', () => {
  it('has every string in both languages', () => {
    expect(Object.keys(UI.en).sort()).toEqual(Object.keys(UI.nl).sort());
  });
  it('formats durations', () => {
    expect(UI.nl.hours(3, 5)).toBe('3 uur en 5 minuten');
    expect(UI.en.hours(1, 0)).toBe('1 hour');
  });
});
