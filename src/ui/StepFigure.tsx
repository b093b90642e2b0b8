import { createSignal, Show } from 'solid-js';
import type { Lang, Story } from '../story/model';
import { mapStateFor } from '../map/mapState';
import { createReader } from './createReader';
import { createReducedMotion } from './createReducedMotion';
import { createStoryState, type StoryApi } from './createStoryState';
import { Legend } from './Legend';
import { MapView } from './MapView';
import { StepCard } from './StepCard';

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
  const [index, setIndex] = createSignal(Math.max(0, story.steps.findIndex((s) => s.id === props.step)));
  const state = createStoryState({ story, lang: props.lang, embedded: true, ref: props.ref }, { active: index, show: (i) => setIndex(i) });
  const { lang, t, activeStep: step } = state;
  const reader = createReader(story, lang);
  const reducedMotion = createReducedMotion();
  const mapState = () => mapStateFor(step(), 1);
  const fullStory = () => {
    if (!props.storyUrl) return undefined;
    const url = new URL(props.storyUrl, document.baseURI);
    url.searchParams.set('lang', lang());
    url.hash = step().id;
    return url.href;
  };
  return (
    <figure class="sm-app sm-app--embedded sm-figure" lang={lang()}>
      <div class="sm-figure__map" role="region" aria-label={t().mapLabel}>
        <MapView
          state={mapState()}
          story={story}
          lang={lang()}
          reducedMotion={reducedMotion()}
          onPlaceClick={reader.openPlace}
          preserveDrawingBuffer={props.preserveDrawingBuffer ?? false}
        />
      </div>
      <Legend lang={lang()} features={story.features} shown={mapState().features} hasPlaces={mapState().highlighted.length > 0} />
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
                {t().readFullStory}: {story.title[lang()]}
              </a>
            </p>
          )}
        </Show>
      </figcaption>
      <reader.Dialogs />
    </figure>
  );
}
