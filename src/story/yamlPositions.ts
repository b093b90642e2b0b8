/**
 * Reads a YAML story file keeping positions, so a validation issue found on
 * the parsed data can be reported at the file's line and column.
 */
import { isAlias, isNode, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { IssuePath } from './schema';

export interface Position {
  line: number;
  column: number;
}

export interface YamlFile {
  data: unknown;
  /** Syntax errors and duplicate keys, with positions. */
  errors: { message: string; position: Position }[];
  /** Where the value at `path` is written; the nearest written ancestor when it is missing. */
  positionOf(path: IssuePath): Position;
}

export function readYaml(source: string): YamlFile {
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    // logLevel 'error': no console warning for a mapping used as a key; it is reported as an unknown field.
    doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  } catch (error) {
    // The parser itself overflows the stack on deep nesting (thousands of levels of `- - - …`).
    const deep = error instanceof RangeError ? deepestNesting(source) : undefined;
    const message = deep ? tooDeep(deep.field) : error instanceof Error ? error.message : String(error);
    const position = deep ?? { line: 1, column: 1 };
    return { data: undefined, errors: [{ message, position }], positionOf: () => position };
  }
  const pos = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  // The parser reports its own stack overflow as errors (several, with more than one code) where it gave up: one is enough.
  const overflowed = (e: { code: string; message: string }) => e.code === 'RESOURCE_EXHAUSTION' || STACK_OVERFLOW.test(e.message);
  const firstOverflow = doc.errors.find(overflowed);
  const errors = doc.errors
    .filter((e) => !overflowed(e) || e === firstOverflow)
    .map((e) => {
      const position = pos(e.pos[0]);
      if (e === firstOverflow) return { message: tooDeep(fieldAt(source.split('\n'), position.line - 1)), position };
      return { message: e.message.split('\n')[0]!, position };
    });
  let data: unknown;
  if (errors.length === 0) {
    try {
      // Stryker disable next-line ObjectLiteral: 100 is also the yaml package's default; written out, the limit is visible
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      // An alias without its anchor, too many aliases (a "billion laughs" file) or nesting too deep to convert:
      // reported like a syntax error, never thrown.
      const deep = error instanceof RangeError ? deepestNesting(source) : undefined;
      if (deep) errors.push({ message: tooDeep(deep.field), position: deep });
      else errors.push({ message: error instanceof Error ? error.message : String(error), position: pos(aliasOffset(doc)) });
    }
  }
  return {
    data,
    errors,
    positionOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
        if (isNode(node) && node.range) return pos(node.range[0]);
      }
      return { line: 1, column: 1 };
    },
  };
}

/** Where the first alias without an anchor before it is, else the first alias, else the document start. */
function aliasOffset(doc: Document): number {
  const anchors = new Set<string>();
  let first: number | undefined;
  let unresolved: number | undefined;
  try {
    visit(doc, {
      Node(_key, node) {
        if (isAlias(node)) {
          first ??= node.range?.[0];
          if (!anchors.has(node.source)) {
            unresolved = node.range?.[0];
            return visit.BREAK;
          }
        } else if (node.anchor) {
          anchors.add(node.anchor);
        }
        return undefined;
      },
    });
  } catch {
    // Too deep to walk: fall back to what was found so far.
  }
  return unresolved ?? first ?? 0;
}

/** V8's message for a stack overflow (a RangeError). */
const STACK_OVERFLOW = /maximum call stack size exceeded/i;

const tooDeep = (field: string) => `${field}: nested too deeply to read (no story field needs more than a few levels)`;

/**
 * Where a file nests deepest, found without recursion (the parser's own
 * recursion is what overflowed): the line with the most open `[`/`{` and
 * `- ` sequence markers, its first marker's column, and the key it belongs
 * to — the nearest `key:` at or above it (`document` when there is none).
 * Quotes are not tracked: this only points at the place to look.
 */
export function deepestNesting(source: string): Position & { field: string } {
  const lines = source.split('\n');
  let flow = 0;
  let best = { depth: -1, line: 0, column: 1 };
  lines.forEach((text, i) => {
    const dashes = /^(?:\s*-(?=\s|$))+/.exec(text)?.[0].match(/-/g)?.length ?? 0;
    let deepest = flow;
    for (const ch of text) {
      if (ch === '[' || ch === '{') deepest = Math.max(deepest, ++flow);
      else if (ch === ']' || ch === '}') flow = Math.max(0, flow - 1);
    }
    const depth = deepest + dashes;
    if (depth > best.depth) best = { depth, line: i, column: Math.max(1, text.search(/[-[{]/) + 1) };
  });
  return { line: best.line + 1, column: best.column, field: fieldAt(lines, best.line) };
}

/** The key written nearest at or above line `index` (0-based) of `lines`: `document` when there is none. */
function fieldAt(lines: readonly string[], index: number): string {
  // Stryker disable next-line ArithmeticOperator: index is always a line of the file, so the bound never takes effect
  for (let i = Math.min(index, lines.length - 1); i >= 0; i--) {
    const key = /^\s*(?:-\s+)*([A-Za-z_][\w-]*)\s*:(?:\s|$)/.exec(lines[i]!);
    if (key) return key[1]!;
  }
  return 'document';
}
