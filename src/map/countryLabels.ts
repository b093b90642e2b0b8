import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { Lang, LngLat, Localized } from '../story/model';
import { areaLabelCandidates } from './labelFit';

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
    // On the map only where its name fits (`show`), and so moved on a flight's frames only then.
    const marker = new Marker({ element: el }).setLngLat(f.geometry.coordinates as LngLat);
    return { id: String(i), el, name: f.properties.name, marker, onMap: false };
  });
  const setLang = (l: Lang) => {
    for (const e of entries) e.el.textContent = e.name[l] ?? e.name.en ?? '';
  };
  setLang(lang);
  return {
    /** The names as label candidates in `lang` (ids as `areaLabelCandidates` gives them, index by index). */
    candidates: (l: Lang) => areaLabelCandidates(labels, l),
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
