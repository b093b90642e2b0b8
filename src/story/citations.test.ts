import { describe, expect, it } from 'vitest';
import { closestPassage, findQuote, quotedSpans } from './citations';

const article = 'De president zei: „Soms moet je\n   weglopen.” En dat deed hij.\n\nKim weigerde.';

describe('findQuote', () => {
  it('finds a verbatim quote and returns offsets into the original text', () => {
    const range = findQuote(article, 'En dat deed hij.');
    expect(range).not.toBeNull();
    expect(article.slice(range!.start, range!.end)).toBe('En dat deed hij.');
  });

  it('treats any run of white space as one space, and nothing else', () => {
    const range = findQuote(article, 'Soms moet je weglopen.');
    expect(article.slice(range!.start, range!.end)).toBe('Soms moet je\n   weglopen.');
    expect(findQuote(article, 'Soms  moet\tje weglopen.')).not.toBeNull();
  });

  it('rejects a quote altered by one character, or with other punctuation', () => {
    expect(findQuote(article, 'Soms moet je weglopen!')).toBeNull();
    expect(findQuote(article, 'soms moet je weglopen.')).toBeNull();
    expect(findQuote(article, '"Soms moet je weglopen."')).toBeNull();
  });

  it('rejects an empty quote', () => {
    expect(findQuote(article, '   ')).toBeNull();
  });
});

describe('closestPassage', () => {
  it('suggests the sentence that shares most words with a misquote', () => {
    expect(closestPassage(article, 'Kim bedankte.')).toBe('Kim weigerde.');
  });
  it('suggests nothing when the quote shares too little', () => {
    expect(closestPassage(article, 'Een compleet ander verhaal over Parijs')).toBeNull();
  });
});

describe('quotedSpans', () => {
  it('finds spans in the quotation marks Dutch and English texts use', () => {
    expect(quotedSpans('Hij noemde hem ‘Rocket Man’ en dreigde met “totale vernietiging”.')).toEqual([
      'Rocket Man',
      'totale vernietiging',
    ]);
    expect(quotedSpans('De president: „Soms moet je weglopen.” Dus.')).toEqual(['Soms moet je weglopen.']);
    expect(quotedSpans('He said "walk" twice.')).toEqual(['walk']);
  });
  it('finds spans in German quotation marks, each closed by its own mark', () => {
    expect(quotedSpans('Er sagte: „Manchmal muss man gehen.“ Und ging.')).toEqual(['Manchmal muss man gehen.']);
    expect(quotedSpans('Die ‚Rakete‘ und »der Mann« sowie «die Frau».')).toEqual(['Rakete', 'der Mann', 'die Frau']);
    // A mark of another pair does not close a span: ’ does not end one opened by “.
    expect(quotedSpans('Hij zei “het kan’ niet” maar')).toEqual(['het kan’ niet']);
  });
  it('does not take an apostrophe inside a word for a quotation mark', () => {
    expect(quotedSpans('Beide Korea’s en z’n raketprogramma’s.')).toEqual([]);
  });
});
