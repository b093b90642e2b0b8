import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { MapFeature, Story } from './model';

/** A map feature as GeoJSON, with its id, kind and provenance; a route's stops in its properties. */
function featureGeoJson(f: MapFeature): Feature<Geometry | null> {
  const common = { id: f.id, kind: f.kind, label: f.label, provenance: f.provenance };
  switch (f.kind) {
    case 'route':
      return {
        type: 'Feature',
        properties: { ...common, lengthKm: f.lengthKm, stops: f.stops.map((s) => ({ place: s.place, mode: s.mode, inferred: s.inferred })) },
        geometry: { type: 'LineString', coordinates: f.coordinates },
      };
    case 'arc':
      return {
        type: 'Feature',
        properties: { ...common, from: f.from, to: f.to, status: f.status, distanceKm: f.distanceKm, ...(f.shownKm ? { shownKm: f.shownKm } : {}) },
        geometry: { type: 'LineString', coordinates: f.coordinates },
      };
    case 'line':
      return { type: 'Feature', properties: common, geometry: { type: 'MultiLineString', coordinates: f.coordinates } };
    case 'area':
      // A basemap country is named by its code; its outline is Natural Earth's.
      return f.coordinates
        ? { type: 'Feature', properties: common, geometry: { type: 'MultiPolygon', coordinates: f.coordinates } }
        : { type: 'Feature', properties: { ...common, country: f.country }, geometry: null };
  }
}

/** Every place and map feature the story shows, for GIS software (QGIS opens it as it is). */
export function storyGeography(story: Story): FeatureCollection<Geometry | null> {
  return {
    type: 'FeatureCollection',
    features: [
      ...story.places.map(
        (p): Feature<Geometry | null> => ({
          type: 'Feature',
          properties: { id: p.id, kind: 'place', placeKind: p.kind, name: p.name, provenance: p.provenance, ...(p.note ? { note: p.note } : {}) },
          geometry: { type: 'Point', coordinates: p.coordinates },
        }),
      ),
      ...story.features.map(featureGeoJson),
    ],
  };
}

/**
 * The machine-readable export written to `dist/stories/<id>.json`: the
 * public shape other tools rely on, so it is built field by field rather
 * than by dumping the internal model.
 */
export function exportStory(story: Story) {
  return {
    id: story.id,
    languages: story.languages,
    title: story.title,
    sources: story.sources.map((s) => ({ id: s.id, date: s.date, language: s.language, label: s.label, text: s.text })),
    places: story.places.map((p) => ({ id: p.id, name: p.name, coordinates: p.coordinates })),
    steps: story.steps.map((s) => ({
      id: s.id,
      date: s.date,
      title: s.title,
      text: s.text,
      camera: s.camera,
      features: s.features,
      places: s.places,
      citations: s.citations.map((c) => ({ source: c.source, quote: c.quote })),
    })),
    calculations: Object.values(story.calculations),
    geography: storyGeography(story),
  };
}
