import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { copiedRuns, phraseIndex, words } from './sharedPhrases';
import { runs } from './fixtures/propertyRuns';

const source =
  'Kim reisde met de trein naar Hanoi, een reis van ruim zestig uur. De Amerikaanse president kwam per vliegtuig. ' +
  '„Soms moet je weglopen”, zei hij na afloop tegen de pers in de Vietnamese hoofdstad.';
// Made in each test, where mutation testing sees which test ran which code.
const sourceIndex = () => phraseIndex(source);

describe('words', () => {
  it('lower-cases words and strips the punctuation around them, not inside them', () => {
    expect(words('„Soms moet je weglopen”, zei hij.')).toEqual(['soms', 'moet', 'je', 'weglopen', 'zei', 'hij']);
    expect(words('Noord-Korea’s z’n (Kim) — 2019!')).toEqual(['noord-korea’s', 'z’n', 'kim', '2019']);
    expect(words('  — … ')).toEqual([]);
    expect(words('«‹Kim›» ((2019))')).toEqual(['kim', '2019']);
  });
});

describe('phraseIndex', () => {
  it('holds every run of six consecutive words, or of n', () => {
    expect(phraseIndex('a b c d e f g')).toEqual(new Set(['a b c d e f', 'b c d e f g']));
    expect(phraseIndex('a b c d e')).toEqual(new Set());
    expect(phraseIndex('a b c', 2)).toEqual(new Set(['a b', 'b c']));
  });
});

describe('copiedRuns', () => {
  it('finds six words copied from the source, whatever their case, punctuation or quotation marks', () => {
    expect(copiedRuns('Hij kwam per vliegtuig; de Amerikaanse president kwam per vliegtuig.', sourceIndex())).toEqual(['de Amerikaanse president kwam per vliegtuig.']);
    expect(copiedRuns('Hij zei: "soms moet je weglopen, zei hij" en ging.', sourceIndex())).toEqual(['"soms moet je weglopen, zei hij"']);
  });

  it('lets five words in a row pass', () => {
    expect(copiedRuns('Kim reisde met de trein, niet met het vliegtuig.', sourceIndex())).toEqual([]);
    expect(copiedRuns('De Amerikaanse president kwam per boot.', sourceIndex())).toEqual([]);
  });

  it('reports a longer copied passage once, as written, and several passages longest first', () => {
    const text = 'Kim reisde met de trein naar Hanoi, een reis van ruim zestig uur, schreef de krant. Later: de pers in de Vietnamese hoofdstad.';
    expect(copiedRuns(text, sourceIndex())).toEqual(['Kim reisde met de trein naar Hanoi, een reis van ruim zestig uur,', 'de pers in de Vietnamese hoofdstad.']);
  });

  it('puts the longest copied passage first wherever it is in the text', () => {
    const text = 'De pers in de Vietnamese hoofdstad. Kim reisde met de trein naar Hanoi, een reis van ruim zestig uur.';
    expect(copiedRuns(text, sourceIndex())).toEqual(['Kim reisde met de trein naar Hanoi, een reis van ruim zestig uur.', 'De pers in de Vietnamese hoofdstad.']);
  });

  it('takes a run that crosses a sentence of the source as copied too', () => {
    expect(copiedRuns('Een reis van ruim zestig uur. De Amerikaanse president.', sourceIndex())).toEqual(['Een reis van ruim zestig uur. De Amerikaanse president.']);
  });

  it('uses the run length it is given', () => {
    expect(copiedRuns('per vliegtuig kwam hij', phraseIndex(source, 2), 2)).toEqual(['per vliegtuig']);
  });

  it('finds any six words of a source in a text that contains them, and nothing in unrelated words', () => {
    const word = fc.constantFrom('de', 'het', 'kim', 'trein', 'hanoi', 'reis', 'uur', 'zei', 'hij', 'pers');
    fc.assert(
      fc.property(fc.array(word, { minLength: 6, maxLength: 30 }), fc.nat(), fc.array(fc.constantFrom('x', 'y', 'z'), { maxLength: 5 }), (src, pick, before) => {
        const start = pick % (src.length - 5);
        const copied = src.slice(start, start + 6).join(' ');
        const found = copiedRuns(`${before.join(' ')} ${copied.toUpperCase()} y`, phraseIndex(src.join(' ')));
        expect(found.length).toBeGreaterThan(0);
        expect(found.some((run) => run.toLowerCase().includes(copied))).toBe(true);
        expect(copiedRuns('x y z x y z x y', phraseIndex(src.join(' ')))).toEqual([]);
      }),
      { numRuns: runs(300) },
    );
  });
});
