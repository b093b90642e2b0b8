import { createEffect, createSignal, on, onCleanup, onMount, type Accessor } from 'solid-js';
import { isServer } from 'solid-js/web';
import type { Lang, Step, Story } from '../story/model';
import { ui, type Catalogue } from './i18n';
import { LANG_PENDING } from './langGate';
import { parseStepHash } from './urlState';

/** What a host can do with a mounted story. */
export interface StoryApi {
  /** Go to a step by id (`instant` skips the smooth scroll); false if the story has no such step. */
  goTo(stepId: string, options?: { instant?: boolean }): boolean;
  setLang(lang: Lang): void;
  readonly stepId: string;
}

/** How the view moves between steps: the scroll tracker of the full story, or a card's own index. */
export interface StepNavigator {
  active: Accessor<number>;
  /** Show step `index`; `instant` without animation. */
  show(index: number, instant: boolean): void;
}

export interface StoryStateOptions {
  story: Story;
  /** The language to open in; the story's first if absent or not one of its languages. */
  lang?: Lang | undefined;
  /** Keep `#step` and `?lang` in the address bar and the document's title and language in sync (the full page only). */
  syncUrl?: boolean | undefined;
  /** Inside someone else's page: the document is the host's, never touched. */
  embedded?: boolean | undefined;
  onStepChange?: ((stepId: string, index: number) => void) | undefined;
  /** Receives the host API once mounted. */
  ref?: ((api: StoryApi) => void) | undefined;
}

export interface StoryState {
  lang: Accessor<Lang>;
  setLang(lang: Lang): void;
  /** The interface catalogue of the current language. */
  t: Accessor<Catalogue>;
  activeIndex: Accessor<number>;
  activeStep: Accessor<Step>;
  /** Go to a step by index; ignored outside the story. */
  goToIndex(index: number, instant?: boolean): void;
}

/** How long a step stays active before the address bar names it. */
export const URL_DELAY_MS = 250;

/**
 * The one owner of reader state: the active step (through a navigator), the
 * language, the address bar, the document's title and language, and the
 * API a host page uses. Views lay out; they read and change state here.
 */
export function createStoryState(options: StoryStateOptions, navigator: StepNavigator): StoryState {
  const story = options.story;
  const known = (l: Lang | undefined): l is Lang => l !== undefined && story.languages.includes(l);
  const [lang, setLangSignal] = createSignal<Lang>(known(options.lang) ? options.lang : story.languages[0]!);
  const setLang = (l: Lang) => {
    if (known(l)) setLangSignal(l);
  };
  const activeStep = () => story.steps[navigator.active()]!;
  const goToIndex = (index: number, instant = false) => {
    if (index >= 0 && index < story.steps.length) navigator.show(index, instant);
  };

  onMount(() => {
    if (options.syncUrl) {
      const onHash = () => {
        const id = parseStepHash(location.hash, story.steps.map((s) => s.id));
        const index = story.steps.findIndex((s) => s.id === id);
        if (index >= 0 && index !== navigator.active()) goToIndex(index);
      };
      window.addEventListener('hashchange', onHash);
      onCleanup(() => window.removeEventListener('hashchange', onHash));
    }
    options.ref?.({
      goTo(stepId, opts) {
        const index = story.steps.findIndex((s) => s.id === stepId);
        if (index < 0) return false;
        goToIndex(index, opts?.instant);
        return true;
      },
      setLang,
      get stepId() {
        return activeStep().id;
      },
    });
  });

  // The address follows the step the reader stays on: a skim through ten steps writes it once, not ten times.
  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(urlTimer));
  createEffect(
    on(
      navigator.active,
      (index) => {
        const id = story.steps[index]!.id;
        if (options.syncUrl) {
          clearTimeout(urlTimer);
          // replaceState, not pushState: scrolling must not fill the back button's history.
          urlTimer = setTimeout(() => history.replaceState(history.state, '', `${location.pathname}${location.search}#${id}`), URL_DELAY_MS);
        }
        options.onStepChange?.(id, index);
      },
      { defer: true },
    ),
  );
  createEffect(
    on(lang, (l, previous) => {
      if (options.embedded || isServer) return;
      document.documentElement.lang = l;
      document.documentElement.classList.remove(LANG_PENDING);
      document.title = story.title[l]!;
      // Only a language the reader chose goes into the address bar.
      if (options.syncUrl && previous !== undefined) {
        const url = new URL(location.href);
        url.searchParams.set('lang', l);
        history.replaceState(history.state, '', url);
      }
    }),
  );

  return { lang, setLang, t: () => ui(lang()), activeIndex: navigator.active, activeStep, goToIndex };
}
