import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import type { Lang, Localized, LngLat, MapFeature, PlaceKind } from '../story/model';
import { labelCandidates, labelsThatFit } from './labelFit';
import { zoomOffset, type MapState } from './mapState';
import { isNestedVenue, VENUE_MIN_ZOOM } from './venues';

export interface MarkerPlace {
  id: string;
  name: Localized;
  kind: PlaceKind;
  coordinates: LngLat;
  labelSide?: 'left' | 'right';
}

export interface PlaceMarkerOptions {
  lang: Lang;
  /** The accessible name of a place's button, e.g. "Hanoi: excerpts". */
  accessibleName(place: MarkerPlace, lang: Lang): string;
  onClick(id: string, button: HTMLButtonElement): void;
}

/** The places a map state shows: every place but stations, and the stations of the routes shown or highlighted. */
export function shownPlaces(places: readonly MarkerPlace[], features: readonly MapFeature[], state: Pick<MapState, 'features' | 'highlighted'>): Set<string> {
  const stops = new Set(features.flatMap((f) => (f.kind === 'route' && state.features.includes(f.id) ? f.stops.map((s) => s.place) : [])));
  return new Set(places.filter((p) => p.kind !== 'station' || stops.has(p.id) || state.highlighted.includes(p.id)).map((p) => p.id));
}

/**
 * Every place is an HTML `<button>` on the map: focusable, clickable,
 * labelled in the reader's language, and drawn without any font download.
 * Stations show with their route; their labels only where they fit.
 */
export function createPlaceMarkers(map: MapLibreMap, places: readonly MarkerPlace[], features: readonly MapFeature[], options: PlaceMarkerOptions) {
  let lang = options.lang;
  let state: Pick<MapState, 'features' | 'highlighted' | 'camera'> | undefined;
  const entries = places.map((place) => {
    const button = document.createElement('button');
    button.type = 'button';
    const left = place.labelSide === 'left';
    button.className = `sm-place sm-place--${place.kind}${left ? ' sm-place--label-left' : ''}`;
    button.dataset.place = place.id;
    const dot = document.createElement('span');
    dot.className = 'sm-place__dot';
    dot.setAttribute('aria-hidden', 'true');
    const label = document.createElement('span');
    label.className = 'sm-place__label';
    button.append(dot, label);
    button.addEventListener('click', (event) => {
      // Keep the click from reaching the map, which would treat it as a map click.
      event.stopPropagation();
      options.onClick(place.id, button);
    });
    // Anchored at the dot's edge so the dot, not the label, sits on the coordinate.
    const offset = place.kind === 'station' ? 5 : 7;
    const marker = new Marker({ element: button, anchor: left ? 'right' : 'left', offset: [left ? offset : -offset, 0] })
      .setLngLat(place.coordinates)
      .addTo(map);
    return { place, button, label, marker, nested: isNestedVenue(place, places) };
  });

  const render = () => {
    for (const { place, button, label } of entries) {
      label.textContent = place.name[lang] ?? '';
      button.setAttribute('aria-label', options.accessibleName(place, lang));
    }
  };
  /** Visibility by the step (stations with their route) and by zoom (a venue inside a city); labels where they fit. */
  const update = () => {
    if (!state) return;
    const shown = shownPlaces(places, features, state);
    const zoom = map.getZoom();
    const visible = entries.filter(({ place, nested }) => shown.has(place.id) && !(nested && zoom < VENUE_MIN_ZOOM));
    const canvas = map.getCanvas();
    const [w, h] = [canvas.clientWidth, canvas.clientHeight];
    const candidates = labelCandidates(visible.map((v) => v.place), features, state.highlighted, lang);
    const fit = labelsThatFit(candidates, state.camera, w, h, zoomOffset(w, h));
    for (const { place, button } of entries) {
      button.hidden = !visible.some((v) => v.place === place);
      button.classList.toggle('sm-place--active', state.highlighted.includes(place.id));
      button.classList.toggle('sm-place--unlabelled', !fit.has(place.id));
    }
  };
  render();
  map.on('zoomend', update);

  return {
    /** Show the places of a step's map state. */
    show(next: Pick<MapState, 'features' | 'highlighted' | 'camera'>) {
      state = next;
      update();
    },
    setLang(next: Lang) {
      lang = next;
      render();
      update();
    },
    remove() {
      map.off('zoomend', update);
      for (const { marker } of entries) marker.remove();
    },
  };
}
