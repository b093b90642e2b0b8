import { createEffect, createSignal, Match, onCleanup, onMount, Show, Switch } from 'solid-js';
import type { Lang, Story } from '../story/model';
import { REFERENCE_SIZE, type MapState } from '../map/mapState';
import type { Box } from '../map/staticMap';
import type { StoryMap } from '../map/createStoryMap';
import { loadedMapData, loadMapData, type MapData } from '../map/mapData';
import { StaticMap } from './StaticMap';
import { ui } from './i18n';

export interface MapViewProps {
  state: MapState;
  story: Story;
  lang: Lang;
  reducedMotion: boolean;
  /** The reader skipped steps to reach this one (a fast scroll, a jump): no flight. */
  skipped?: boolean;
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
  // Loaded before the page is prerendered and before it is hydrated: the drawing is in the first frame.
  const [data, setData] = createSignal<MapData | undefined>(loadedMapData());
  /** The live map has painted its first complete frame: the drawing under it can go. */
  const [painted, setPainted] = createSignal(false);
  const [drawingGone, setDrawingGone] = createSignal(false);
  let disposed = false;

  onMount(async () => {
    let mapData: MapData | undefined;
    // The drawing stands in for the map while MapLibre loads, so the map's area shows the map at once.
    void loadMapData().then((d) => !disposed && setData(d));
    try {
      const [mod, loaded] = await Promise.all([import('../map/createStoryMap'), loadMapData()]);
      mapData = loaded;
      if (disposed) return;
      const legends = [...(host.closest('.sm-app')?.querySelectorAll('.sm-legend') ?? [])];
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
        coveredBy: () => legends.map((e) => e.getBoundingClientRect()),
        onClick: (id, button) => props.onPlaceClick(id, button),
      });
      const { map } = storyMap;
      map.once('load', () => setStatus('ready'));
      map.once('idle', () => {
        setPainted(true);
        // The canvas fades in over the drawing (CSS); the drawing goes when it is covered.
        const gone = () => setDrawingGone(true);
        host.addEventListener('transitionend', gone, { once: true });
        setTimeout(gone, props.reducedMotion ? 0 : 600);
      });
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

  createEffect(() => handle()?.apply(props.state, { instant: props.skipped ?? false }));
  createEffect(() => handle()?.setLang(props.lang));

  const fallback = () => status() === 'no-webgl' || status() === 'lost' || status() === 'error';
  // Standing in for the map, the drawing leaves out the labels of places under the legend (as the map does) and its note.
  const [covered, setCovered] = createSignal<Box[]>([]);
  let coverFrame = 0;
  const measureCovered = () => {
    cancelAnimationFrame(coverFrame);
    // After the next frame: the step's legend is laid out by then.
    coverFrame = requestAnimationFrame(() => {
      const view = host.getBoundingClientRect();
      const { width, height } = REFERENCE_SIZE;
      // The drawing's "meet" view box: scaled to fit, centred.
      const scale = Math.min(view.width / width, view.height / height);
      const [x0, y0] = [view.left + (view.width - width * scale) / 2, view.top + (view.height - height * scale) / 2];
      const over = [...(host.closest('.sm-app')?.querySelectorAll('.sm-legend') ?? []), ...(host.parentElement?.querySelectorAll('.sm-map__message--note') ?? [])];
      setCovered(scale > 0 ? over.map((e) => e.getBoundingClientRect()).map((r): Box => [(r.left - x0) / scale, (r.top - y0) / scale, (r.right - x0) / scale, (r.bottom - y0) / scale]) : []);
    });
  };
  createEffect(() => {
    if (!fallback()) return;
    void [props.state, props.lang];
    measureCovered();
    window.addEventListener('resize', measureCovered);
    onCleanup(() => {
      window.removeEventListener('resize', measureCovered);
      cancelAnimationFrame(coverFrame);
    });
  });
  // Until the live map has painted, its drawing: the same projection, framing and colours, under the canvas.
  const drawing = () => fallback() || !drawingGone();
  return (
    <div class="sm-map" data-map-status={status()} data-map-painted={painted() ? '' : undefined}>
      <Show when={drawing() && data()}>
        {(d) => (
          <StaticMap
            data={d()}
            state={props.state}
            story={props.story}
            lang={props.lang}
            label={ui(props.lang).staticMapLabel}
            decorative={!fallback()}
            covered={fallback() ? covered() : undefined}
          />
        )}
      </Show>
      <div ref={host} class="sm-map__canvas" aria-hidden={fallback() ? 'true' : undefined} />
      <Switch>
        <Match when={status() === 'loading'}>
          {/* Over the drawing, the note is for assistive technology only: the map's area already shows the map. */}
          <p class="sm-map__message" classList={{ 'sm-visually-hidden': !!data() }} role="status">
            {ui(props.lang).mapLoading}
          </p>
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
