import type { Excerpt } from './model';
import { paragraphRanges } from './highlight';

export interface AliasedPlace {
  id: string;
  aliases: readonly string[];
}

export interface SourceText {
  id: string;
  text: string;
}

/** Paragraphs of an article: blocks separated by blank lines, trimmed, empty ones dropped. */
export function paragraphs(text: string): string[] {
  return paragraphRanges(text).map((r) => text.slice(r.start, r.end));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * An alias matches at a word start and is compared case-insensitively, so
 * "Vietnam" finds "Vietnamese hoofdstad" but "Hanoi" does not match inside
 * another word.
 */
function aliasPattern(aliases: readonly string[]): RegExp | null {
  const parts = aliases.filter((a) => a.trim().length > 0).map(escapeRegExp);
  if (parts.length === 0) return null;
  // Longest first, so "Vietnamese hoofdstad" wins over "Vietnam" at the same position.
  parts.sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})`, 'giu');
}

/**
 * The place → excerpts index: for every place, each paragraph of each source
 * that names it through one of its aliases, in source order.
 */
export function buildExcerptIndex(
  places: readonly AliasedPlace[],
  sources: readonly SourceText[],
): Record<string, Excerpt[]> {
  const index: Record<string, Excerpt[]> = {};
  const paragraphsBySource = sources.map((s) => ({ id: s.id, paragraphs: paragraphs(s.text) }));
  for (const place of places) {
    const pattern = aliasPattern(place.aliases);
    const found: Excerpt[] = [];
    if (pattern) {
      for (const source of paragraphsBySource) {
        source.paragraphs.forEach((text, paragraph) => {
          const matches: [number, number][] = [];
          for (const m of text.matchAll(pattern)) matches.push([m.index, m.index + m[0].length]);
          if (matches.length > 0) found.push({ source: source.id, paragraph, matches });
        });
      }
    }
    index[place.id] = found;
  }
  return index;
}
