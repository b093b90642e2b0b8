import { createEffect, createMemo, createSignal, For, on, onCleanup, onMount } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import type { Citation, Excerpt, Lang, Story } from '../story/model';
import { findQuote, type TextRange } from '../story/citations';
import { paragraphRanges } from '../story/highlight';
import { mapStateFor } from '../map/mapState';
import { createStepTracker } from './createStepTracker';
import { createReducedMotion } from './createReducedMotion';
import { ExcerptPanel } from './ExcerptPanel';
import { LanguageSwitch } from './LanguageSwitch';
import { Legend } from './Legend';
import { MapView } from './MapView';
import { SourceReader } from './SourceReader';
import { StepCard } from './StepCard';
import { UI } from './i18n';
import { parseStepHash } from './urlState';

export interface AppOptions {
  story: Story;
  lang?: Lang | undefined;
  /** Id of the step to open at. */
  step?: string | undefined;
  /** Inside someone else's page: no window-level keys, no URL writes, no element ids. */
  embedded?: boolean;
  /** The element that scrolls the story; null for the viewport. */
  scrollRoot?: Element | null;
  /** Keep `#step` and `?lang` in the address bar in sync (the full page only). */
  syncUrl?: boolean;
  /** Only for tests that read pixels. */
  preserveDrawingBuffer?: boolean;
}

let instances = 0;

const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

/** The story map: step cards that scroll, a map that follows the active step. */
export function App(props: AppOptions) {
  const story = props.story;
  const idPrefix = `sm${++instances}`;
  const [lang, setLang] = createSignal<Lang>(props.lang ?? 'nl');
  const t = () => UI[lang()];
  const initial = Math.max(0, story.steps.findIndex((s) => s.id === props.step));
  const stepEls: HTMLElement[] = [];
  let header: HTMLElement | undefined;
  let footer: HTMLElement | undefined;
  const tracker = createStepTracker({
    elements: () => stepEls,
    before: () => header,
    after: () => footer,
    root: props.scrollRoot ?? null,
    initial,
  });
  const reducedMotion = createReducedMotion();
  const activeStep = () => story.steps[tracker.active()]!;
  const mapState = createMemo(() => mapStateFor(activeStep(), reducedMotion() ? 1 : tracker.progress()));

  const [openPlace, setOpenPlace] = createSignal<{ id: string; opener: HTMLElement }>();
  const [openSource, setOpenSource] = createSignal<{ id: string; range: TextRange | undefined; opener: HTMLElement }>();

  const openCitation = (citation: Citation, opener: HTMLElement) => {
    const source = story.sources.find((s) => s.id === citation.source);
    setOpenSource({ id: citation.source, range: source ? (findQuote(source.text, citation.quote) ?? undefined) : undefined, opener });
  };
  const openExcerptSource = (excerpt: Excerpt, opener: HTMLElement) => {
    const source = story.sources.find((s) => s.id === excerpt.source);
    setOpenSource({ id: excerpt.source, range: source ? paragraphRanges(source.text)[excerpt.paragraph] : undefined, opener });
  };

  const goToStep = (index: number) => {
    if (index < 0 || index >= story.steps.length) return;
    tracker.goTo(index, reducedMotion() ? 'auto' : 'smooth');
    stepEls[index]?.focus({ preventScroll: true });
  };

  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (openPlace() || openSource() || isTyping(event.target)) return;
    // Arrow keys pan the map while its canvas has focus.
    if (event.target instanceof Element && event.target.closest('.maplibregl-canvas-container, .maplibregl-canvas')) return;
    const delta = event.key === 'ArrowDown' || event.key === 'j' ? 1 : event.key === 'ArrowUp' || event.key === 'k' ? -1 : 0;
    if (delta === 0) return;
    const next = tracker.active() + delta;
    if (next < 0 || next >= story.steps.length) return;
    event.preventDefault();
    goToStep(next);
  };

  let root!: HTMLDivElement;
  onMount(() => {
    const keyTarget: EventTarget = props.embedded ? root : window;
    keyTarget.addEventListener('keydown', onKey as EventListener);
    onCleanup(() => keyTarget.removeEventListener('keydown', onKey as EventListener));
    if (props.step && story.steps[initial]?.id === props.step) tracker.goTo(initial, 'auto');
    if (props.syncUrl) {
      const onHash = () => {
        const id = parseStepHash(location.hash, story.steps.map((s) => s.id));
        const index = story.steps.findIndex((s) => s.id === id);
        if (index >= 0 && index !== tracker.active()) goToStep(index);
      };
      window.addEventListener('hashchange', onHash);
      onCleanup(() => window.removeEventListener('hashchange', onHash));
    }
  });

  // replaceState, not pushState or location.hash: scrolling must not fill the back button's history.
  createEffect(
    on(
      () => tracker.active(),
      (index) => {
        if (props.syncUrl) history.replaceState(history.state, '', `${location.pathname}${location.search}#${story.steps[index]!.id}`);
      },
      { defer: true },
    ),
  );
  createEffect(
    on(lang, (l, previous) => {
      if (props.embedded) return;
      document.documentElement.lang = l;
      document.title = story.title[l];
      // Only a language the reader chose goes into the address bar.
      if (props.syncUrl && previous !== undefined) {
        const url = new URL(location.href);
        url.searchParams.set('lang', l);
        history.replaceState(history.state, '', url);
      }
    }),
  );

  const placeById = (id: string | undefined) => story.places.find((p) => p.id === id);
  const announcement = () => {
    const step = activeStep();
    const names = step.places.map((id) => placeById(id)?.name[lang()]).filter(Boolean);
    const shown = names.length > 0 ? ` ${t().mapShows}: ${names.join(', ')}.` : '';
    return `${t().stepOf(tracker.active() + 1, story.steps.length)}: ${step.title[lang()]}.${shown}`;
  };

  return (
    <div ref={root} class="sm-app" classList={{ 'sm-app--embedded': !!props.embedded }} lang={lang()}>
      <div class="sm-map-col" role="region" aria-label={t().mapLabel}>
        <MapView
          state={mapState()}
          places={story.places}
          lang={lang()}
          reducedMotion={reducedMotion()}
          onPlaceClick={(id, opener) => setOpenPlace({ id, opener })}
          preserveDrawingBuffer={props.preserveDrawingBuffer ?? false}
        />
        <Legend lang={lang()} layers={mapState().layers} hasPlaces={mapState().highlighted.length > 0} />
      </div>
      <Dynamic component={props.embedded ? 'div' : 'main'} class="sm-steps">
        <header class="sm-header" ref={header}>
          <div class="sm-toolbar">
            <LanguageSwitch lang={lang()} onChange={setLang} />
          </div>
          <h1 class="sm-title">{story.title[lang()]}</h1>
          <p class="sm-intro">{story.intro[lang()]}</p>
          <p class="sm-hint">{t().keyboardHint}</p>
        </header>
        <For each={story.steps}>
          {(step, i) => (
            <StepCard
              step={step}
              index={i()}
              total={story.steps.length}
              active={tracker.active() === i()}
              lang={lang()}
              story={story}
              anchorId={props.embedded ? undefined : step.id}
              ref={(el) => (stepEls[i()] = el)}
              onOpenPlace={(id, opener) => setOpenPlace({ id, opener })}
              onOpenCitation={openCitation}
            />
          )}
        </For>
        <footer class="sm-footer" ref={footer}>
          <h2>{t().sourcesHeading}</h2>
          <p>{t().sourcesIntro}</p>
          <ul>
            <For each={story.sources}>
              {(source) => (
                <li>
                  <button
                    type="button"
                    class="sm-link-button"
                    onClick={(e) => setOpenSource({ id: source.id, range: undefined, opener: e.currentTarget })}
                  >
                    {source.label[lang()]}
                  </button>{' '}
                  <time datetime={source.date}>({source.date})</time>
                </li>
              )}
            </For>
          </ul>
        </footer>
      </Dynamic>
      <p class="sm-visually-hidden" aria-live="polite">
        {announcement()}
      </p>
      <ExcerptPanel
        place={placeById(openPlace()?.id)}
        excerpts={story.excerpts[openPlace()?.id ?? ''] ?? []}
        sources={story.sources}
        lang={lang()}
        idPrefix={idPrefix}
        returnFocus={openPlace()?.opener}
        onClose={() => setOpenPlace(undefined)}
        onReadSource={openExcerptSource}
      />
      <SourceReader
        source={story.sources.find((s) => s.id === openSource()?.id)}
        highlight={openSource()?.range}
        lang={lang()}
        idPrefix={idPrefix}
        returnFocus={openSource()?.opener}
        onClose={() => setOpenSource(undefined)}
      />
    </div>
  );
}
