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
    // The parser itself overflows the stack on some deep nesting (10,000 levels of `- - - …`): no position is known.
    const message = error instanceof Error ? error.message : String(error);
    return { data: undefined, errors: [{ message, position: { line: 1, column: 1 } }], positionOf: () => ({ line: 1, column: 1 }) };
  }
  const pos = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const errors = doc.errors.map((e) => ({
    message: e.message.split('\n')[0]!,
    position: pos(e.pos[0]),
  }));
  let data: unknown;
  if (errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      // An alias without its anchor, too many aliases (a "billion laughs" file) or nesting too deep to convert:
      // reported like a syntax error, never thrown.
      errors.push({ message: error instanceof Error ? error.message : String(error), position: pos(aliasOffset(doc)) });
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
