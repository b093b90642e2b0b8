/**
 * Build problems for the page: the build's `file:line:column field: message`
 * lines taken apart, a misquote's closest passage set apart, and each
 * problem in the story file tied to the step it is written in.
 */
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Problem } from '../author/protocol';

const LOCATED = /^(.+?):(\d+):(\d+) ([\s\S]*)$/;
/** `steps[3].citations[0].quote`, `features[id=hanoi].geometry`, `steps[0]["a b"]`, followed by `: `. */
const FIELD = /^((?:[A-Za-z_][\w-]*|\[[^\]]*\])(?:\.[A-Za-z_][\w-]*|\[[^\]]*\])*): ([\s\S]*)$/;
const CLOSEST = /; closest passage: "([\s\S]*?)"(?=; found verbatim in source|$)/;

/** One line of a `StoryBuildError`, taken apart; a line without a position keeps it all as the message. */
export function parseProblem(line: string): Problem {
  const located = LOCATED.exec(line);
  if (!located) {
    const at = line.indexOf(': ');
    return at > 0 ? { file: line.slice(0, at), line: 0, column: 0, field: '', message: line.slice(at + 2) } : { file: '', line: 0, column: 0, field: '', message: line };
  }
  const [, file, l, c, rest] = located as unknown as [string, string, string, string, string];
  const field = FIELD.exec(rest);
  let message = field ? field[2]! : rest;
  const closest = CLOSEST.exec(message);
  if (closest) message = message.replace(closest[0], '');
  return { file, line: Number(l), column: Number(c), field: field ? field[1]! : '', message, ...(closest ? { closest: closest[1]! } : {}) };
}

/**
 * Tie each problem of the story file `shownFile` to its step: by its field
 * (`steps[3]…`), else by the line it is on (a syntax error: the last step
 * that begins at or before it), using the file's
 * text to find the step's id.
 */
export function locateSteps(problems: Problem[], shownFile: string, text: string): Problem[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, logLevel: 'silent' });
  const steps = doc.get('steps', true);
  const spans = isSeq(steps)
    ? steps.items.map((item, index) => {
        const range = (item as { range?: [number, number, number] } | null)?.range;
        const id = isMap(item) ? item.get('id') : undefined;
        return {
          index,
          ...(typeof id === 'string' ? { id } : {}),
          from: range ? lines.linePos(range[0]).line : Infinity,
        };
      })
    : [];
  return problems.map((p) => {
    if (p.file !== shownFile) return p;
    const byField = /^steps\[(\d+)\]/.exec(p.field);
    // A syntax error is reported where the parser gave up: in or after the step it began in.
    const span = byField ? spans[Number(byField[1])] : [...spans].reverse().find((s) => s.from <= p.line);
    if (byField && !span) return { ...p, step: { index: Number(byField[1]) } };
    return span ? { ...p, step: { index: span.index, ...(span.id !== undefined ? { id: span.id } : {}) } } : p;
  });
}
