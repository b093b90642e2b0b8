import { EXAMPLE_BASE } from './embed/snippets';

/** The front page's embed snippets point at the address this site is served from. */
const base = new URL('./', location.href).href;
for (const code of document.querySelectorAll<HTMLElement>('code[data-embed]')) {
  code.textContent = (code.textContent ?? '').split(EXAMPLE_BASE).join(base);
}
