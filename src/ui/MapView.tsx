import { createEffect, createSignal, Match, onCleanup, onMount, Show, Switch } from 'solid-js';
import type { Lang, Story } from '../story/model';
import type { MapState } from '../map/mapState';
import type { StoryMap } from '../map/createStoryMap';
import { loadMapData, type MapData } from '../map/mapData';
import { StaticMap } from './StaticMap';
import { ui } from './i18n';

export interface MapViewProps {
  state: MapState;
  story: Story;
  lang: Lang;
  reducedMotion: boolean;
  onPlaceClick(id: string, opener: HTMLElement): void;
  preserveDrawingBuffer?: boolean;
}

/** `lost`: the WebGL context was lost and not (yet) restored. */
type Status = 'loading' | 'ready' | 'no-webgl' | 'lost' | 'error';

const isWebglFailure = (error: unknown) =>
  error instanceof Error && (error.name === 'GPUInitializationError' || /webgl|gpu/i.test(error.message));

/**
 * Owns the MapLibre map: loads the map code and data after the text has
 * rendered, creates the map on mount, removes it on cleanup, and feeds it
 * the active step's map state. Without WebGL, or when its context is lost,
 * it shows a note and a drawing of the step's map; the story reads on.
 */
export function MapView(props: MapViewProps) {
  let host!: HTMLDivElement;
  const [status, setStatus] = createSignal<Status>('loading');
  const [handle, setHandle] = createSignal<StoryMap>();
  const [data, setData] = createSignal<MapData>();
  let disposed = false;

  onMount(async () => {
    let mapData: MapData | undefined;
    try {
      const [mod, loaded] = await Promise.all([import('../map/createStoryMap'), loadMapData()]);
      mapData = loaded;
      if (disposed) return;
      setData(loaded);
      const storyMap = mod.createStoryMap({
        container: host,
        data: loaded,
        places: props.story.places,
        features: props.story.features,
        focusCountries: props.story.focusCountries,
        gestureHints: { windows: ui(props.lang).gestureWindows, mac: ui(props.lang).gestureMac, mobile: ui(props.lang).gestureMobile },
        initial: props.state,
        lang: props.lang,
        reducedMotion: props.reducedMotion,
        preserveDrawingBuffer: props.preserveDrawingBuffer ?? false,
        accessibleName: (place, lang) => ui(lang).placeButton(place.name[lang] ?? ''),
        // The legend lies over the map (App, StepFigure lay it out beside this view, in the same box).
        coveredBy: () => [...(host.closest('.sm-app')?.querySelectorAll('.sm-legend') ?? [])].map((e) => e.getBoundingClientRect()),
        onClick: (id, button) => props.onPlaceClick(id, button),
      });
      const { map } = storyMap;
      map.once('load', () => setStatus('ready'));
      map.on('webglcontextlost', () => setStatus('lost'));
      map.on('webglcontextrestored', () => {
        setStatus('ready');
        // The map keeps its last state; make sure it is the active step's.
        storyMap.apply(props.state);
      });
      setHandle(storyMap);
    } catch (error) {
      console.warn('[story-map] map unavailable:', error);
      if (mapData) setData(mapData);
      setStatus(isWebglFailure(error) ? 'no-webgl' : 'error');
    }
  });
  onCleanup(() => {
    disposed = true;
    handle()?.remove();
  });

  createEffect(() => handle()?.apply(props.state));
  createEffect(() => handle()?.setLang(props.lang));

  const fallback = () => status() === 'no-webgl' || status() === 'lost' || status() === 'error';
  return (
    <div class="sm-map" data-map-status={status()}>
      <div ref={host} class="sm-map__canvas" aria-hidden={fallback() ? 'true' : undefined} />
      <Show when={fallback() && data()}>
        {(d) => (
          <StaticMap data={d()} state={props.state} story={props.story} lang={props.lang} label={ui(props.lang).staticMapLabel} />
        )}
      </Show>
      <Switch>
        <Match when={status() === 'loading'}>
          <p class="sm-map__message" role="status">{ui(props.lang).mapLoading}</p>
        </Match>
        <Match when={status() === 'no-webgl'}>
          <p class="sm-map__message sm-map__message--note" role="status">{ui(props.lang).noWebgl}</p>
        </Match>
        <Match when={status() === 'lost'}>
          <p class="sm-map__message sm-map__message--note" role="status">{ui(props.lang).contextLost}</p>
        </Match>
        <Match when={status() === 'error'}>
          <p class="sm-map__message sm-map__message--note" role="status">{ui(props.lang).mapError}</p>
        </Match>
      </Switch>
    </div>
  );
}
