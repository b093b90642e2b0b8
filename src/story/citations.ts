/**
 * Verbatim quote checks. The only normalisation is whitespace: runs of white
 * space (including no-break spaces and line breaks) compare equal to one
 * space, so a quote may be re-wrapped but never re-worded or re-punctuated.
 */

export interface TextRange {
  start: number;
  end: number;
}

interface Normalised {
  text: string;
  /** `origin[i]` is the offset in the original text of normalised character `i`. */
  origin: number[];
}

function normalise(text: string): Normalised {
  let out = '';
  const origin: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/u.test(ch)) {
      if (!inSpace && out.length > 0) {
        out += ' ';
        origin.push(i);
      }
      inSpace = true;
    } else {
      out += ch;
      origin.push(i);
      inSpace = false;
    }
  }
  if (out.endsWith(' ')) {
    out = out.slice(0, -1);
    origin.pop();
  }
  return { text: out, origin };
}

/** Where `quote` occurs in `text` (offsets into the original `text`), or null. */
export function findQuote(text: string, quote: string): TextRange | null {
  return quoteFinder(text)(quote);
}

/** `findQuote` bound to one text, normalised once however many quotes are looked up in it. */
export function quoteFinder(text: string): (quote: string) => TextRange | null {
  let t: Normalised | undefined;
  return (quote) => {
    const q = normalise(quote).text;
    if (q.length === 0) return null;
    t ??= normalise(text);
    const at = t.text.indexOf(q);
    if (at < 0) return null;
    const start = t.origin[at]!;
    const end = t.origin[at + q.length - 1]! + 1;
    return { start, end };
  };
}

// Stryker disable next-line MethodExpression: folding both sides to upper case instead compares the same words (but ß with SS, fine for a suggestion)
const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * The sentence of `text` that shares the most words with `quote`, to suggest
 * in an error message when a quote is not found verbatim.
 */
export function closestPassage(text: string, quote: string): string | null {
  const wanted = new Set(words(quote));
  // Stryker disable next-line ConditionalExpression: without words every score is NaN and nothing is suggested anyway; this skips the work
  if (wanted.size === 0) return null;
  const sentences = text
    // Stryker disable next-line Regex: the pieces are trimmed and empty ones dropped, so one white-space character splits as a run does
    .split(/(?<=[.!?”’"])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  let best: string | null = null;
  let bestScore = 0;
  // Windows of one to three sentences, so a quote spanning sentences still finds its passage.
  // Stryker disable next-line EqualityOperator: with i at the end no window fits (j <= length), so one more turn does nothing
  for (let i = 0; i < sentences.length; i++) {
    const last = Math.min(i + 3, sentences.length);
    for (let j = i + 1; j <= last; j++) {
      const passage = sentences.slice(i, j).join(' ');
      const have = new Set(words(passage));
      let shared = 0;
      for (const w of wanted) if (have.has(w)) shared++;
      // Penalise length so the shortest passage that covers the quote wins.
      const score = shared / wanted.size - have.size / 10_000;
      if (score > bestScore) {
        bestScore = score;
        best = passage;
      }
    }
  }
  // Stryker disable next-line EqualityOperator: a score of exactly 0.3 would take a passage of thousands of words (the penalty is 1/10,000 a word)
  return bestScore >= 0.3 ? best : null;
}

/**
 * Quotation marks and the marks that close them, as Dutch, English and German
 * texts use them: ‘…’ “…” „…” ,,…” "…" in Dutch and English, „…“ ‚…‘ »…« in German.
 */
const PAIRS: readonly (readonly [string, string])[] = [
  [',,', '”"'],
  ['‘', '’'],
  ['“', '”'],
  ['„', '”“'],
  ['‚', '‘’'],
  ['"', '"'],
  ['»', '«'],
  ['«', '»'],
];
const CLOSERS = [...new Set(PAIRS.flatMap(([, close]) => [...close]))];
const BEFORE_OPEN = /[\s([—–-]/u;
const AFTER_CLOSE = /[\s.,;:!?)\]—–-]/u;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * Spans the narrative presents as quotations: text between an opening mark
 * that follows a space or the start and the first mark that closes it (see
 * `PAIRS`) on the same line. An apostrophe inside a word (z’n, Korea’s) never
 * opens a span.
 */
export function quotedSpans(text: string): string[] {
  // What /(?<=^|[\s([—–-])(?:,,(.+?)[”"]|‘(.+?)’|“(.+?)”|„(.+?)[”“]|‚(.+?)[‘’]|"(.+?)"|»(.+?)«|«(.+?)»)(?=$|[\s.,;:!?)\]—–-])/gu
  // matches, in linear time: that pattern rescans to the end of the line from every unclosed opening mark.
  const n = text.length;
  // For each closing mark, the first position at or after i where it may end a span; the first line break at or after i.
  const nextClose = new Map(CLOSERS.map((c) => [c, new Int32Array(n + 2).fill(n)]));
  const nextBreak = new Int32Array(n + 2).fill(n);
  // Stryker disable next-line EqualityOperator: a mark at 0 never closes a span (one opens before it), and no span starts there
  for (let i = n - 1; i >= 0; i--) {
    const ch = text[i]!;
    const closes = i + 1 === n || AFTER_CLOSE.test(text[i + 1]!);
    for (const [c, next] of nextClose) next[i] = c === ch && closes ? i : next[i + 1]!;
    nextBreak[i] = LINE_BREAK.test(ch) ? i : nextBreak[i + 1]!;
  }
  const spans: string[] = [];
  let p = 0;
  // Stryker disable next-line EqualityOperator: at p = n nothing starts with an opening mark, so one more turn finds nothing
  while (p < n) {
    const pair = p === 0 || BEFORE_OPEN.test(text[p - 1]!) ? PAIRS.find(([open]) => text.startsWith(open, p)) : undefined;
    if (pair) {
      // The span holds at least one character and ends at the first mark that closes it, on the same line.
      const start = p + pair[0].length;
      // No closing mark leaves `close` at n, which no line break's index exceeds.
      const close = Math.min(...[...pair[1]].map((c) => nextClose.get(c)![start + 1]!));
      if (nextBreak[start]! > close) {
        spans.push(text.slice(start, close));
        p = close + 1;
        continue;
      }
    }
    p++;
  }
  return spans.map((s) => s.trim()).filter((s) => s.length > 0);
}
