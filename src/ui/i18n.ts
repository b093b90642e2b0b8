import type { Lang } from '../story/model';
import { en, type Catalogue } from './catalogues/en';
import { catalogueKey } from './catalogues/key';

export type { Catalogue };

/**
 * The reader interface's own words, one catalogue per interface language
 * (`catalogues/`); story content carries its own text. English is always
 * here; the others load with a story that speaks them, each in its own chunk.
 */
const lazy = import.meta.glob<{ default: Catalogue }>(['./catalogues/*.ts', '!./catalogues/en.ts', '!./catalogues/index.ts', '!./catalogues/key.ts']);
const keyOf = (path: string) => path.slice('./catalogues/'.length, -'.ts'.length);
const KEYS = ['en', ...Object.keys(lazy).map(keyOf)];
const loaded = new Map<string, Catalogue>([['en', en]]);

/** Load the catalogues of a story's languages; `ui` answers for them from then on. */
export async function loadCatalogues(langs: readonly Lang[]): Promise<void> {
  await Promise.all(
    langs.map(async (lang) => {
      const key = catalogueKey(lang, KEYS);
      if (!key || loaded.has(key)) return;
      loaded.set(key, (await lazy[`./catalogues/${key}.ts`]!()).default);
    }),
  );
}

/** The catalogue for `lang` once loaded; the build guarantees one exists for every story language. English otherwise. */
export function ui(lang: Lang): Catalogue {
  const key = catalogueKey(lang, KEYS);
  return (key && loaded.get(key)) || en;
}

/** The locale for dates and numbers: the story's tag if it names a region, else the catalogue's (`en` → `en-GB`). */
const locale = (lang: Lang) => (lang.includes('-') ? lang : ui(lang).locale);

/**
 * Formatters made once per locale and kind: making one costs a millisecond or more
 * (the locale's data is loaded), and a page formats every step's date as it hydrates.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let f = formatters.get(key) as F | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}

export function formatNumber(n: number, lang: Lang): string {
  const loc = locale(lang);
  return formatter(`n ${loc}`, () => new Intl.NumberFormat(loc)).format(n);
}

/** A `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date in words, e.g. "juni 2018". */
function formatOne(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (m === undefined) return String(y);
  // Noon UTC so no time zone moves the date to a neighbouring day.
  const date = new Date(Date.UTC(y!, m - 1, d ?? 1, 12));
  const opts: Intl.DateTimeFormatOptions = d === undefined ? { month: 'long', year: 'numeric' } : { day: 'numeric', month: 'long', year: 'numeric' };
  const loc = locale(lang);
  return formatter(`${d === undefined ? 'm' : 'd'} ${loc}`, () => new Intl.DateTimeFormat(loc, { ...opts, timeZone: 'UTC' })).format(date);
}

/** A step date or interval `start/end` in words. */
export function formatDate(date: string, lang: Lang): string {
  const [start, end] = date.split('/');
  return end ? `${formatOne(start!, lang)} – ${formatOne(end, lang)}` : formatOne(start!, lang);
}

/** A duration in minutes, rounded to five (speeds are assumptions, not measurements), in words. */
export function formatDuration(minutes: number, lang: Lang): string {
  const rounded = Math.round(minutes / 5) * 5;
  return ui(lang).hours(Math.floor(rounded / 60), rounded % 60);
}
