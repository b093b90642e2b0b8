import { createSignal, onCleanup, type Accessor } from 'solid-js';

/**
 * True while the page is being printed. `beforeprint` fires before the
 * browser lays the page out for print, so content rendered on it makes it
 * into the printout.
 */
export function createPrinting(): Accessor<boolean> {
  const [printing, setPrinting] = createSignal(false);
  if (typeof window === 'undefined') return printing;
  const on = () => setPrinting(true);
  const off = () => setPrinting(false);
  window.addEventListener('beforeprint', on);
  window.addEventListener('afterprint', off);
  onCleanup(() => {
    window.removeEventListener('beforeprint', on);
    window.removeEventListener('afterprint', off);
  });
  return printing;
}
