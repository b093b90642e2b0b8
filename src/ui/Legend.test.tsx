// @vitest-environment happy-dom
import { createSignal } from 'solid-js';
import { render } from 'solid-js/web';
import { describe, expect, it } from 'vitest';
import type { MapFeature } from '../story/model';
import { Legend } from './Legend';

const line = (id: string): MapFeature => ({
  id,
  kind: 'line',
  label: { en: `Line ${id}` },
  provenance: { en: `Drawn from ${id}` },
  coordinates: [
    [
      [0, 0],
      [1, 1],
    ],
  ],
});

describe('Legend', () => {
  it('keeps the element of every entry the next step still shows, and only adds and removes the rest', () => {
    const root = document.createElement('div');
    const [shown, setShown] = createSignal<string[]>(['a', 'b']);
    const dispose = render(() => <Legend lang="en" features={[line('a'), line('b'), line('c')]} shown={shown()} hasPlaces />, root);
    const entry = (key: string) => root.querySelector(`[data-legend="${key}"]`);
    const before = { place: entry('place'), a: entry('a'), b: entry('b'), border: entry('border') };
    expect(Object.values(before).every((e) => e !== null)).toBe(true);

    setShown(['b', 'c']);
    expect(entry('a')).toBeNull();
    expect(entry('c')?.textContent).toBe('Line c');
    expect(entry('place')).toBe(before.place);
    expect(entry('b')).toBe(before.b);
    expect(entry('border')).toBe(before.border);
    expect([...root.querySelectorAll('[data-legend]')].map((e) => e.getAttribute('data-legend'))).toEqual(['place', 'b', 'c', 'border']);
    dispose();
  });
});
