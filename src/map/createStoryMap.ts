import { Map as MapLibreMap, prewarm, ScaleControl, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { FeatureCollection } from 'geojson';
import type { Lang, MapFeature } from '../story/model';
import type { MapData } from './mapData';
import { buildStyle, featureLayerIds, highlightFilter, progressData } from './style';
import { createPlaceMarkers, type MarkerPlace, type PlaceMarkerOptions } from './placeMarkers';
import { createCountryLabels } from './countryLabels';
import { THEME } from './theme';
import { zoomOffset, type MapState } from './mapState';

// maplibre-gl 6 is ESM-only and cannot locate its worker inside a Vite bundle by itself.
setWorkerUrl(workerUrl);
// Start the worker now: it boots (fetch, compile, evaluate) in parallel with the
// WebGL context and shader set-up of `new Map`, instead of after them.
prewarm();

/** MapLibre's own words for its cooperative-gesture hint, in the reader's language. */
export interface GestureHints {
  windows: string;
  mac: string;
  mobile: string;
}

export interface StoryMapOptions extends Omit<PlaceMarkerOptions, 'size'> {
  container: HTMLElement;
  places: readonly MarkerPlace[];
  features: readonly MapFeature[];
  focusCountries: readonly string[];
  gestureHints: GestureHints;
  initial: MapState;
  /** Jump instead of fly: `prefers-reduced-motion`. */
  reducedMotion: boolean;
  /** The geo data (`loadMapData()`). */
  data: MapData;
  /** Only for tests that read pixels. */
  preserveDrawingBuffer?: boolean;
}

export interface StoryMap {
  readonly map: MapLibreMap;
  /**
   * Show a step's complete map state, cancelling any camera move under way;
   * `instant` (steps were skipped) goes there without a flight.
   */
  apply(state: MapState, options?: { instant?: boolean }): void;
  setLang(lang: Lang): void;
  remove(): void;
}

const sameCamera = (a: MapState['camera'], b: MapState['camera']) =>
  a.center[0] === b.center[0] && a.center[1] === b.center[1] && a.zoom === b.zoom && a.bearing === b.bearing && a.pitch === b.pitch;

/**
 * MapLibre's scale bar, redrawn when a move has ended: redrawn on every frame
 * of a flight, it reads the map's height (a layout) and resizes itself.
 */
class SettledScaleControl extends ScaleControl {
  override onAdd(map: MapLibreMap): HTMLElement {
    const element = super.onAdd(map);
    map.off('move', this._onMove);
    map.on('moveend', this._onMove);
    return element;
  }
  override onRemove(): void {
    this._map.off('moveend', this._onMove);
    super.onRemove();
  }
}

/**
 * Create the map in `container`. Throws (MapLibre's GPUInitializationError)
 * when WebGL is unavailable; the caller shows the story without a map.
 */
export function createStoryMap(options: StoryMapOptions): StoryMap {
  const placesGeoJson: FeatureCollection = {
    type: 'FeatureCollection',
    features: options.places.map((p) => ({
      type: 'Feature',
      properties: { id: p.id },
      geometry: { type: 'Point', coordinates: p.coordinates },
    })),
  };
  const style = buildStyle(
    THEME,
    { basemap: options.data.basemap, features: options.features, places: placesGeoJson, focusCountries: options.focusCountries },
    options.initial,
  );
  const { camera } = options.initial;
  // The container's size, read once and on each resize: reading it per step or scroll frame would force a layout.
  let size: [number, number] = [options.container.clientWidth, options.container.clientHeight];
  const offset = () => zoomOffset(size[0], size[1]);
  const initialOffset = offset();
  const map = new MapLibreMap({
    container: options.container,
    style,
    center: camera.center,
    zoom: camera.zoom + initialOffset,
    bearing: camera.bearing,
    pitch: camera.pitch,
    attributionControl: { compact: true, customAttribution: 'Natural Earth' },
    maplibreLogo: false,
    // The page scrolls the story: the wheel and one finger scroll the page, Ctrl/⌘ + wheel or two fingers move the map.
    cooperativeGestures: true,
    locale: {
      'CooperativeGesturesHandler.WindowsHelpText': options.gestureHints.windows,
      'CooperativeGesturesHandler.MacHelpText': options.gestureHints.mac,
      'CooperativeGesturesHandler.MobileHelpText': options.gestureHints.mobile,
    },
    dragRotate: false,
    pitchWithRotate: false,
    touchZoomRotate: true,
    canvasContextAttributes: options.preserveDrawingBuffer ? { preserveDrawingBuffer: true } : {},
    fadeDuration: 0,
  });
  map.touchZoomRotate.disableRotation();
  map.addControl(new SettledScaleControl({ unit: 'metric' }), 'bottom-right');

  const countries = createCountryLabels(map, options.data.countryLabels, options.lang);
  const markers = createPlaceMarkers(map, options.places, options.features, {
    ...options,
    size: () => size,
    areaLabels: countries.candidates,
    onAreaLabels: countries.show,
  });
  // The style and the camera were built in the initial state: the first render only applies what changed since.
  let current: MapState = options.initial;
  let appliedOffset = initialOffset;
  let loaded = false;
  let pending: MapState = options.initial;
  let shown = false;
  options.container.dataset.zoomOffset = String(initialOffset);

  let issuingMove = false;
  const targetOf = (state: MapState, fit: number) => ({ ...state.camera, zoom: state.camera.zoom + fit });
  const moveCamera = (state: MapState, fit: number, instant = false) => {
    appliedOffset = fit;
    options.container.dataset.zoomOffset = String(fit);
    const target = targetOf(state, fit);
    // The move under way ends (its moveend fires) inside the call: not a flight that stopped short.
    issuingMove = true;
    try {
      // Before the first paint (a deep link, a scroll during loading) there is nothing to fly from.
      // A jump over several steps lands at once: a flight across the region would narrate nothing.
      if (options.reducedMotion || !shown || instant) map.jumpTo(target);
      // flyTo stops any move under way, so a fast scroll never queues flights.
      else {
        map.flyTo({ ...target, maxDuration: 2500, essential: false });
        markers.fly();
      }
    } finally {
      issuingMove = false;
    }
  };
  /** Whether the camera is where `state` puts it (to a thousandth of a degree and of a zoom level). */
  const atCamera = (state: MapState) => {
    const target = targetOf(state, appliedOffset);
    const c = map.getCenter();
    const near = (a: number, b: number) => Math.abs(a - b) < 1e-3;
    return near(c.lng, target.center[0]) && near(c.lat, target.center[1]) && near(map.getZoom(), target.zoom) && near(map.getBearing(), target.bearing) && near(map.getPitch(), target.pitch);
  };

  const sameProgress = (a: MapState, b: MapState) =>
    options.features.every((f) => f.kind !== 'route' || (a.routeProgress[f.id] ?? 1) === (b.routeProgress[f.id] ?? 1));
  const render = (next: MapState, instant = false) => {
    const prev = current;
    for (const feature of options.features) {
      const on = next.features.includes(feature.id);
      if (prev.features.includes(feature.id) === on) continue;
      for (const id of featureLayerIds(feature)) map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
    }
    if (!sameProgress(prev, next)) map.getSource<GeoJSONSource>('progress')?.setData(progressData(options.features, next));
    if (prev.highlighted.join() !== next.highlighted.join()) map.setFilter('place-halo', highlightFilter(next.highlighted));
    const fit = offset();
    current = next;
    const moves = !sameCamera(prev.camera, next.camera) || fit !== appliedOffset;
    if (moves) moveCamera(next, fit, instant);
    // Once per step or refit, not per scroll frame (a route's progress changes with every one), and after the
    // camera has set off, so the markers are laid out for where it is going.
    if (moves || prev.stepId !== next.stepId) markers.show(next);
    shown = true;
    options.container.dataset.mapStep = next.stepId;
  };

  markers.show(options.initial);
  map.once('load', () => {
    loaded = true;
    render(pending);
    // The page shows what lies over the map (its legend) once the map has loaded: lay the markers out again.
    markers.show(pending);
  });
  // A resize (rotation, a phone's toolbar, an embed's new width) refits the step's framing.
  map.on('resize', () => {
    size = [options.container.clientWidth, options.container.clientHeight];
    if (loaded) render(current);
  });
  // A flight to the step that stops short without the reader moving the map (in 30 s of rapid
  // scrolling and resizing, flights were left where they set off) is sent on its way again, and
  // if that is stopped too, the camera jumps: the map always ends in the active step's state.
  // Twice per state at most, so a camera the map cannot reach is not chased forever. A move of
  // the reader's own carries its originalEvent and is left alone.
  let resumedFor: MapState | null = null;
  let resumes = 0;
  map.on('moveend', (event: { originalEvent?: Event }) => {
    if (!loaded || issuingMove || event.originalEvent || map.isMoving() || atCamera(current)) return;
    if (resumedFor !== current) [resumedFor, resumes] = [current, 0];
    if (resumes === 2) return;
    resumes++;
    moveCamera(current, appliedOffset, resumes === 2);
  });
  map.on('error', (event) => {
    console.warn('[story-map]', event.error?.message ?? event);
  });
  // A hook for tests and embedders to reach the MapLibre instance from the DOM.
  Object.defineProperty(options.container, 'maplibreMap', { value: map, configurable: true });

  return {
    map,
    apply(state, opts) {
      pending = state;
      if (loaded) render(state, opts?.instant);
    },
    setLang(lang) {
      markers.setLang(lang);
      countries.setLang(lang);
    },
    remove() {
      markers.remove();
      countries.remove();
      map.remove();
    },
  };
}
