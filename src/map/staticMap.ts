import type { Geometry, Position } from 'geojson';
import { clipPolygon, clipPolyline } from 'lineclip';
import type { ArcStatus, Localized, MapFeature, StepCamera, TravelMode } from '../story/model';
import type { MapData } from './mapData';
import { progressOf, type MapState } from './mapState';
import { isNestedVenue, VENUE_MIN_ZOOM } from './venues';
import { project } from './mercator';
import { drawnSegments } from './routeLine';
import { areaLabelCandidates, fitLabels, LABEL_MAX_PX, labelCandidates, targetsThatFit, wrapLabel } from './labelFit';
import { shownPlaces, type MarkerPlace } from './shownPlaces';

/** How a drawn line looks: a basemap line, a route's segment by mode, an arc by status, a declared line. */
export type LineStyle = 'border' | 'coast' | 'demarcation' | `route-${TravelMode}` | 'route-planned' | `arc-${ArcStatus}` | 'line';

/** A drawing of a step's map, in SVG user units of a `width`×`height` view box. */
export interface StaticDrawing {
  width: number;
  height: number;
  countries: { id: string; d: string }[];
  /** Highlighted areas, drawn over the countries. */
  areas: { id: string; d: string }[];
  /** The stops of the routes shown, as the live map draws them: dots, markers or not. */
  stops: { x: number; y: number }[];
  lines: { kind: LineStyle; d: string }[];
  /** `lines`: the label in the drawing's language, wrapped as the live map wraps it; empty when unlabelled. */
  places: { id: string; x: number; y: number; name: Localized; highlighted: boolean; station: boolean; lines: string[]; side: 'left' | 'right' }[];
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

/** Points closer than this (px) to the last one kept are dropped: the drawing stays small enough to ship in the page. */
const TOLERANCE_PX = 1.5;

/**
 * Path data of points already in view coordinates: whole pixels, relative
 * moves (short, repetitive text that compresses well), and points closer
 * than the tolerance to the last one kept dropped.
 */
function pathData(points: readonly [number, number][], close: boolean): string {
  let d = '';
  let last: [number, number] | undefined;
  for (const [px, py] of points) {
    const x = Math.round(px);
    const y = Math.round(py);
    if (!last) d += `M${x} ${y}`;
    else if (Math.abs(x - last[0]) < TOLERANCE_PX && Math.abs(y - last[1]) < TOLERANCE_PX) continue;
    else d += `l${x - last[0]} ${y - last[1]}`;
    last = [x, y];
  }
  return last && close ? `${d}z` : d;
}

/** left, top, right, bottom. */
export type Box = [number, number, number, number];

/** A ring clipped to the box (off-screen parts of a continent at a city's zoom span millions of pixels). */
const ringPath = (ring: readonly Position[], toView: (p: Position) => [number, number], box: Box) => {
  const clipped = clipPolygon(ring.map(toView), box);
  return clipped.length > 2 ? pathData(clipped, true) : '';
};
const linePath = (line: readonly Position[], toView: (p: Position) => [number, number], box: Box) =>
  clipPolyline(line.map(toView), box).map((part) => pathData(part, false)).join('');

/** Within 12 px of a box: a marker's half-target, as the live map counts it. */
const underBox = ([x, y]: [number, number], [left, top, right, bottom]: Box) => x > left - 12 && x < right + 12 && y > top - 12 && y < bottom + 12;

interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function geometryPath(geometry: Geometry, toView: (p: Position) => [number, number], bounds: Bounds): string {
  const box: Box = [bounds.minX, bounds.minY, bounds.maxX, bounds.maxY];
  switch (geometry.type) {
    case 'Polygon':
      return geometry.coordinates.map((r) => ringPath(r, toView, box)).join('');
    case 'MultiPolygon':
      return geometry.coordinates.flatMap((poly) => poly.map((r) => ringPath(r, toView, box))).join('');
    case 'LineString':
      return linePath(geometry.coordinates, toView, box);
    case 'MultiLineString':
      return geometry.coordinates.map((l) => linePath(l, toView, box)).join('');
    default:
      return '';
  }
}

/**
 * The step's map as a flat drawing: countries, borders, the features the
 * step shows, and its places — for readers without WebGL, and for print.
 */
export function drawStep(
  data: MapData,
  state: MapState,
  places: readonly MarkerPlace[],
  features: readonly MapFeature[],
  lang: string,
  size = { width: 720, height: 600 },
  covered: readonly Box[] = [],
): StaticDrawing {
  const { width, height } = size;
  const toView = viewProjector(state.camera, width, height);
  // Generous: a "meet" view box shows more than width×height on the longer axis of the screen.
  const margin = Math.max(width, height);
  const bounds: Bounds = { minX: -margin, minY: -margin, maxX: width + margin, maxY: height + margin };
  const lines: StaticDrawing['lines'] = [];
  const areas: StaticDrawing['areas'] = [];
  const stops: StaticDrawing['stops'] = [];
  const add = (kind: LineStyle, geometry: Geometry) => {
    const d = geometryPath(geometry, toView, bounds);
    if (d) lines.push({ kind, d });
  };
  for (const f of data.basemap.coastline.features) add('coast', f.geometry);
  for (const f of data.basemap.borders.features) add('border', f.geometry);
  for (const f of data.basemap.demarcation.features) add('demarcation', f.geometry);
  for (const f of features) {
    if (!state.features.includes(f.id)) continue;
    if (f.kind === 'route') {
      add('route-planned', { type: 'LineString', coordinates: f.coordinates });
      for (const seg of drawnSegments(f, progressOf(state, f.id))) add(`route-${seg.properties.mode}`, seg.geometry);
      for (const c of f.coordinates) {
        const [x, y] = toView(c);
        if (x >= bounds.minX && x <= bounds.maxX && y >= bounds.minY && y <= bounds.maxY) stops.push({ x, y });
      }
    } else if (f.kind === 'arc') add(`arc-${f.status}`, { type: 'LineString', coordinates: f.coordinates });
    else if (f.kind === 'line') add('line', { type: 'MultiLineString', coordinates: f.coordinates });
    else {
      const geometry: Geometry | undefined = f.coordinates
        ? { type: 'MultiPolygon', coordinates: f.coordinates }
        : data.basemap.countries.features.find((c) => c.properties.id === f.country)?.geometry;
      const d = geometry ? geometryPath(geometry, toView, bounds) : '';
      if (d) areas.push({ id: f.id, d });
    }
  }

  const inView = ([x, y]: [number, number]) => x >= 0 && x <= width && y >= 0 && y <= height;
  const shown = shownPlaces(places, features, state);
  const inStep = places
    .filter((p) => shown.has(p.id) && (state.camera.zoom >= VENUE_MIN_ZOOM || !isNestedVenue(p, places)))
    .map((p) => ({ p, xy: toView(p.coordinates) }))
    .filter(({ xy }) => inView(xy));
  const candidates = labelCandidates(inStep.map((v) => v.p), features, state.highlighted, lang);
  // The drawing shows the same places as the live map: those with room for a marker of their own.
  const targets = targetsThatFit(candidates, state.camera);
  const visible = inStep.filter(({ p }) => targets.has(p.id));
  const countryLabels = areaLabelCandidates(data.countryLabels, lang);
  const fit = fitLabels(
    candidates.filter((c) => targets.has(c.id)),
    countryLabels,
    state.camera,
    width,
    height,
  );
  return {
    width,
    height,
    countries: data.basemap.countries.features
      .map((f) => ({ id: f.properties.id, d: geometryPath(f.geometry, toView, bounds) }))
      .filter((c) => c.d),
    areas,
    lines,
    stops,
    places: visible.map(({ p, xy }) => ({
      id: p.id,
      x: xy[0],
      y: xy[1],
      name: p.name,
      highlighted: state.highlighted.includes(p.id),
      station: p.kind === 'station',
      // The live map's rule: a place under what lies over the map (its legend) keeps its dot, not its label.
      lines: fit.places.has(p.id) && !covered.some((b) => underBox(xy, b)) ? wrapLabel(p.name[lang] ?? '', fit.widths.get(p.id) ?? LABEL_MAX_PX) : [],
      side: p.labelSide ?? 'right',
    })),
    // The live map's rule: a country's name where it is clear of the places and their labels.
    labels: data.countryLabels.features
      .filter((_, i) => fit.areas.has(countryLabels[i]!.id))
      .map((f) => {
        const [x, y] = toView(f.geometry.coordinates);
        return { x, y, name: f.properties.name };
      })
      .filter(({ x, y }) => !covered.some((b) => underBox([x, y], b))),
  };
}
