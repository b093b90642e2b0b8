import { describe, expect, it } from 'vitest';
import { deepestNesting, readYaml } from './yamlPositions';

const text = ['id: test', 'steps:', '  - id: first', '    places: [hanoi, pyongyang]', '    camera:', '      zoom: 5', ''].join('\n');

describe('readYaml', () => {
  it('gives the data and where each value is written', () => {
    const file = readYaml(text);
    expect(file.errors).toEqual([]);
    expect(file.data).toEqual({ id: 'test', steps: [{ id: 'first', places: ['hanoi', 'pyongyang'], camera: { zoom: 5 } }] });
    expect(file.positionOf(['id'])).toEqual({ line: 1, column: 5 });
    expect(file.positionOf(['steps', 0, 'places', 1])).toEqual({ line: 4, column: 21 });
    expect(file.positionOf(['steps', 0, 'camera', 'zoom'])).toEqual({ line: 6, column: 13 });
  });

  it('points a missing value at the nearest value written around it', () => {
    const file = readYaml(text);
    expect(file.positionOf(['steps', 0, 'camera', 'center'])).toEqual({ line: 6, column: 7 });
    expect(file.positionOf(['steps', 3, 'title'])).toEqual({ line: 3, column: 3 });
    expect(file.positionOf(['sources'])).toEqual({ line: 1, column: 1 });
    expect(file.positionOf([])).toEqual({ line: 1, column: 1 });
    expect(readYaml('').positionOf(['id'])).toEqual({ line: 1, column: 1 });
    expect(readYaml('\n\n  id: x').positionOf(['id'])).toEqual({ line: 3, column: 7 });
    expect(readYaml('# a comment\n\nid: x').positionOf(['sources'])).toEqual({ line: 3, column: 1 });
  });

  it('reports a syntax error or a duplicate key at its line, in one line, and gives no data', () => {
    const broken = readYaml('id: test\ntitle: [a, b\nintro: x\n');
    expect(broken.data).toBeUndefined();
    expect(broken.errors.length).toBeGreaterThan(0);
    expect([2, 3]).toContain(broken.errors[0]!.position.line);
    for (const e of broken.errors) expect(e.message).not.toContain('\n');
    const twice = readYaml('id: a\ntitle: x\nid: b\n');
    expect(twice.errors).toEqual([{ message: expect.stringMatching(/unique/i), position: { line: 3, column: 1 } }]);
  });

  it('reports an alias without its anchor, or too many aliases, at the alias, never throwing', () => {
    const unresolved = readYaml('id: test\nplaces:\n  - &a hanoi\n  - *a\n  - *b\n');
    expect(unresolved.data).toBeUndefined();
    expect(unresolved.errors).toEqual([{ message: expect.stringMatching(/b/), position: { line: 5, column: 5 } }]);
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++) levels.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`);
    const bomb = readYaml(levels.join('\n'));
    expect(bomb.data).toBeUndefined();
    expect(bomb.errors).toHaveLength(1);
    expect(bomb.errors[0]!.position).toEqual({ line: 2, column: 8 });
    // Aliases that all resolve: the first alias is where the conversion gave up.
    const many = readYaml(`a: &a x\nb: [${Array(101).fill('*a').join(', ')}]\n`);
    expect(many.errors).toEqual([{ message: expect.any(String), position: { line: 2, column: 5 } }]);
  });
});

describe('deepestNesting', () => {
  it('finds the line that opens the most brackets and list items, and the key written nearest above', () => {
    const source = ['id: x', 'steps:', '  - places: [[a]]', '    camera:', '      center: [[[[1]]], 2]', '  - - - - - deep', ''].join('\n');
    expect(deepestNesting(source)).toEqual({ line: 6, column: 3, field: 'center' });
    expect(deepestNesting(source.replace('- - - - - deep', '- x'))).toEqual({ line: 5, column: 15, field: 'center' });
  });
  it('counts brackets opened on earlier lines, never below none', () => {
    expect(deepestNesting('a: [[\n  [b]]]\n]]]]\nc: [x]')).toEqual({ line: 2, column: 3, field: 'a' });
    expect(deepestNesting(']]]]\nc: [x]')).toEqual({ line: 2, column: 4, field: 'c' });
  });
  it('takes the first of equally deep lines, and the first marker of a line without nesting', () => {
    expect(deepestNesting('a: [x]\nb: [y]')).toEqual({ line: 1, column: 4, field: 'a' });
    expect(deepestNesting('a: x-y\nb: z')).toEqual({ line: 1, column: 5, field: 'a' });
    // A dash inside a value is no list item.
    expect(deepestNesting('key: a - b\nother: [x]')).toEqual({ line: 2, column: 8, field: 'other' });
  });
  it('finds the key of a list item however it is spaced', () => {
    expect(deepestNesting('items:\n  -   key :  [[x]]')).toEqual({ line: 2, column: 3, field: 'key' });
    // A dash at the end of its line opens an item too.
    expect(deepestNesting('a:\n  - - -\nb: [[[x]]]')).toEqual({ line: 2, column: 3, field: 'a' });
  });
  it('names the document when no key is written above', () => {
    expect(deepestNesting('- - - x\n')).toEqual({ line: 1, column: 1, field: 'document' });
    expect(deepestNesting('[[x]]')).toEqual({ line: 1, column: 1, field: 'document' });
  });
});
