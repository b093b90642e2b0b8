import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { Localized, StepCamera } from '../story/model';
import type { MapData } from './mapData';
import type { MapState } from './mapState';
import { STORY_LAYER_IDS } from './style';
import { isNestedVenue, VENUE_MIN_ZOOM, type VenuePlace } from './venues';
import { project } from './mercator';
import { lineUpTo } from './routeLine';

/** A drawing of a step's map, in SVG user units of a `width`×`height` view box. */
export interface StaticDrawing {
  width: number;
  height: number;
  countries: { id: string; d: string }[];
  lines: { kind: 'border' | 'coast' | 'demarcation' | 'train' | 'ghost' | 'af1'; d: string }[];
  places: { id: string; x: number; y: number; name: Localized; highlighted: boolean }[];
  labels: { x: number; y: number; name: Localized }[];
}

/** Projects into the view of `camera` (bearing and pitch are ignored: a drawing stays north-up and flat). */
function viewProjector(camera: StepCamera, width: number, height: number) {
  const [cx, cy] = project(camera.center, camera.zoom);
  return (p: Position): [number, number] => {
    const [x, y] = project(p, camera.zoom);
    return [x - cx + width / 2, y - cy + height / 2];
  };
}

/** Path data of a ring or line, dropping points closer than a pixel to the last one kept. */
function pathOf(points: readonly Position[], toView: (p: Position) => [number, number], close: boolean, bounds: Bounds): string {
  let d = '';
  let last: [number, number] | undefined;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const p of points) {
    const [x, y] = toView(p);
    minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y);
    if (last && Math.abs(x - last[0]) < 1 && Math.abs(y - last[1]) < 1) continue;
    d += `${d ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`;
    last = [x, y];
  }
  // Off-screen shapes are left out: at a city's zoom a continent spans millions of pixels.
  if (maxX < bounds.minX || minX > bounds.maxX || maxY < bounds.minY || minY > bounds.maxY) return '';
  return close && d ? `${d}Z` : d;
}

interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function geometryPath(geometry: Geometry, toView: (p: Position) => [number, number], bounds: Bounds): string {
  switch (geometry.type) {
    case 'Polygon':
      return geometry.coordinates.map((r) => pathOf(r, toView, true, bounds)).join('');
    case 'MultiPolygon':
      return geometry.coordinates.flatMap((poly) => poly.map((r) => pathOf(r, toView, true, bounds))).join('');
    case 'LineString':
      return pathOf(geometry.coordinates, toView, false, bounds);
    case 'MultiLineString':
      return geometry.coordinates.map((l) => pathOf(l, toView, false, bounds)).join('');
    default:
      return '';
  }
}

const linesOf = (fc: FeatureCollection, filter: (f: Feature) => boolean = () => true) =>
  fc.features.filter((f) => filter(f) && (f.geometry.type === 'LineString' || f.geometry.type === 'MultiLineString'));

/**
 * The step's map as a flat drawing: countries, borders, the layers the step
 * shows, and its places — for readers without WebGL, and for print.
 */
export function drawStep(
  data: MapData,
  state: MapState,
  places: readonly (VenuePlace & { id: string; name: Localized })[],
  size = { width: 720, height: 600 },
): StaticDrawing {
  const { width, height } = size;
  const toView = viewProjector(state.camera, width, height);
  // Generous: a "meet" view box shows more than width×height on the longer axis of the screen.
  const margin = Math.max(width, height);
  const bounds: Bounds = { minX: -margin, minY: -margin, maxX: width + margin, maxY: height + margin };
  const on = (layer: keyof typeof STORY_LAYER_IDS) => state.layers.includes(layer);
  const lines: StaticDrawing['lines'] = [];
  const add = (kind: StaticDrawing['lines'][number]['kind'], features: Feature[]) => {
    for (const f of features) {
      const d = geometryPath(f.geometry, toView, bounds);
      if (d) lines.push({ kind, d });
    }
  };
  add('coast', data.basemap.coastline.features);
  add('border', data.basemap.borders.features);
  add('demarcation', data.basemap.demarcation.features);
  if (on('train-route')) {
    for (const f of linesOf(data.train)) {
      if (f.geometry.type !== 'LineString') continue;
      const d = pathOf(lineUpTo(f.geometry.coordinates, state.routeProgress), toView, false, bounds);
      if (d) lines.push({ kind: 'train', d });
    }
  }
  if (on('ghost-flight')) add('ghost', linesOf(data.flights, (f) => f.properties?.id === 'ghost'));
  if (on('af1-home')) add('af1', linesOf(data.flights, (f) => f.properties?.id === 'af1-home'));

  const inView = ([x, y]: [number, number]) => x >= 0 && x <= width && y >= 0 && y <= height;
  return {
    width,
    height,
    countries: data.basemap.countries.features
      .map((f) => ({ id: f.properties.id, d: geometryPath(f.geometry, toView, bounds) }))
      .filter((c) => c.d),
    lines,
    places: places
      .filter((p) => state.camera.zoom >= VENUE_MIN_ZOOM || !isNestedVenue(p, places))
      .map((p) => ({ p, xy: toView(p.coordinates) }))
      .filter(({ xy }) => inView(xy))
      .map(({ p, xy }) => ({ id: p.id, x: xy[0], y: xy[1], name: p.name, highlighted: state.highlighted.includes(p.id) })),
    labels: data.countryLabels.features
      .map((f) => ({ xy: toView(f.geometry.coordinates), name: f.properties.name }))
      .filter(({ xy }) => inView(xy))
      .map(({ xy, name }) => ({ x: xy[0], y: xy[1], name })),
  };
}
