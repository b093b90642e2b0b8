/**
 * The prerendered page is in one language; a reader who asks for the other
 * (`?lang=en`) would see it painted, then switched when the app hydrates.
 * This runs as a tiny classic script in the page's `<head>` (a file, for the
 * strict CSP), before the body is parsed: for a known other language it marks
 * `<html>` so the CSS keeps the story text invisible, space kept, until the
 * app has switched the language (`LANG_PENDING` is removed by `App`).
 * Without JavaScript nothing is hidden; if the app never starts, `timeoutMs`
 * shows the served text anyway.
 */
export const LANG_PENDING = 'sm-lang-pending';

export function langGate(doc: Document, search: string, langs: readonly string[], pendingClass: string, timeoutMs: number): void {
  try {
    const wanted = new URLSearchParams(search).get('lang');
    const root = doc.documentElement;
    if (wanted === null || wanted === root.lang || langs.indexOf(wanted) < 0) return;
    root.classList.add(pendingClass);
    setTimeout(() => root.classList.remove(pendingClass), timeoutMs);
  } catch {
    // Whatever fails here, the page shows its served text.
  }
}

/** The gate as a script's source, with its arguments bound: what the build serves as a file. */
export function langGateScript(langs: readonly string[], timeoutMs = 3000): string {
  return `(${langGate.toString()})(document, location.search, ${JSON.stringify(langs)}, ${JSON.stringify(LANG_PENDING)}, ${timeoutMs});\n`;
}
