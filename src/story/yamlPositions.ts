/**
 * Reads a YAML story file keeping positions, so a validation issue found on
 * the parsed data can be reported at the file's line and column.
 */
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
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
  const doc: Document = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const pos = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const errors = doc.errors.map((e) => ({
    message: e.message.split('\n')[0]!,
    position: pos(e.pos[0]),
  }));
  return {
    data: errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 }),
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
