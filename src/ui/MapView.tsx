import { createEffect, createSignal, Match, onCleanup, onMount, Switch } from 'solid-js';
import type { Lang, Place } from '../story/model';
import type { MapState } from '../map/mapState';
import type { StoryMap } from '../map/createStoryMap';
import { loadBasemap } from '../map/loadBasemap';
import { UI } from './i18n';

export interface MapViewProps {
  state: MapState;
  places: readonly Place[];
  lang: Lang;
  reducedMotion: boolean;
  onPlaceClick(id: string, opener: HTMLElement): void;
  preserveDrawingBuffer?: boolean;
}

type Status = 'loading' | 'ready' | 'no-webgl' | 'error';

const isWebglFailure = (error: unknown) =>
  error instanceof Error && (error.name === 'GPUInitializationError' || /webgl|gpu/i.test(error.message));

/**
 * Owns the MapLibre map: loads the map code after the text has rendered,
 * creates the map on mount, removes it on cleanup, and feeds it the active
 * step's map state. Without WebGL it shows a note and the story reads on.
 */
export function MapView(props: MapViewProps) {
  let host!: HTMLDivElement;
  const [status, setStatus] = createSignal<Status>('loading');
  const [handle, setHandle] = createSignal<StoryMap>();
  let disposed = false;

  onMount(async () => {
    try {
      const [{ createStoryMap }, basemap] = await Promise.all([import('../map/createStoryMap'), loadBasemap()]);
      if (disposed) return;
      const storyMap = createStoryMap({
        container: host,
        basemap,
        places: props.places,
        initial: props.state,
        lang: props.lang,
        reducedMotion: props.reducedMotion,
        preserveDrawingBuffer: props.preserveDrawingBuffer ?? false,
        accessibleName: (place, lang) => UI[lang].placeButton(place.name[lang]),
        onClick: (id, button) => props.onPlaceClick(id, button),
      });
      storyMap.map.once('load', () => setStatus('ready'));
      setHandle(storyMap);
    } catch (error) {
      console.warn('[story-map] map unavailable:', error);
      setStatus(isWebglFailure(error) ? 'no-webgl' : 'error');
    }
  });
  onCleanup(() => {
    disposed = true;
    handle()?.remove();
  });

  createEffect(() => handle()?.apply(props.state));
  createEffect(() => handle()?.setLang(props.lang));

  return (
    <div class="sm-map" data-map-status={status()}>
      <div ref={host} class="sm-map__canvas" />
      <Switch>
        <Match when={status() === 'loading'}>
          <p class="sm-map__message" role="status">{UI[props.lang].mapLoading}</p>
        </Match>
        <Match when={status() === 'no-webgl'}>
          <p class="sm-map__message sm-map__message--warn" role="status">{UI[props.lang].noWebgl}</p>
        </Match>
        <Match when={status() === 'error'}>
          <p class="sm-map__message sm-map__message--warn" role="status">{UI[props.lang].mapError}</p>
        </Match>
      </Switch>
    </div>
  );
}
