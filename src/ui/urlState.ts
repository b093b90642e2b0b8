import type { Lang } from '../story/model';

/**
 * Reading the reader's URL. Values are only ever matched against known ids
 * and languages; anything else is ignored, never echoed into the page.
 */
export function parseLang(value: string | null | undefined, langs: readonly Lang[]): Lang | undefined {
  return langs.find((l) => l === value);
}

/** The step id a `#hash` names, if it is one of `stepIds`. */
export function parseStepHash(hash: string, stepIds: readonly string[]): string | undefined {
  let id = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    id = decodeURIComponent(id);
  } catch {
    return undefined;
  }
  return stepIds.includes(id) ? id : undefined;
}

export interface UrlOptions {
  lang?: Lang;
  step?: string;
}

export function readUrl(location: Pick<Location, 'search' | 'hash'>, stepIds: readonly string[], langs: readonly Lang[]): UrlOptions {
  const params = new URLSearchParams(location.search);
  const out: UrlOptions = {};
  const lang = parseLang(params.get('lang'), langs);
  if (lang) out.lang = lang;
  else if (params.has('lang')) ignored('lang', params.get('lang'));
  const step = parseStepHash(location.hash, stepIds) ?? parseStepHash(params.get('step') ?? '', stepIds);
  if (step) out.step = step;
  else if (location.hash.length > 1 || params.has('step')) ignored('step', location.hash || params.get('step'));
  return out;
}

/** Unknown values are dropped; a developer sees why, readers see nothing. */
function ignored(what: string, value: unknown) {
  if (import.meta.env.DEV) console.debug(`[story-map] ignored unknown ${what} in the address:`, value);
}
