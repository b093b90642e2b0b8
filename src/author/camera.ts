/**
 * Cameras as author mode writes them: rounded for a readable story file,
 * framed for the two screens a reader has (a desktop's map column, a phone's
 * full-screen map under the rising text), and proposed from a step's places.
 * Pure functions: the page and the dev server's endpoint both use them.
 */
import type { LngLat, MapFeature, Step, StepCamera, Story } from '../story/model';
import { zoomOffset } from '../map/mapState';
import { project, unproject } from '../map/mercator';

const round = (value: number, digits: number) => {
  const r = Number(value.toFixed(digits));
  // toFixed keeps the sign of a negative number rounded to zero: write 0, not -0.
  return r === 0 ? 0 : r;
};

/** The camera as the story file keeps it: centre to 4 decimals (about 10 m), zoom to 2, bearing and pitch to 1, all in range. */
export function roundCamera(camera: StepCamera): StepCamera {
  const lng = ((((camera.center[0] + 180) % 360) + 360) % 360) - 180;
  const bearing = ((((camera.bearing + 180) % 360) + 360) % 360) - 180;
  return {
    center: [round(lng, 4), round(Math.max(-85, Math.min(85, camera.center[1])), 4)],
    zoom: round(Math.max(0, Math.min(22, camera.zoom)), 2),
    bearing: round(bearing === -180 ? 180 : bearing, 1),
    pitch: round(Math.max(0, Math.min(85, camera.pitch)), 1),
  };
}

export const sameCamera = (a: StepCamera, b: StepCamera) =>
  a.center[0] === b.center[0] && a.center[1] === b.center[1] && a.zoom === b.zoom && a.bearing === b.bearing && a.pitch === b.pitch;

/** A box in CSS pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How a reader on one kind of screen sees a step's map. */
export interface Framing {
  id: 'desktop' | 'phone';
  label: string;
  screen: { width: number; height: number };
  /** The map on that screen. */
  map: Box;
  /** The story's text on that screen: a column beside the map, or the card over it. */
  text: Box;
  /** The part of the map the text and the legend leave clear, as insets from the map's edges. */
  clear: { top: number; right: number; bottom: number; left: number };
}

/**
 * The two framings a step is written for, from the page's layout
 * (`src/ui/styles.css`): on a 1280×800 desktop the text is a column of 42 %
 * beside the map; on a 390×844 phone the map fills the screen and the step's
 * card rises over it from the bottom as the reader reads, so only the upper
 * half stays clear while its first lines are read (measured in Chromium:
 * a card reaches the middle of the screen 70 % of a screen after its step
 * became active). The legend lies over the top of the map in both;
 * `legendHeight` is the live legend's height.
 */
export function framings(legendHeight = 0): Framing[] {
  const legend = legendHeight > 0 ? legendHeight + 16 : 16;
  const desktopText = Math.max(352, 0.42 * 1280);
  return [
    {
      id: 'desktop',
      label: 'Desktop, 1280×800',
      screen: { width: 1280, height: 800 },
      map: { x: desktopText, y: 0, width: 1280 - desktopText, height: 800 },
      text: { x: 0, y: 0, width: desktopText, height: 800 },
      clear: { top: legend, right: 32, bottom: 48, left: 32 },
    },
    {
      id: 'phone',
      label: 'Phone, 390×844',
      screen: { width: 390, height: 844 },
      map: { x: 0, y: 0, width: 390, height: 844 },
      text: { x: 12, y: Math.round(844 * 0.55), width: 366, height: 844 - Math.round(844 * 0.55) },
      clear: { top: legend, right: 20, bottom: 844 - Math.round(844 * 0.55) + 12, left: 20 },
    },
  ];
}

/** The zoom a step's camera is shown at on a framing's map (see `zoomOffset`). */
export const framedZoom = (camera: StepCamera, framing: Framing) => camera.zoom + zoomOffset(framing.map.width, framing.map.height);

/**
 * What "Fit to places" frames for a step: its places and the part of its
 * route it draws; without either, the lines and areas it shows.
 */
export function stepPoints(story: Pick<Story, 'places' | 'features'>, step: Pick<Step, 'places' | 'route' | 'features'>): LngLat[] {
  const pairs: LngLat[] = [];
  for (const id of step.places) {
    const place = story.places.find((p) => p.id === id);
    if (place) pairs.push(place.coordinates);
  }
  const route = step.route && story.features.find((f): f is Extract<MapFeature, { kind: 'route' }> => f.kind === 'route' && f.id === step.route!.feature);
  if (route && step.route) {
    const { from, to } = step.route;
    route.stops.forEach((stop, i) => {
      if (stop.progress >= Math.min(from, to) - 1e-9 && stop.progress <= Math.max(from, to) + 1e-9) pairs.push(route.coordinates[i]!);
    });
  }
  if (pairs.length > 0) return pairs;
  for (const f of story.features) {
    if (!step.features.includes(f.id)) continue;
    if (f.kind === 'route' || f.kind === 'arc') pairs.push(...f.coordinates);
    else if (f.kind === 'line') pairs.push(...f.coordinates.flat());
    else if (f.coordinates) pairs.push(...f.coordinates.flat(2));
  }
  return pairs;
}

/**
 * The camera that shows every point in the clear part of the map in every
 * framing at once, as close as it can (up to `maxZoom`): the same camera is
 * shown on both screens, so its centre is where both leave the points room.
 * North up and flat. Undefined without points.
 */
export function fitCamera(points: readonly LngLat[], frames: readonly Framing[], maxZoom = 13, minZoom = 0): StepCamera | undefined {
  if (points.length === 0) return undefined;
  const world = points.map((p) => project(p, 0));
  const xs = world.map((p) => p[0]);
  const ys = world.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // The range of centres (in zoom-0 world pixels) that keeps the points clear in every framing at zoom `z`.
  const centres = (z: number) => {
    let [loX, hiX, loY, hiY] = [-Infinity, Infinity, -Infinity, Infinity];
    for (const f of frames) {
      const k = 2 ** (z + zoomOffset(f.map.width, f.map.height));
      const { width: w, height: h } = f.map;
      loX = Math.max(loX, maxX - (w / 2 - f.clear.right) / k);
      hiX = Math.min(hiX, minX + (w / 2 - f.clear.left) / k);
      loY = Math.max(loY, maxY - (h / 2 - f.clear.bottom) / k);
      hiY = Math.min(hiY, minY + (h / 2 - f.clear.top) / k);
    }
    return { loX, hiX, loY, hiY, fits: loX <= hiX && loY <= hiY };
  };
  let zoom = minZoom;
  if (centres(maxZoom).fits) zoom = maxZoom;
  else if (centres(minZoom).fits) {
    // Fitting is monotonic in the zoom (each framing's clear part covers its map's centre): bisect.
    let [lo, hi] = [minZoom, maxZoom];
    while (hi - lo > 0.001) {
      const mid = (lo + hi) / 2;
      if (centres(mid).fits) lo = mid;
      else hi = mid;
    }
    zoom = Math.floor(lo * 100) / 100;
  }
  const c = centres(zoom);
  const centre: [number, number] = c.fits ? [(c.loX + c.hiX) / 2, (c.loY + c.hiY) / 2] : [(minX + maxX) / 2, (minY + maxY) / 2];
  return roundCamera({ center: unproject(centre, 0), zoom, bearing: 0, pitch: 0 });
}

/** Where `point` lies on a framing's map shown at `camera` (CSS pixels from the map's top left). */
export function framedPosition(point: LngLat, camera: StepCamera, framing: Framing): [number, number] {
  const z = framedZoom(camera, framing);
  const [px, py] = project(point, z);
  const [cx, cy] = project(camera.center, z);
  return [px - cx + framing.map.width / 2, py - cy + framing.map.height / 2];
}

/** Whether `point` lies in the clear part of the framing's map. */
export function isClear(point: LngLat, camera: StepCamera, framing: Framing): boolean {
  const [x, y] = framedPosition(point, camera, framing);
  const { top, right, bottom, left } = framing.clear;
  return x >= left - 0.5 && x <= framing.map.width - right + 0.5 && y >= top - 0.5 && y <= framing.map.height - bottom + 0.5;
}
