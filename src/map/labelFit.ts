import type { FeatureCollection, Point } from 'geojson';
import type { Localized, LngLat, MapFeature, PlaceKind, StepCamera } from '../story/model';
import { project } from './mercator';

export interface LabelCandidate {
  id: string;
  coordinates: LngLat;
  /** Characters of the label, for its estimated width. */
  text: string;
  side: 'left' | 'right';
  /** Always labelled (the story's own places); the rest only where they fit. */
  required: boolean;
}

/** Label metrics at the map's label size (0.8 rem of system sans): a generous width per character, and a line as tall as a marker. */
const CHAR_PX = 7.4;
const LINE_PX = 24;
const DOT_PX = 12;
/** A label's padding (px), and the widest it is drawn (9 rem, the stylesheet's): longer ones wrap. */
const LABEL_PAD_PX = 6;
export const LABEL_MAX_PX = 144;
/** A wrapped label's line height, and the room it keeps from the map's edge (px). */
const WRAP_LINE_PX = 16;
const EDGE_PX = 4;
/** A marker is a button: WCAG 2.2 wants 24 × 24 px of it clear of other targets. */
const TARGET_PX = 24;

type Box = [number, number, number, number];
const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/**
 * Which places can be markers of their own at a camera: the required ones
 * always, then each other one whose 24 px target overlaps none placed
 * before. The rest stay dots drawn by the map, too close to their
 * neighbours to be told apart by a finger or a pointer at this zoom.
 */
export function targetsThatFit(candidates: readonly LabelCandidate[], camera: StepCamera, zoomOffset = 0): Set<string> {
  const zoom = camera.zoom + zoomOffset;
  const placed: Box[] = [];
  const fit = new Set<string>();
  for (const c of [...candidates].sort((a, b) => Number(b.required) - Number(a.required))) {
    const [x, y] = project(c.coordinates, zoom);
    const box: Box = [x - TARGET_PX / 2, y - TARGET_PX / 2, x + TARGET_PX / 2, y + TARGET_PX / 2];
    if (c.required || !placed.some((p) => overlaps(p, box))) {
      fit.add(c.id);
      placed.push(box);
    }
  }
  return fit;
}

/** A label's text in lines no wider than `maxWidth` px (estimated), broken at spaces, as a browser wraps it. */
export function wrapLabel(text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && (last.length + 1 + word.length) * CHAR_PX <= maxWidth) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** A name centred on its point, such as a country's: drawn only where it is clear of the places and the names placed before it. */
export interface AreaLabelCandidate {
  id: string;
  coordinates: LngLat;
  text: string;
}

/** The names of a labels collection (country names) as candidates in `lang`, in the order they claim space. */
export function areaLabelCandidates(labels: FeatureCollection<Point, { name: Localized }>, lang: string): AreaLabelCandidate[] {
  return labels.features.map((f, i) => ({ id: String(i), coordinates: f.geometry.coordinates as LngLat, text: f.properties.name[lang] ?? f.properties.name.en ?? '' }));
}

/** Country names: 0.75 rem of uppercase system sans with 0.12 em letter spacing. */
const AREA_CHAR_PX = 9;
const AREA_LINE_PX = 16;

/**
 * Which labels fit at a step's camera on a map of `width`×`height`: the
 * required ones always, then the others in order wherever their box
 * overlaps no label or dot placed before. Computed once per step, not per
 * frame, and the same for the live map and the drawing.
 */
export function labelsThatFit(candidates: readonly LabelCandidate[], camera: StepCamera, width: number, height: number, zoomOffset = 0): Set<string> {
  return fitLabels(candidates, [], camera, width, height, zoomOffset).places;
}

/** Which labels fit, and the width (px) of those that must wrap short of the map's edge. */
export interface FittedLabels {
  places: Set<string>;
  areas: Set<string>;
  /** A label near the map's edge on its side wraps to the room there is: its text's widest (px). */
  widths: Map<string, number>;
}

/**
 * The place labels that fit (`labelsThatFit`), then the area names that fit
 * around them: each inside the map, clear of every dot, place label and
 * name placed before it — a country's name gives way to a place's.
 */
export function fitLabels(
  candidates: readonly LabelCandidate[],
  areaLabels: readonly AreaLabelCandidate[],
  camera: StepCamera,
  width: number,
  height: number,
  zoomOffset = 0,
): FittedLabels {
  const zoom = camera.zoom + zoomOffset;
  const [cx, cy] = project(camera.center, zoom);
  const placed: Box[] = [];
  const fit = new Set<string>();
  const widths = new Map<string, number>();
  const ordered = [...candidates].sort((a, b) => Number(b.required) - Number(a.required));
  // Every dot is an obstacle, labelled or not.
  for (const c of candidates) {
    const [x, y] = project(c.coordinates, zoom);
    placed.push([x - cx - DOT_PX / 2, y - cy - DOT_PX / 2, x - cx + DOT_PX / 2, y - cy + DOT_PX / 2]);
  }
  for (const c of ordered) {
    const [px, py] = project(c.coordinates, zoom);
    const x = px - cx + width / 2;
    const y = py - cy + height / 2;
    // Wrapped at the stylesheet's width, or short of the map's edge where that is nearer.
    const room = (c.side === 'left' ? x : width - x) - DOT_PX - EDGE_PX - LABEL_PAD_PX;
    const textWidth = Math.min(LABEL_MAX_PX, room);
    const lines = wrapLabel(c.text, textWidth);
    const w = Math.max(...lines.map((l) => l.length)) * CHAR_PX + LABEL_PAD_PX;
    const half = Math.max(LINE_PX, lines.length * WRAP_LINE_PX + 4) / 2;
    const box: Box = c.side === 'left' ? [x - DOT_PX - w, y - half, x - DOT_PX, y + half] : [x + DOT_PX, y - half, x + DOT_PX + w, y + half];
    const shifted: Box = [box[0] - width / 2, box[1] - height / 2, box[2] - width / 2, box[3] - height / 2];
    const inside = box[0] >= 0 && box[2] <= width && box[1] >= 0 && box[3] <= height;
    if (c.required || (inside && !placed.some((p) => overlaps(p, shifted)))) {
      fit.add(c.id);
      placed.push(shifted);
      // Whatever the estimate: the reader's font may be wider, and a narrower width only wraps what is too long for it.
      if (room < LABEL_MAX_PX) widths.set(c.id, Math.max(0, Math.floor(room)));
    }
  }
  const areas = new Set<string>();
  for (const a of areaLabels) {
    const [px, py] = project(a.coordinates, zoom);
    const [x, y] = [px - cx, py - cy];
    const half = (a.text.length * AREA_CHAR_PX) / 2;
    const box: Box = [x - half, y - AREA_LINE_PX / 2, x + half, y + AREA_LINE_PX / 2];
    const inside = box[0] >= -width / 2 && box[2] <= width / 2 && box[1] >= -height / 2 && box[3] <= height / 2;
    if (inside && !placed.some((p) => overlaps(p, box))) {
      areas.add(a.id);
      placed.push(box);
    }
  }
  return { places: fit, areas, widths };
}

/** What a label needs of a place. */
export interface LabelledPlace {
  id: string;
  name: Localized;
  kind: PlaceKind;
  coordinates: LngLat;
  labelSide?: 'left' | 'right';
}

/**
 * The label candidates of the places shown, in the order they claim space:
 * the story's own places and the highlighted ones always, then the stations,
 * reported stops before inferred ones.
 */
export function labelCandidates(places: readonly LabelledPlace[], features: readonly MapFeature[], highlighted: readonly string[], lang: string): LabelCandidate[] {
  const inferred = new Set(features.flatMap((f) => (f.kind === 'route' ? f.stops.filter((s) => s.inferred).map((s) => s.place) : [])));
  return [...places]
    .sort((a, b) => Number(inferred.has(a.id)) - Number(inferred.has(b.id)))
    .map((p) => ({
      id: p.id,
      coordinates: p.coordinates,
      text: p.name[lang] ?? '',
      side: p.labelSide ?? 'right',
      required: p.kind !== 'station' || highlighted.includes(p.id),
    }));
}
