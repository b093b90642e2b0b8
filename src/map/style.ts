import type {
  ExpressionSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { StoryLayer } from '../story/model';
import type { BasemapData } from './basemap';
import { FOCUS_COUNTRIES, type Theme } from './theme';

export interface StyleData {
  basemap: BasemapData;
  /** `geo/train-route.geojson`: the route LineString and its station Points. */
  train: FeatureCollection;
  /** `geo/flights.geojson`: the ghost flight and the flight home. */
  flights: FeatureCollection;
  /** The story's places as Points with an `id` property. */
  places: FeatureCollection;
}

/** Which style layers each story layer switches; everything else is basemap and always on. */
export const STORY_LAYER_IDS: Record<StoryLayer, readonly string[]> = {
  'train-route': ['train-route-planned', 'train-route', 'train-stations'],
  'ghost-flight': ['ghost-flight'],
  'af1-home': ['af1-home'],
  'demarcation-line': ['demarcation-highlight'],
};

/** The part of the train route drawn: solid up to `progress` (0..1), transparent after. */
export function routeGradient(progress: number, colour: string): ExpressionSpecification {
  const p = Math.min(1, Math.max(0, progress));
  if (p >= 1) return ['step', ['line-progress'], colour, 2, colour];
  // `line-gradient` needs a colour at every progress; a 0-alpha tail hides the rest.
  return ['step', ['line-progress'], colour, Math.max(p, 1e-6), 'rgba(0, 0, 0, 0)'];
}

const hidden = { visibility: 'none' } as const;

/**
 * The whole map style, offline: every source is inline GeoJSON, no glyphs,
 * sprites or tiles are requested (labels are HTML markers). Story layers
 * start hidden; the step's map state switches them.
 */
export function buildStyle(theme: Theme, data: StyleData): StyleSpecification {
  const byId = (id: string): ExpressionSpecification => ['==', ['get', 'id'], id];
  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': theme.sea } },
    {
      id: 'countries',
      type: 'fill',
      source: 'countries',
      paint: {
        'fill-color': ['match', ['get', 'id'], [...FOCUS_COUNTRIES], theme.landFocus, theme.land],
        'fill-antialias': true,
      },
    },
    {
      id: 'coastline',
      type: 'line',
      source: 'coastline',
      paint: { 'line-color': theme.coast, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.6, 8, 1.4] },
    },
    {
      id: 'borders',
      type: 'line',
      source: 'borders',
      layout: { 'line-join': 'round' },
      paint: { 'line-color': theme.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.7, 8, 1.5] },
    },
    {
      id: 'demarcation',
      type: 'line',
      source: 'demarcation',
      paint: {
        'line-color': theme.demarcation,
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.8, 9, 2],
        'line-dasharray': [3, 2],
      },
    },
    {
      id: 'demarcation-highlight',
      type: 'line',
      source: 'demarcation',
      layout: hidden,
      paint: {
        'line-color': theme.demarcation,
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 2, 9, 5],
        'line-opacity': 0.35,
        'line-blur': 1,
      },
    },
    {
      id: 'train-route-planned',
      type: 'line',
      source: 'train',
      filter: ['==', ['geometry-type'], 'LineString'],
      layout: { ...hidden, 'line-join': 'round' },
      paint: { 'line-color': theme.trainPlanned, 'line-width': 2, 'line-dasharray': [2, 2] },
    },
    {
      id: 'train-route',
      type: 'line',
      source: 'train',
      filter: ['==', ['geometry-type'], 'LineString'],
      layout: { ...hidden, 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-width': 4, 'line-gradient': routeGradient(1, theme.train) },
    },
    {
      id: 'train-stations',
      type: 'circle',
      source: 'train',
      filter: ['==', ['geometry-type'], 'Point'],
      layout: hidden,
      paint: {
        'circle-radius': 3,
        'circle-color': '#ffffff',
        'circle-stroke-color': theme.station,
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: 'ghost-flight',
      type: 'line',
      source: 'flights',
      filter: byId('ghost'),
      layout: { ...hidden, 'line-cap': 'round' },
      paint: { 'line-color': theme.ghost, 'line-width': 3, 'line-dasharray': [0.5, 2], 'line-opacity': 0.9 },
    },
    {
      id: 'af1-home',
      type: 'line',
      source: 'flights',
      filter: byId('af1-home'),
      layout: { ...hidden, 'line-cap': 'round' },
      paint: { 'line-color': theme.af1, 'line-width': 3 },
    },
    {
      id: 'place-halo',
      type: 'circle',
      source: 'places',
      filter: ['in', ['get', 'id'], ['literal', []]],
      paint: {
        'circle-radius': 14,
        'circle-color': theme.placeHalo,
        'circle-opacity': 0.18,
        'circle-stroke-color': theme.placeHalo,
        'circle-stroke-width': 1.5,
        'circle-stroke-opacity': 0.6,
      },
    },
  ];
  return {
    version: 8,
    name: 'story-offline',
    sources: {
      countries: { type: 'geojson', data: data.basemap.countries },
      coastline: { type: 'geojson', data: data.basemap.coastline },
      borders: { type: 'geojson', data: data.basemap.borders },
      demarcation: { type: 'geojson', data: data.basemap.demarcation },
      // lineMetrics enables `line-progress`, which draws the route progressively.
      train: { type: 'geojson', data: data.train, lineMetrics: true },
      flights: { type: 'geojson', data: data.flights },
      places: { type: 'geojson', data: data.places },
    },
    layers,
  };
}

/** The filter that shows halos for the highlighted places. */
export function highlightFilter(ids: readonly string[]): ExpressionSpecification {
  return ['in', ['get', 'id'], ['literal', [...ids]]];
}
