// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LANG_PENDING, langGate, langGateScript } from './langGate';

afterEach(() => {
  document.documentElement.className = '';
  vi.useRealTimers();
});

describe('langGate', () => {
  it('holds the text back while the page switches to a known other language, and gives up after the timeout', () => {
    vi.useFakeTimers();
    document.documentElement.lang = 'nl';
    langGate(document, '?lang=en', ['nl', 'en'], LANG_PENDING, 3000);
    expect(document.documentElement.classList.contains(LANG_PENDING)).toBe(true);
    vi.advanceTimersByTime(3000);
    expect(document.documentElement.classList.contains(LANG_PENDING)).toBe(false);
  });

  it('hides nothing for the served language, an unknown or hostile value, or no value', () => {
    document.documentElement.lang = 'nl';
    for (const search of ['', '?lang=nl', '?lang=de', '?lang=javascript:alert(1)', '?lang=%3Cimg%3E', '?%']) {
      langGate(document, search, ['nl', 'en'], LANG_PENDING, 3000);
      expect(document.documentElement.classList.contains(LANG_PENDING), search).toBe(false);
    }
  });

  it('serves as a self-contained script with its arguments bound', () => {
    const source = langGateScript(['nl', 'en']);
    expect(source).toMatch(/^\(function|^\(\(?/);
    expect(source).toContain('["nl","en"]');
    expect(source).toContain(JSON.stringify(LANG_PENDING));
  });
});
