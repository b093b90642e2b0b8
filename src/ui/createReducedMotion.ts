import { createSignal, onCleanup, type Accessor } from 'solid-js';

/** `prefers-reduced-motion: reduce`, following changes of the setting. */
export function createReducedMotion(): Accessor<boolean> {
  const query = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : undefined;
  const [reduced, setReduced] = createSignal(query?.matches ?? false);
  const onChange = (e: MediaQueryListEvent) => setReduced(e.matches);
  query?.addEventListener('change', onChange);
  onCleanup(() => query?.removeEventListener('change', onChange));
  return reduced;
}
