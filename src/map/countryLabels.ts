import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { Lang, Localized } from '../story/model';

/**
 * Country names as HTML labels: no glyph server is needed offline. They are
 * decoration for sighted readers (the story text names every country), so
 * they are hidden from assistive technology and never take a click.
 */
export function createCountryLabels(map: MapLibreMap, labels: FeatureCollection<Point, { name: Localized }>, lang: Lang) {
  const entries = labels.features.map((f) => {
    const el = document.createElement('div');
    el.className = 'sm-country-label';
    el.setAttribute('aria-hidden', 'true');
    const marker = new Marker({ element: el }).setLngLat(f.geometry.coordinates as [number, number]).addTo(map);
    return { el, name: f.properties.name, marker };
  });
  const setLang = (l: Lang) => {
    for (const e of entries) e.el.textContent = e.name[l] ?? e.name.en ?? '';
  };
  setLang(lang);
  return {
    setLang,
    remove() {
      for (const e of entries) e.marker.remove();
    },
  };
}
