import type { TextRange } from './citations';

export interface ParagraphRange extends TextRange {
  /** Offset of the paragraph in the whole text. */
  start: number;
  end: number;
}

/** Offsets of the paragraphs of a text (blocks separated by blank lines), trimmed. */
export function paragraphRanges(text: string): ParagraphRange[] {
  const out: ParagraphRange[] = [];
  const re = /\n\s*\n/gu;
  let from = 0;
  const push = (start: number, end: number) => {
    const chunk = text.slice(start, end);
    const lead = chunk.length - chunk.trimStart().length;
    const trail = chunk.length - chunk.trimEnd().length;
    if (chunk.trim().length > 0) out.push({ start: start + lead, end: end - trail });
  };
  for (const m of text.matchAll(re)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return out;
}

export interface Segment {
  text: string;
  marked: boolean;
}

/** Split `text[range]` into plain and marked segments, where `marks` are absolute offsets. */
export function segments(text: string, range: TextRange, marks: readonly TextRange[]): Segment[] {
  const out: Segment[] = [];
  let at = range.start;
  const sorted = [...marks].sort((a, b) => a.start - b.start);
  for (const mark of sorted) {
    const s = Math.max(mark.start, at);
    const e = Math.min(mark.end, range.end);
    if (e <= s) continue;
    if (s > at) out.push({ text: text.slice(at, s), marked: false });
    out.push({ text: text.slice(s, e), marked: true });
    at = e;
  }
  if (at < range.end) out.push({ text: text.slice(at, range.end), marked: false });
  return out;
}
