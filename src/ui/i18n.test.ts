import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatDate, formatDuration, formatNumber, loadCatalogues, ui } from './i18n';
import { CATALOGUES, catalogueFor } from './catalogues/index';
import { en } from './catalogues/en';
import { catalogueKey } from './catalogues/key';

describe('before a story loads its catalogues', () => {
  // First in this file: the loaded catalogues stay loaded.
  it('answers in English, which is always there', () => {
    expect(ui('en')).toBe(en);
    expect(ui('nl')).toBe(en);
    expect(formatDate('2018-06', 'nl')).toBe('June 2018');
  });
});

describe('with the story languages loaded', () => {
  beforeAll(() => loadCatalogues(['nl', 'en', 'de']));
  afterEach(() => vi.restoreAllMocks());

  it('gives each language its own catalogue, a regional tag its language’s, an unknown language English', () => {
    expect(ui('nl')).toBe(CATALOGUES.nl);
    expect(ui('de')).toBe(CATALOGUES.de);
    expect(ui('nl-BE')).toBe(CATALOGUES.nl);
    expect(ui('en-US')).toBe(en);
    expect(ui('fr')).toBe(en);
  });

  it('writes months and days in the reader’s language', () => {
    expect(formatDate('2018-06', 'nl')).toBe('juni 2018');
    expect(formatDate('2018-06', 'en')).toBe('June 2018');
    expect(formatDate('2019-02-28', 'nl')).toBe('28 februari 2019');
    expect(formatDate('2019-02-28', 'en')).toBe('28 February 2019');
    expect(formatDate('2019-02-28', 'de')).toBe('28. Februar 2019');
  });

  it('writes dates in the region a story’s tag names, else in the catalogue’s', () => {
    expect(formatDate('2019-02-28', 'en-US')).toBe('February 28, 2019');
    expect(formatDate('2019-02-28', 'en')).toBe('28 February 2019');
  });

  it('makes a date or number formatter once per locale, not once per date (hydration formats every step)', () => {
    formatDate('2018-06', 'nl');
    formatDate('2019-02-28', 'nl');
    formatNumber(1, 'nl');
    const dates = vi.spyOn(Intl, 'DateTimeFormat');
    const numbers = vi.spyOn(Intl, 'NumberFormat');
    for (let i = 0; i < 5; i++) {
      expect(formatDate('2018-06', 'nl')).toBe('juni 2018');
      expect(formatDate('2019-02-28', 'nl')).toBe('28 februari 2019');
      expect(formatNumber(4500, 'nl')).toBe('4.500');
    }
    expect(dates).not.toHaveBeenCalled();
    expect(numbers).not.toHaveBeenCalled();
  });

  it('writes intervals and bare years', () => {
    expect(formatDate('2018/2019', 'en')).toBe('2018 – 2019');
    expect(formatDate('2020/2021-02', 'nl')).toBe('2020 – februari 2021');
  });

  it('writes numbers and durations (rounded to five minutes) in the reader’s language', () => {
    expect(formatNumber(2757, 'nl')).toBe('2.757');
    expect(formatNumber(2757, 'en')).toBe('2,757');
    expect(formatDuration(184, 'nl')).toBe('3 uur en 5 minuten');
    expect(formatDuration(184, 'en')).toBe('3 hours 5 minutes');
    expect(formatDuration(58, 'en')).toBe('1 hour');
    expect(formatDuration(184, 'de')).toBe('3 Stunden 5 Minuten');
  });
});

describe('the interface catalogues', () => {
  it('each have every string the English one has, and no other', () => {
    for (const [lang, catalogue] of Object.entries(CATALOGUES)) {
      expect(Object.keys(catalogue).sort(), lang).toEqual(Object.keys(en).sort());
      for (const [key, value] of Object.entries(catalogue)) {
        expect(typeof value, `${lang}.${key}`).toBe(typeof en[key as keyof typeof en]);
        if (typeof value === 'string') expect(value.trim().length, `${lang}.${key}`).toBeGreaterThan(0);
      }
    }
  });

  it('each name a locale of their own language', () => {
    for (const [lang, catalogue] of Object.entries(CATALOGUES)) expect(catalogue.locale.split('-')[0], lang).toBe(lang);
  });

  it('are found by a story language’s tag: exactly, or by its primary language', () => {
    expect(catalogueFor('nl')).toBe(CATALOGUES.nl);
    expect(catalogueFor('en-GB')).toBe(en);
    expect(catalogueFor('fr')).toBeUndefined();
    expect(catalogueKey('de-AT', ['de', 'en'])).toBe('de');
    expect(catalogueKey('zh-Hant-TW', ['de', 'en'])).toBeUndefined();
  });
});
