/**
 * Finds narrative text copied from a source: runs of `n` or more words that
 * occur in the source word for word. Words are compared without case and
 * without the punctuation around them, so a copied phrase is found however
 * it is quoted or capitalised.
 */

const bare = (w: string) => w.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** The words of a text as written, without those that are only punctuation. */
function tokens(text: string): string[] {
  // Stryker disable next-line Regex: splitting at each white-space character leaves empty words, which the filter drops
  return text.split(/\s+/u).filter((w) => bare(w).length > 0);
}

/** The words of a text, lower-cased, without the punctuation at their ends. */
export function words(text: string): string[] {
  return tokens(text).map(bare);
}

/** Every run of `n` consecutive words of `text`, for look-ups. */
export function phraseIndex(text: string, n = 6): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(' '));
  return out;
}

/** The runs of at least `n` words of `text` that occur in the indexed source, longest first, each reported once. */
export function copiedRuns(text: string, index: ReadonlySet<string>, n = 6): string[] {
  const raw = tokens(text);
  const w = raw.map(bare);
  const runs: string[] = [];
  let i = 0;
  // Stryker disable next-line ArithmeticOperator: past the end a slice has fewer than n words, which no phrase of n words equals
  while (i + n <= w.length) {
    if (!index.has(w.slice(i, i + n).join(' '))) {
      i++;
      continue;
    }
    let end = i + n;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: at the end the slice has n - 1 words, which no phrase equals
    while (end < w.length && index.has(w.slice(end - n + 1, end + 1).join(' '))) end++;
    runs.push(raw.slice(i, end).join(' '));
    i = end;
  }
  return runs.sort((a, b) => b.length - a.length);
}
