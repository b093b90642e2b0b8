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

  it('ignores white space around a quote, which the YAML file may keep', () => {
    const range = findQuote(article, '\n  Soms moet je weglopen.  \n');
    expect(article.slice(range!.start, range!.end)).toBe('Soms moet je\n   weglopen.');
    expect(findQuote(`  ${article}\n\n`, 'Kim weigerde.')).not.toBeNull();
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
  it('suggests nothing for a quote without words', () => {
    expect(closestPassage('Kim weigerde. … !!!', '…?')).toBeNull();
  });
  it('suggests a passage as written, without the white space or blank lines around it', () => {
    expect(closestPassage('\n\n   Kim weigerde beleefd.   \n\nTrump vertrok.', 'Kim weigerde.')).toBe('Kim weigerde beleefd.');
  });
  it('suggests the passage of one to three sentences that covers most of a quote, preferring the shortest', () => {
    const text = 'Een twee. Drie vier. Vijf zes. Zeven acht. Negen tien.';
    expect(closestPassage(text, 'een twee drie vier vijf zes zeven acht')).toBe('Een twee. Drie vier. Vijf zes.');
    expect(closestPassage(text, 'drie vier vijf zes')).toBe('Drie vier. Vijf zes.');
    expect(closestPassage(text, 'negen tien')).toBe('Negen tien.');
    // A passage is suggested from about three words in ten (a little less, for its length): four do, three do not.
    expect(closestPassage(text, 'een twee drie vier elf twaalf dertien veertien vijftien zestien')).toBe('Een twee. Drie vier.');
    expect(closestPassage(text, 'een twee drie elf twaalf dertien veertien vijftien zestien zeventien')).toBeNull();
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
    expect(quotedSpans('Hij las ‘Korea’s raketten’ voor.')).toEqual(['Korea’s raketten']);
  });
  it('finds a span at the very start of the text', () => {
    expect(quotedSpans('“Soms moet je weglopen,” zei hij.')).toEqual(['Soms moet je weglopen,']);
  });
  it('never lets a span cross a line break, nor an unclosed mark swallow the rest', () => {
    expect(quotedSpans('Hij zei “eerste\ntweede” en „derde”.')).toEqual(['derde']);
    expect(quotedSpans('Hij zei “nooit meer')).toEqual([]);
  });
  it('goes on after the closing mark, which never opens the next span', () => {
    expect(quotedSpans('Hij zei "ja -" of "nee".')).toEqual(['ja -', 'nee']);
  });
  it('trims the words inside the marks and drops spans of white space only', () => {
    expect(quotedSpans('Hij zei „ ja ” en “ ” niets.')).toEqual(['ja']);
  });
});
