import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import { TRAVEL_MODES, type MapFeature, type RouteFeature } from '../story/model';
import type { BasemapData } from './basemap';
import { progressOf, type MapState } from './mapState';
import { progressCollection } from './routeLine';
import { ARC_STYLE, MODE_STYLE, type Theme } from './theme';

export interface StyleData {
  basemap: BasemapData;
  /** The story's map features, with their computed geometry. */
  features: readonly MapFeature[];
  /** The story's places as Points with an `id` property. */
  places: FeatureCollection;
  /** Countries drawn a shade lighter because the story happens there (ISO 3166 numeric). */
  focusCountries: readonly string[];
}

/** The style layers that draw one feature, by its kind; switched on and off together. */
export function featureLayerIds(feature: MapFeature): string[] {
  const id = `feature:${feature.id}`;
  switch (feature.kind) {
    case 'route':
      return [`${id}:planned`, ...modesOf(feature).map((m) => `${id}:${m}`), `${id}:stops`];
    case 'area':
      return [`${id}:fill`, `${id}:outline`];
    default:
      return [id];
  }
}

/** The modes a route's segments use, in the vocabulary's order. */
export const modesOf = (route: RouteFeature) => TRAVEL_MODES.filter((m) => route.stops.slice(1).some((s) => s.mode === m));

type BasemapKind = 'country' | 'coast' | 'border' | 'demarcation';

/** The basemap's four layers as one collection, each feature tagged with its `kind`. */
function basemapCollection(basemap: BasemapData): FeatureCollection {
  const tagged = (fc: FeatureCollection, kind: BasemapKind) => fc.features.map((f) => ({ ...f, properties: { ...f.properties, kind } }));
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

/** Every feature's fixed geometry in one collection, tagged with its feature id and part. */
function featureCollection(features: readonly MapFeature[]): FeatureCollection {
  const out: Feature[] = [];
  const add = (fid: string, part: string, geometry: Feature['geometry']) => out.push({ type: 'Feature', properties: { fid, part }, geometry });
  for (const f of features) {
    if (f.kind === 'route') {
      add(f.id, 'planned', { type: 'LineString', coordinates: f.coordinates });
      f.coordinates.forEach((c) => add(f.id, 'stop', { type: 'Point', coordinates: c }));
    } else if (f.kind === 'arc') add(f.id, 'line', { type: 'LineString', coordinates: f.coordinates });
    else if (f.kind === 'line') add(f.id, 'line', { type: 'MultiLineString', coordinates: f.coordinates });
    else if (f.coordinates) add(f.id, 'area', { type: 'MultiPolygon', coordinates: f.coordinates });
  }
  return { type: 'FeatureCollection', features: out };
}

/** The drawn parts of the routes in a map state. */
export function progressData(features: readonly MapFeature[], state: Pick<MapState, 'routeProgress'>) {
  const routes = features.filter((f): f is RouteFeature => f.kind === 'route');
  return progressCollection(routes, (id) => progressOf(state, id));
}

/** The style's part of a map state: which features show, how much of each route, which places glow. */
export type StyleState = Pick<MapState, 'features' | 'routeProgress' | 'highlighted'>;

const NOTHING_SHOWN: StyleState = { features: [], routeProgress: {}, highlighted: [] };

const widthByZoom = (low: number, high: number): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], 2, low, 8, high];

/** The layers of one feature, styled by its kind from the theme. */
function layersOf(f: MapFeature, theme: Theme, visible: boolean): LayerSpecification[] {
  const visibility = visible ? ('visible' as const) : ('none' as const);
  const id = `feature:${f.id}`;
  const part = (p: string): ExpressionSpecification => ['all', ['==', ['get', 'fid'], f.id], ['==', ['get', 'part'], p]];
  switch (f.kind) {
    case 'route':
      return [
        {
          id: `${id}:planned`,
          type: 'line',
          source: 'features',
          filter: part('planned'),
          layout: { visibility, 'line-join': 'round' },
          paint: { 'line-color': theme.routePlanned, 'line-width': 2, 'line-dasharray': [2, 2] },
        },
        ...modesOf(f).map((m): LayerSpecification => {
          const s = MODE_STYLE[m];
          return {
            id: `${id}:${m}`,
            type: 'line',
            source: 'progress',
            filter: ['all', ['==', ['get', 'fid'], f.id], ['==', ['get', 'mode'], m]],
            layout: { visibility, 'line-join': 'round', 'line-cap': s.dash ? 'butt' : 'round' },
            paint: { 'line-color': theme.route, 'line-width': s.width, ...(s.dash ? { 'line-dasharray': s.dash } : {}) },
          };
        }),
        {
          id: `${id}:stops`,
          type: 'circle',
          source: 'features',
          filter: part('stop'),
          layout: { visibility },
          paint: { 'circle-radius': 3, 'circle-color': '#ffffff', 'circle-stroke-color': theme.stop, 'circle-stroke-width': 1.5 },
        },
      ];
    case 'arc': {
      const s = ARC_STYLE[f.status];
      return [
        {
          id,
          type: 'line',
          source: 'features',
          filter: part('line'),
          layout: { visibility, 'line-cap': 'round' },
          paint: { 'line-color': theme[s.color], 'line-width': 3, 'line-opacity': 0.9, ...(s.dash ? { 'line-dasharray': s.dash } : {}) },
        },
      ];
    }
    case 'line':
      return [
        {
          id,
          type: 'line',
          source: 'features',
          filter: part('line'),
          layout: { visibility },
          paint: { 'line-color': theme.line, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 2, 9, 5], 'line-opacity': 0.35, 'line-blur': 1 },
        },
      ];
    case 'area': {
      // A basemap country, or the area's own polygon.
      const country = f.country;
      const [source, filter]: [string, ExpressionSpecification] =
        country !== undefined ? ['basemap', ['all', ['==', ['get', 'kind'], 'country'], ['==', ['get', 'id'], country]]] : ['features', part('area')];
      return [
        { id: `${id}:fill`, type: 'fill', source, filter, layout: { visibility }, paint: { 'fill-color': theme.area, 'fill-opacity': 0.14, 'fill-antialias': false } },
        { id: `${id}:outline`, type: 'line', source, filter, layout: { visibility }, paint: { 'line-color': theme.area, 'line-width': 1.5, 'line-opacity': 0.7 } },
      ];
    }
  }
}

/** The basemap is Natural Earth 1:10m, simplified: tiles beyond this zoom would add no detail. */
export const BASEMAP_MAXZOOM = 8;
/** Story features are lines and points placed to about 10 m: tiled to here, drawn larger beyond. */
export const FEATURES_MAXZOOM = 12;

/**
 * The whole map style, offline: every source is inline GeoJSON, no glyphs,
 * sprites or tiles are requested (labels are HTML markers). It is built in
 * the state of the step the map opens at, so the first paint needs no
 * further style change (each one would re-tile a source in the worker).
 */
export function buildStyle(theme: Theme, data: StyleData, state: StyleState = NOTHING_SHOWN): StyleSpecification {
  const kind = (k: BasemapKind): ExpressionSpecification => ['==', ['get', 'kind'], k];
  // Areas under the lines, lines under the routes and arcs.
  const order = { area: 0, line: 1, route: 2, arc: 3 } as const;
  const featureLayers = [...data.features]
    .sort((a, b) => order[a.kind] - order[b.kind])
    .flatMap((f) => layersOf(f, theme, state.features.includes(f.id)));
  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': theme.sea } },
    {
      id: 'countries',
      type: 'fill',
      source: 'basemap',
      filter: kind('country'),
      paint: {
        'fill-color': data.focusCountries.length > 0 ? ['match', ['get', 'id'], [...data.focusCountries], theme.landFocus, theme.land] : theme.land,
        // No outline pass: the coastline and border lines draw every edge, and one shader program fewer makes the first paint sooner.
        'fill-antialias': false,
      },
    },
    { id: 'coastline', type: 'line', source: 'basemap', filter: kind('coast'), paint: { 'line-color': theme.coast, 'line-width': widthByZoom(0.6, 1.4) } },
    {
      id: 'borders',
      type: 'line',
      source: 'basemap',
      filter: kind('border'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': theme.border, 'line-width': widthByZoom(0.7, 1.5) },
    },
    {
      id: 'demarcation',
      type: 'line',
      source: 'basemap',
      filter: kind('demarcation'),
      paint: { 'line-color': theme.demarcation, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.8, 9, 2], 'line-dasharray': [3, 2] },
    },
    ...featureLayers,
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
    // Each is tiled only up to the zoom its detail needs and drawn larger beyond: a flight to a city
    // then asks the worker for no new tiles at every zoom level on the way.
    sources: {
      basemap: { type: 'geojson', data: basemapCollection(data.basemap), maxzoom: BASEMAP_MAXZOOM },
      features: { type: 'geojson', data: featureCollection(data.features), maxzoom: FEATURES_MAXZOOM },
      // The drawn part of each route: replaced as the reader scrolls (a plain line needs no
      // line-gradient shader, whose compilation would stall the first step that shows it).
      progress: { type: 'geojson', data: progressData(data.features, state), maxzoom: FEATURES_MAXZOOM },
      places: { type: 'geojson', data: data.places, maxzoom: FEATURES_MAXZOOM },
    },
    layers,
  };
}

/** The filter that shows halos for the highlighted places. */
export function highlightFilter(ids: readonly string[]): ExpressionSpecification {
  return ['in', ['get', 'id'], ['literal', [...ids]]];
}
