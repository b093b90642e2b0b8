import { createSignal, onMount, Show } from 'solid-js';
import type { Lang, Story } from '../story/model';
import { mapStateFor } from '../map/mapState';
import { createReader } from './createReader';
import { createReducedMotion } from './createReducedMotion';
import { Legend } from './Legend';
import { MapView } from './MapView';
import { StepCard } from './StepCard';
import { UI } from './i18n';
import type { StoryApi } from './App';

export interface StepFigureOptions {
  story: Story;
  /** The step to show; the first if unknown. */
  step?: string | undefined;
  lang?: Lang | undefined;
  /** Address of the full story page; the figure links to the step there. */
  storyUrl?: string | undefined;
  ref?(api: StoryApi): void;
  preserveDrawingBuffer?: boolean;
}

/**
 * One step as a static figure for a paragraph of an article: its map state,
 * text and citations, and a link to the whole story.
 */
export function StepFigure(props: StepFigureOptions) {
  const story = props.story;
  const [lang, setLang] = createSignal<Lang>(props.lang ?? 'nl');
  const [index, setIndex] = createSignal(Math.max(0, story.steps.findIndex((s) => s.id === props.step)));
  const step = () => story.steps[index()]!;
  const reader = createReader(story, lang);
  const reducedMotion = createReducedMotion();
  const state = () => mapStateFor(step(), 1);
  const fullStory = () => {
    if (!props.storyUrl) return undefined;
    const url = new URL(props.storyUrl, document.baseURI);
    url.searchParams.set('lang', lang());
    url.hash = step().id;
    return url.href;
  };
  onMount(() =>
    props.ref?.({
      goTo(stepId) {
        const i = story.steps.findIndex((s) => s.id === stepId);
        if (i < 0) return false;
        setIndex(i);
        return true;
      },
      setLang,
      get stepId() {
        return step().id;
      },
    }),
  );
  return (
    <figure class="sm-app sm-app--embedded sm-figure" lang={lang()}>
      <div class="sm-figure__map" role="region" aria-label={UI[lang()].mapLabel}>
        <MapView
          state={state()}
          places={story.places}
          lang={lang()}
          reducedMotion={reducedMotion()}
          onPlaceClick={reader.openPlace}
          preserveDrawingBuffer={props.preserveDrawingBuffer ?? false}
        />
      </div>
      <Legend lang={lang()} layers={state().layers} hasPlaces={state().highlighted.length > 0} />
      <figcaption class="sm-figure__caption">
        <StepCard
          step={step()}
          index={index()}
          total={story.steps.length}
          active={true}
          lang={lang()}
          story={story}
          ref={() => {}}
          onOpenPlace={reader.openPlace}
          onOpenCitation={reader.openCitation}
        />
        <Show when={fullStory()}>
          {(href) => (
            <p class="sm-figure__more">
              <a href={href()} target="_top">
                {UI[lang()].readFullStory}: {story.title[lang()]}
              </a>
            </p>
          )}
        </Show>
      </figcaption>
      <reader.Dialogs />
    </figure>
  );
}
