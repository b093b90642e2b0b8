import { For } from 'solid-js';
import type { Lang } from '../story/model';
import { ui } from './i18n';

/** One button per story language; the pressed one is the current language. */
export function LanguageSwitch(props: { languages: readonly Lang[]; lang: Lang; onChange(lang: Lang): void }) {
  return (
    <div class="sm-lang" role="group" aria-label={ui(props.lang).language}>
      <For each={props.languages}>
        {(l) => (
          <button type="button" lang={l} aria-pressed={props.lang === l} onClick={() => props.onChange(l)}>
            <span aria-hidden="true">{l.split('-')[0]!.toUpperCase()}</span>
            <span class="sm-visually-hidden">{ui(l).languageName}</span>
          </button>
        )}
      </For>
    </div>
  );
}
