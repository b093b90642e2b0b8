import { For, Show } from 'solid-js';
import type { Lang, StoryLayer } from '../story/model';
import { UI } from './i18n';

interface Item {
  key: string;
  swatch: string;
  label: string;
  note?: string;
}

/** What is on the map for the active step, with the provenance of what is approximate. */
export function Legend(props: { lang: Lang; layers: readonly StoryLayer[]; hasPlaces: boolean }) {
  const t = () => UI[props.lang];
  const items = (): Item[] => {
    const on = (l: StoryLayer) => props.layers.includes(l);
    const list: Item[] = [];
    if (props.hasPlaces) list.push({ key: 'place', swatch: 'place', label: t().legendPlace });
    if (on('train-route')) list.push({ key: 'train', swatch: 'train', label: t().legendTrain, note: t().trainProvenance });
    if (on('ghost-flight')) list.push({ key: 'ghost', swatch: 'ghost', label: t().legendGhost, note: t().ghostProvenance });
    if (on('af1-home')) list.push({ key: 'af1', swatch: 'af1', label: t().legendAf1, note: t().af1Provenance });
    list.push({ key: 'border', swatch: 'border', label: t().legendBorder });
    if (on('demarcation-line')) list.push({ key: 'mdl', swatch: 'mdl', label: t().legendDemarcation, note: t().basemapProvenance });
    return list;
  };
  const notes = () => items().filter((i) => i.note);
  return (
    <section class="sm-legend" aria-label={t().legend}>
      <h2 class="sm-legend__title">{t().legend}</h2>
      <ul>
        <For each={items()}>
          {(item) => (
            <li data-legend={item.key}>
              <span class={`sm-swatch sm-swatch--${item.swatch}`} aria-hidden="true" />
              <span>{item.label}</span>
            </li>
          )}
        </For>
      </ul>
      <Show when={notes().length > 0}>
        <details class="sm-legend__notes">
          <summary>{t().provenance}</summary>
          <For each={notes()}>{(item) => <p data-legend-note={item.key}>{item.note}</p>}</For>
        </details>
      </Show>
    </section>
  );
}
