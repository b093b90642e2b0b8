import { createEffect, createMemo, For, on, onCleanup, onMount, Show, type Accessor, type JSX } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import type { Lang, Step, Story } from '../story/model';
import { mapStateFor, sameMapState } from '../map/mapState';
import { loadedMapData } from '../map/mapData';
import { createPrinting } from './createPrinting';
import { StaticMap } from './StaticMap';
import { createStepTracker, type Viewport } from './createStepTracker';
import { createReducedMotion } from './createReducedMotion';
import { createReader } from './createReader';
import { LanguageSwitch } from './LanguageSwitch';
import { Legend } from './Legend';
import { MapView } from './MapView';
import { StepCard } from './StepCard';
import { createStoryState, type StoryApi } from './createStoryState';

export type { StoryApi };

/** Controls laid out with the story by the dev server's author mode (`src/author/`): above the steps, and in each step's card. */
export interface StoryTools {
  header(): JSX.Element;
  step(step: Step, index: number, active: Accessor<boolean>): JSX.Element;
}

export interface AppOptions {
  story: Story;
  lang?: Lang | undefined;
  /** Id of the step to open at. */
  step?: string | undefined;
  /** Inside someone else's page: no window-level keys, no URL writes, no element ids, cooperative map gestures. */
  embedded?: boolean;
  /** The element that scrolls the story; null for the viewport. */
  scrollRoot?: Element | null;
  /**
   * For an iframe sized to its content: the part of it the host page shows, in
   * the frame's document coordinates. Steps then follow the host's scrolling.
   */
  viewport?: Accessor<Viewport | undefined>;
  /** With `viewport`: ask the host to scroll so that document offset `y` comes to the middle of its screen. */
  requestScroll?(y: number): void;
  /** Keep `#step` and `?lang` in the address bar in sync (the full page only). */
  syncUrl?: boolean;
  onStepChange?(stepId: string, index: number): void;
  /** Receives the API once mounted. */
  ref?(api: StoryApi): void;
  /** Only for tests that read pixels. */
  preserveDrawingBuffer?: boolean;
  /** Author mode's controls (`npm run dev` only). */
  tools?: StoryTools | undefined;
}

const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

/** The story map: step cards that scroll, a map that follows the active step. Lays out; `createStoryState` owns the state. */
export function App(props: AppOptions) {
  const story = props.story;
  const initial = Math.max(0, story.steps.findIndex((s) => s.id === props.step));
  const stepEls: HTMLElement[] = [];
  let header: HTMLElement | undefined;
  let footer: HTMLElement | undefined;
  let root!: HTMLDivElement;
  let mapCol!: HTMLDivElement;
  const tracker = createStepTracker({
    elements: () => stepEls,
    before: () => header,
    after: () => footer,
    root: props.scrollRoot ?? null,
    initial,
    viewport: props.viewport,
    requestScroll: props.requestScroll,
    tracksProgress: (index) => !!story.steps[index]?.route,
  });
  const reducedMotion = createReducedMotion();
  const state = createStoryState(props, {
    active: tracker.active,
    show(index, instant) {
      tracker.goTo(index, instant || reducedMotion() ? 'auto' : 'smooth');
      stepEls[index]?.focus({ preventScroll: true });
    },
  });
  const { lang, t, activeStep } = state;
  // Scrolling within a step changes the map only where the step draws a route: nothing downstream runs otherwise.
  const mapState = createMemo(() => mapStateFor(activeStep(), reducedMotion() ? 1 : tracker.progress()), undefined, { equals: sameMapState });
  /** Whether the active step was reached by skipping others (a fast scroll, a jump): the map then goes there without a flight. */
  const skipped = createMemo(on(tracker.active, (index, previous) => previous !== undefined && Math.abs(index - previous) > 1));
  const reader = createReader(story, lang);
  const printing = createPrinting();

  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (reader.isOpen() || isTyping(event.target)) return;
    // Arrow keys pan the map while its canvas has focus.
    if (event.target instanceof Element && event.target.closest('.maplibregl-canvas-container, .maplibregl-canvas')) return;
    const delta = event.key === 'ArrowDown' || event.key === 'j' ? 1 : event.key === 'ArrowUp' || event.key === 'k' ? -1 : 0;
    const next = tracker.active() + delta;
    if (delta === 0 || next < 0 || next >= story.steps.length) return;
    event.preventDefault();
    state.goToIndex(next);
  };

  onMount(() => {
    // The prerendered page reads before it is hydrated; this tells tests and hosts that the controls now work.
    root.dataset.interactive = '';
    const keyTarget: EventTarget = props.embedded ? root : window;
    keyTarget.addEventListener('keydown', onKey as EventListener);
    onCleanup(() => keyTarget.removeEventListener('keydown', onKey as EventListener));
    if (props.step && story.steps[initial]?.id === props.step) tracker.goTo(initial, 'auto');
  });

  // In a self-resizing iframe the map is pinned to the part of the frame the host shows. Set through the
  // CSSOM rather than a style attribute: a prerendered style="" would break a strict CSP (style-src 'self').
  createEffect(() => {
    const vp = props.viewport?.();
    if (!vp) {
      root.style.removeProperty('--sm-vh');
      root.style.removeProperty('--sm-map-offset');
      return;
    }
    // Offsets within the map's grid area, which on a narrow layout starts below the header.
    const areaTop = mapCol.offsetTop;
    const maxOffset = Math.max(0, root.offsetHeight - areaTop - vp.height);
    const offset = Math.min(maxOffset, Math.max(0, vp.top - root.offsetTop - areaTop));
    root.style.setProperty('--sm-vh', `${vp.height / 100}px`);
    root.style.setProperty('--sm-map-offset', `${offset}px`);
  });

  const announcement = () => {
    const step = activeStep();
    const names = step.places.map((id) => story.places.find((p) => p.id === id)?.name[lang()]).filter(Boolean);
    const shown = names.length > 0 ? ` ${t().mapShows}: ${names.join(', ')}.` : '';
    return `${t().stepOf(tracker.active() + 1, story.steps.length)}: ${step.title[lang()]}.${shown}`;
  };

  const titleBlock = (
    <header class="sm-header" ref={header}>
      <Show when={story.languages.length > 1}>
        <div class="sm-toolbar">
          <LanguageSwitch languages={story.languages} lang={lang()} onChange={state.setLang} />
        </div>
      </Show>
      <Dynamic component={props.embedded ? 'h2' : 'h1'} class="sm-title">
        {story.title[lang()]}
      </Dynamic>
      <p class="sm-intro">{story.intro[lang()]}</p>
      <p class="sm-hint">{t().keyboardHint}</p>
    </header>
  );
  return (
    <div
      ref={root}
      class="sm-app"
      classList={{ 'sm-app--embedded': !!props.embedded, 'sm-app--host-scroll': !!props.viewport?.() }}
      lang={lang()}
    >
      <div class="sm-map-col" role="region" aria-label={t().mapLabel} ref={mapCol}>
        <MapView
          state={mapState()}
          story={story}
          lang={lang()}
          reducedMotion={reducedMotion()}
          skipped={skipped()}
          onPlaceClick={reader.openPlace}
          preserveDrawingBuffer={props.preserveDrawingBuffer ?? false}
        />
        <Legend lang={lang()} features={story.features} shown={mapState().features} hasPlaces={mapState().highlighted.length > 0} />
      </div>
      {/* Beside the steps, not over the map: on a phone the map starts below it, so nothing of the opening map is hidden. */}
      {!props.tools && titleBlock}
      <Dynamic component={props.embedded ? 'div' : 'main'} class="sm-steps">
        {/* Author mode: its tools bar stays pinned along the whole steps column, above the title. */}
        {props.tools?.header()}
        {props.tools && titleBlock}
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
              figure={
                printing() && loadedMapData() ? (
                  <StaticMap data={loadedMapData()!} state={mapStateFor(step, 1)} story={story} lang={lang()} label={t().staticMapLabel} />
                ) : undefined
              }
              onOpenPlace={reader.openPlace}
              onOpenCitation={reader.openCitation}
              tools={props.tools?.step(step, i(), () => tracker.active() === i())}
            />
          )}
        </For>
        <footer class="sm-footer" ref={footer}>
          <h2>{t().sourcesHeading}</h2>
          <p>{t().sourcesIntro(story.sources.length)}</p>
          <ul>
            <For each={story.sources}>
              {(source) => (
                <li>
                  <button type="button" class="sm-link-button" onClick={(e) => reader.openSource(source.id, e.currentTarget)}>
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
      <reader.Dialogs />
    </div>
  );
}
