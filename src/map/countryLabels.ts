import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { Lang, LngLat, Localized } from '../story/model';
import type { AreaLabelCandidate } from './labelFit';

/**
 * Country names as HTML labels: no glyph server is needed offline. They are
 * decoration for sighted readers (the story text names every country), so
 * they are hidden from assistive technology and never take a click.
 */
export function createCountryLabels(map: MapLibreMap, labels: FeatureCollection<Point, { name: Localized }>, lang: Lang) {
  const entries = labels.features.map((f, i) => {
    const el = document.createElement('div');
    el.className = 'sm-country-label';
    el.setAttribute('aria-hidden', 'true');
    const coordinates = f.geometry.coordinates as LngLat;
    // On the map only where its name fits (`show`), and so moved on a flight's frames only then.
    const marker = new Marker({ element: el }).setLngLat(coordinates);
    return { id: String(i), coordinates, el, name: f.properties.name, marker, onMap: false };
  });
  const setLang = (l: Lang) => {
    for (const e of entries) e.el.textContent = e.name[l] ?? e.name.en ?? '';
  };
  setLang(lang);
  return {
    /** The names as label candidates in `lang`, in the order they claim space (as `staticMap` reads them). */
    candidates: (l: Lang): AreaLabelCandidate[] => entries.map((e) => ({ id: e.id, coordinates: e.coordinates, text: e.name[l] ?? e.name.en ?? '' })),
    /** Show the names that fit (`fitLabels`). */
    show(ids: ReadonlySet<string>) {
      for (const e of entries) {
        const on = ids.has(e.id);
        if (on === e.onMap) continue;
        e.onMap = on;
        if (on) e.marker.addTo(map);
        else e.marker.remove();
      }
    },
    setLang,
    remove() {
      for (const e of entries) e.marker.remove();
    },
  };
}
