import { createMemo, For, Show } from 'solid-js';
import type { Lang, MapFeature } from '../story/model';
import { modesOf } from '../map/style';
import { ui } from './i18n';

interface Item {
  key: string;
  swatch: string;
  label: string;
  note?: string;
  /** A further mode of the route above it: indented, named by its mode only. */
  sub?: boolean;
}

/** The legend's entries for the features shown: one per feature, and one per further mode of a route. */
export function legendItems(features: readonly MapFeature[], shown: readonly string[], lang: Lang): Item[] {
  const t = ui(lang);
  const items: Item[] = [];
  for (const f of features) {
    if (!shown.includes(f.id)) continue;
    const label = f.label[lang]!;
    const note = f.provenance[lang]!;
    if (f.kind === 'route') {
      const [first, ...rest] = modesOf(f);
      items.push({ key: f.id, swatch: `route-${first ?? 'rail'}`, label, note });
      for (const m of rest) items.push({ key: `${f.id}:${m}`, swatch: `route-${m}`, label: t.modeName(m), sub: true });
    } else if (f.kind === 'arc') items.push({ key: f.id, swatch: `arc-${f.status}`, label, note });
    else items.push({ key: f.id, swatch: f.kind, label, note });
  }
  return items;
}

/** What is on the map for the active step, with where each line comes from. */
export function Legend(props: { lang: Lang; features: readonly MapFeature[]; shown: readonly string[]; hasPlaces: boolean }) {
  const t = () => ui(props.lang);
  // An entry the next step keeps is the same object, so <For> keeps its element: new objects would
  // rebuild the whole legend, and its layout, at every step.
  const items = createMemo<Item[]>((previous) => {
    const kept = new Map(previous.map((i) => [i.key, i]));
    const same = (a: Item, b: Item) => a.swatch === b.swatch && a.label === b.label && a.note === b.note && a.sub === b.sub;
    return [
      ...(props.hasPlaces ? [{ key: 'place', swatch: 'place', label: t().legendPlace }] : []),
      ...legendItems(props.features, props.shown, props.lang),
      { key: 'border', swatch: 'border', label: t().legendBorder },
    ].map((item) => {
      const old = kept.get(item.key);
      return old && same(item, old) ? old : item;
    });
  }, []);
  const notes = () => items().filter((i) => i.note);
  return (
    <section class="sm-legend" aria-label={t().legend}>
      <h2 class="sm-legend__title">{t().legend}</h2>
      <ul>
        <For each={items()}>
          {(item) => (
            <li data-legend={item.key} classList={{ 'sm-legend__sub': !!item.sub }}>
              <span class={`sm-swatch sm-swatch--${item.swatch}`} aria-hidden="true" />
              <span>{item.label}</span>
            </li>
          )}
        </For>
      </ul>
      <Show when={notes().length > 0}>
        <details class="sm-legend__notes">
          <summary>{t().provenance}</summary>
          <For each={notes()}>
            {(item) => (
              <p data-legend-note={item.key}>
                <strong>{item.label}: </strong>
                {item.note}
              </p>
            )}
          </For>
        </details>
      </Show>
    </section>
  );
}
