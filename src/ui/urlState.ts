import { LANGS, type Lang } from '../story/model';

/**
 * Reading the reader's URL. Values are only ever matched against known ids
 * and languages; anything else is ignored, never echoed into the page.
 */
export function parseLang(value: string | null | undefined): Lang | undefined {
  return LANGS.find((l) => l === value);
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

export function readUrl(location: Pick<Location, 'search' | 'hash'>, stepIds: readonly string[]): UrlOptions {
  const params = new URLSearchParams(location.search);
  const out: UrlOptions = {};
  const lang = parseLang(params.get('lang'));
  if (lang) out.lang = lang;
  const step = parseStepHash(location.hash, stepIds) ?? parseStepHash(params.get('step') ?? '', stepIds);
  if (step) out.step = step;
  return out;
}
