import type {
  ExpressionSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { STORY_LAYERS, type StoryLayer } from '../story/model';
import type { BasemapData } from './basemap';
import type { MapState } from './mapState';
import { routeCoordinates, routeUpTo } from './routeLine';
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

type BasemapKind = 'country' | 'coast' | 'border' | 'demarcation';

/** The basemap's four layers as one collection, each feature tagged with its `kind`. */
function basemapCollection(basemap: BasemapData): FeatureCollection {
  const tagged = (fc: FeatureCollection, kind: BasemapKind) =>
    fc.features.map((f) => ({ ...f, properties: { ...f.properties, kind } }));
  return {
    type: 'FeatureCollection',
    features: [
      ...tagged(basemap.countries, 'country'),
      ...tagged(basemap.coastline, 'coast'),
      ...tagged(basemap.borders, 'border'),
      ...tagged(basemap.demarcation, 'demarcation'),
    ],
  };
}

/** The style's part of a map state: which story layers show, how much of the route, which places glow. */
export type StyleState = Pick<MapState, 'layers' | 'routeProgress' | 'highlighted'>;

const NOTHING_SHOWN: StyleState = { layers: [], routeProgress: 1, highlighted: [] };

/**
 * The whole map style, offline: every source is inline GeoJSON, no glyphs,
 * sprites or tiles are requested (labels are HTML markers). It is built in
 * the state of the step the map opens at, so the first paint needs no
 * further style change (each one would re-tile a source in the worker).
 */
export function buildStyle(theme: Theme, data: StyleData, state: StyleState = NOTHING_SHOWN): StyleSpecification {
  const shown = new Set(STORY_LAYERS.filter((l) => state.layers.includes(l)).flatMap((l) => STORY_LAYER_IDS[l]));
  const visibility = (id: string) => ({ visibility: shown.has(id) ? ('visible' as const) : ('none' as const) });
  const byId = (id: string): ExpressionSpecification => ['==', ['get', 'id'], id];
  const kind = (k: BasemapKind): ExpressionSpecification => ['==', ['get', 'kind'], k];
  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': theme.sea } },
    {
      id: 'countries',
      type: 'fill',
      source: 'basemap',
      filter: kind('country'),
      paint: {
        'fill-color': ['match', ['get', 'id'], [...FOCUS_COUNTRIES], theme.landFocus, theme.land],
        // No outline pass: the coastline and border lines draw every edge, and one shader program fewer makes the first paint sooner.
        'fill-antialias': false,
      },
    },
    {
      id: 'coastline',
      type: 'line',
      source: 'basemap',
      filter: kind('coast'),
      paint: { 'line-color': theme.coast, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.6, 8, 1.4] },
    },
    {
      id: 'borders',
      type: 'line',
      source: 'basemap',
      filter: kind('border'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': theme.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.7, 8, 1.5] },
    },
    {
      id: 'demarcation',
      type: 'line',
      source: 'basemap',
      filter: kind('demarcation'),
      paint: {
        'line-color': theme.demarcation,
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.8, 9, 2],
        'line-dasharray': [3, 2],
      },
    },
    {
      id: 'demarcation-highlight',
      type: 'line',
      source: 'basemap',
      filter: kind('demarcation'),
      layout: visibility('demarcation-highlight'),
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
      source: 'routes',
      filter: ['all', ['==', ['geometry-type'], 'LineString'], byId('train')],
      layout: { ...visibility('train-route-planned'), 'line-join': 'round' },
      paint: { 'line-color': theme.trainPlanned, 'line-width': 2, 'line-dasharray': [2, 2] },
    },
    {
      id: 'train-route',
      type: 'line',
      source: 'train-progress',
      layout: { ...visibility('train-route'), 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': theme.train, 'line-width': 4 },
    },
    {
      id: 'train-stations',
      type: 'circle',
      source: 'routes',
      filter: ['==', ['geometry-type'], 'Point'],
      layout: visibility('train-stations'),
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
      source: 'routes',
      filter: byId('ghost'),
      layout: { ...visibility('ghost-flight'), 'line-cap': 'round' },
      paint: { 'line-color': theme.ghost, 'line-width': 3, 'line-dasharray': [0.5, 2], 'line-opacity': 0.9 },
    },
    {
      id: 'af1-home',
      type: 'line',
      source: 'routes',
      filter: byId('af1-home'),
      layout: { ...visibility('af1-home'), 'line-cap': 'round' },
      paint: { 'line-color': theme.af1, 'line-width': 3 },
    },
    {
      id: 'place-halo',
      type: 'circle',
      source: 'places',
      filter: highlightFilter(state.highlighted),
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
    // Few sources, because each is tiled apart in the worker and the first paint waits for all of them.
    sources: {
      basemap: { type: 'geojson', data: basemapCollection(data.basemap) },
      routes: { type: 'geojson', data: { type: 'FeatureCollection', features: [...data.train.features, ...data.flights.features] } },
      // The drawn part of the route: replaced as the reader scrolls (a plain line needs no
      // line-gradient shader, whose compilation would stall the first step that shows it).
      'train-progress': { type: 'geojson', data: routeUpTo(routeCoordinates(data.train), state.routeProgress) },
      places: { type: 'geojson', data: data.places },
    },
    layers,
  };
}

/** The filter that shows halos for the highlighted places. */
export function highlightFilter(ids: readonly string[]): ExpressionSpecification {
  return ['in', ['get', 'id'], ['literal', [...ids]]];
}
