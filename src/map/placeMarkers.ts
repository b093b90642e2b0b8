import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import type { Lang, Localized, LngLat } from '../story/model';
import { isNestedVenue, VENUE_MIN_ZOOM } from './venues';

export interface MarkerPlace {
  id: string;
  name: Localized;
  kind: 'city' | 'venue' | 'landmark';
  coordinates: LngLat;
  labelSide?: 'left' | 'right';
}

export interface PlaceMarkerOptions {
  lang: Lang;
  /** The accessible name of a place's button, e.g. "Hanoi: excerpts". */
  accessibleName(place: MarkerPlace, lang: Lang): string;
  onClick(id: string, button: HTMLButtonElement): void;
}

/**
 * Every place is an HTML `<button>` on the map: focusable, clickable,
 * labelled in the reader's language, and drawn without any font download.
 */
export function createPlaceMarkers(map: MapLibreMap, places: readonly MarkerPlace[], options: PlaceMarkerOptions) {
  let lang = options.lang;
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
    const marker = new Marker({ element: button, anchor: left ? 'right' : 'left', offset: [left ? 7 : -7, 0] })
      .setLngLat(place.coordinates)
      .addTo(map);
    return { place, button, label, marker, nested: isNestedVenue(place, places) };
  });

  const render = () => {
    for (const { place, button, label } of entries) {
      label.textContent = place.name[lang];
      button.setAttribute('aria-label', options.accessibleName(place, lang));
    }
  };
  const updateZoom = () => {
    const zoom = map.getZoom();
    for (const { button, nested } of entries) button.hidden = nested && zoom < VENUE_MIN_ZOOM;
  };
  render();
  updateZoom();
  map.on('zoom', updateZoom);

  return {
    setLang(next: Lang) {
      lang = next;
      render();
    },
    setHighlighted(ids: readonly string[]) {
      for (const { place, button } of entries) button.classList.toggle('sm-place--active', ids.includes(place.id));
    },
    remove() {
      map.off('zoom', updateZoom);
      for (const { marker } of entries) marker.remove();
    },
  };
}
