import { For } from 'solid-js';
import { LANGS, type Lang } from '../story/model';
import { UI } from './i18n';

const NAMES: Record<Lang, string> = { nl: 'Nederlands', en: 'English' };

/** Two buttons, NL and EN; the pressed one is the current language. */
export function LanguageSwitch(props: { lang: Lang; onChange(lang: Lang): void }) {
  return (
    <div class="sm-lang" role="group" aria-label={UI[props.lang].language}>
      <For each={LANGS}>
        {(l) => (
          <button
            type="button"
            lang={l}
            aria-pressed={props.lang === l}
            onClick={() => props.onChange(l)}
          >
            <span aria-hidden="true">{l.toUpperCase()}</span>
            <span class="sm-visually-hidden">{NAMES[l]}</span>
          </button>
        )}
      </For>
    </div>
  );
}
