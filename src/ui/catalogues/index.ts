import { de } from './de';
import { en, type Catalogue } from './en';
import { catalogueKey } from './key';
import { nl } from './nl';

/**
 * Every interface catalogue, for the build (which checks that each story
 * language has one and writes provenance notes with them). Readers'
 * browsers load only their story's languages (`loadCatalogues`). A new
 * language: a file beside this one, `export default` its catalogue, and a line here.
 */
export const CATALOGUES: Readonly<Record<string, Catalogue>> = { de, en, nl };


export function catalogueFor(lang: string): Catalogue | undefined {
  const key = catalogueKey(lang, Object.keys(CATALOGUES));
  return key ? CATALOGUES[key] : undefined;
}
