import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import type { Lang, LngLat, MapFeature } from '../story/model';
import { shownPlaces, type MarkerPlace } from './shownPlaces';
import { fitLabels, labelCandidates, targetsThatFit, type AreaLabelCandidate } from './labelFit';
import { zoomOffset, type MapState } from './mapState';
import { project } from './mercator';
import { isNestedVenue, VENUE_MIN_ZOOM } from './venues';

export type { MarkerPlace };

export interface PlaceMarkerOptions {
  lang: Lang;
  /** Boxes (viewport coordinates) of what lies over the map, such as its legend: a place under one is no marker. */
  coveredBy?: () => readonly DOMRect[];
  /** The accessible name of a place's button, e.g. "Hanoi: excerpts". */
  accessibleName(place: MarkerPlace, lang: Lang): string;
  onClick(id: string, button: HTMLButtonElement): void;
  /** The map's size in CSS pixels, kept by its owner (reading it here would force a layout). */
  size(): readonly [number, number];
  /** Names of areas (countries) in a language, placed after the places' labels where they fit… */
  areaLabels?(lang: Lang): readonly AreaLabelCandidate[];
  /** …and the ones that fit, each time the places are laid out. */
  onAreaLabels?(fit: ReadonlySet<string>): void;
}

/**
 * Every place is an HTML `<button>` on the map: focusable, clickable,
 * labelled in the reader's language, and drawn without any font download.
 * Stations show with their route; their labels only where they fit.
 */
export function createPlaceMarkers(map: MapLibreMap, places: readonly MarkerPlace[], features: readonly MapFeature[], options: PlaceMarkerOptions) {
  let lang = options.lang;
  let state: Pick<MapState, 'features' | 'highlighted' | 'camera'> | undefined;
  /**
   * A flight to a step is under way: no markers or country names until it lands. MapLibre would move
   * each on every frame, a style recalculation per frame (the map's own dots and lines fly on).
   */
  let flying = false;
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
    // On the map only while shown: MapLibre moves every marker it holds, hidden or not, on every frame of a flight.
    const marker = new Marker({ element: button, anchor: left ? 'right' : 'left', offset: [left ? offset : -offset, 0] }).setLngLat(place.coordinates);
    return { place, button, label, marker, nested: isNestedVenue(place, places), onMap: false, width: '' };
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
    if (flying) {
      options.onAreaLabels?.(new Set());
      for (const entry of entries) {
        // The marker the reader's focus is on stays: removing it would drop the focus to the page.
        if (!entry.onMap || entry.button.contains(document.activeElement)) continue;
        entry.marker.remove();
        entry.onMap = false;
      }
      return;
    }
    const shown = shownPlaces(places, features, state);
    const zoom = map.getZoom();
    const canvas = map.getCanvas();
    const [w, h] = options.size();
    // Where the map is, once it has stopped (the reader may have zoomed); where it is going while it moves to a step.
    const moving = map.isMoving();
    const [camera, offset] = moving
      ? [state.camera, zoomOffset(w, h)]
      : [{ ...state.camera, center: map.getCenter().toArray() as [number, number], zoom: zoom }, 0];
    // A place under the legend can be neither seen nor reached: no marker (a button hidden there would still take clicks and focus),
    // and no country name there either.
    const covers = options.coveredBy?.() ?? [];
    const box = covers.length > 0 ? canvas.getBoundingClientRect() : { left: 0, top: 0 };
    const screenOf = (c: LngLat): [number, number] => {
      if (!moving) {
        const p = map.project(c);
        return [box.left + p.x, box.top + p.y];
      }
      const z = camera.zoom + offset;
      const [px, py] = project(c, z);
      const [cx, cy] = project(camera.center, z);
      return [box.left + px - cx + w / 2, box.top + py - cy + h / 2];
    };
    const under = (c: LngLat) => {
      const [x, y] = screenOf(c);
      return covers.some((r) => x > r.left - 12 && x < r.right + 12 && y > r.top - 12 && y < r.bottom + 12);
    };
    const inStep = entries.filter(({ place, nested }) => shown.has(place.id) && !(nested && zoom < VENUE_MIN_ZOOM) && !under(place.coordinates));
    const candidates = labelCandidates(inStep.map((v) => v.place), features, state.highlighted, lang);
    const targets = targetsThatFit(candidates, camera, offset);
    const visible = inStep.filter(({ place }) => targets.has(place.id));
    const { places: fit, areas, widths } = fitLabels(candidates.filter((c) => targets.has(c.id)), (options.areaLabels?.(lang) ?? []).filter((a) => !under(a.coordinates)), camera, w, h, offset);
    options.onAreaLabels?.(areas);
    for (const entry of entries) {
      const { place, button, marker } = entry;
      const on = visible.some((v) => v.place === place);
      button.classList.toggle('sm-place--active', state.highlighted.includes(place.id));
      button.classList.toggle('sm-place--unlabelled', !fit.has(place.id));
      // Near the map's edge, the label wraps to the room there is rather than run off it.
      const width = widths.has(place.id) ? `${widths.get(place.id)}px` : '';
      if (width !== entry.width) entry.label.style.maxWidth = entry.width = width;
      if (on === entry.onMap) continue;
      entry.onMap = on;
      if (on) marker.addTo(map);
      else marker.remove();
    }
  };
  // Just after the next frame is drawn: the page is laid out then, so reading the legend's box costs no layout of
  // its own (read before the frame, after the step's text changed, it would lay the page out twice per frame).
  let frame = 0;
  let task: ReturnType<typeof setTimeout> | undefined;
  const scheduleUpdate = () => {
    if (frame || task) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      task = setTimeout(() => {
        task = undefined;
        update();
      }, 0);
    });
  };
  render();
  // Once a move ends (a flight to a step, or the reader's own zoom or pan): not on every frame.
  const landed = () => {
    flying = false;
    scheduleUpdate();
  };
  map.on('moveend', landed);

  return {
    /** Show the places of a step's map state. */
    show(next: Pick<MapState, 'features' | 'highlighted' | 'camera'>) {
      state = next;
      // Once the page has the step (the legend beside the map grows with its entries): once per step, not per call.
      scheduleUpdate();
    },
    /** A flight has set off: the markers leave the map until it lands. */
    fly() {
      flying = true;
      update();
    },
    setLang(next: Lang) {
      lang = next;
      render();
      scheduleUpdate();
    },
    remove() {
      map.off('moveend', landed);
      cancelAnimationFrame(frame);
      clearTimeout(task);
      for (const { marker } of entries) marker.remove();
    },
  };
}
