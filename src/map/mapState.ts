import type { Step, StepCamera } from '../story/model';

/** Everything the map shows for a step: a pure function of the step, so any step can be entered directly. */
export interface MapState {
  stepId: string;
  camera: StepCamera;
  /** Ids of the story's features shown. */
  features: readonly string[];
  /** How much of each shown route is drawn, 0..1; a route not named here is drawn whole. */
  routeProgress: Readonly<Record<string, number>>;
  highlighted: readonly string[];
}

/**
 * How much of the step's route leg is drawn when the reader is `t` (0..1)
 * through the step: the leg completes when the step's middle reaches the
 * activation line, so a deep link or key jump (which centres the step)
 * shows it complete.
 */
export function routeProgressAt(step: Step, t: number): number {
  if (!step.route) return 1;
  const k = Math.min(1, Math.max(0, t / 0.5));
  const eased = k * k * (3 - 2 * k);
  return step.route.from + (step.route.to - step.route.from) * eased;
}

export function mapStateFor(step: Step, t: number): MapState {
  return {
    stepId: step.id,
    camera: step.camera,
    features: step.features,
    routeProgress: step.route ? { [step.route.feature]: routeProgressAt(step, t) } : {},
    highlighted: step.places,
  };
}

/**
 * Whether two states draw the same map: the same step (its camera, features
 * and places) and the same route progress. Scrolling through a step without a
 * route changes nothing the map shows.
 */
export function sameMapState(a: MapState, b: MapState): boolean {
  if (a.stepId !== b.stepId || a.camera !== b.camera) return false;
  const ka = Object.keys(a.routeProgress);
  return ka.length === Object.keys(b.routeProgress).length && ka.every((k) => a.routeProgress[k] === b.routeProgress[k]);
}

/** The drawn share of route `id` in `state`. */
export const progressOf = (state: Pick<MapState, 'routeProgress'>, id: string): number => state.routeProgress[id] ?? 1;

/** The map size story cameras are written for; smaller maps zoom out to show the same area. */
export const REFERENCE_SIZE = { width: 720, height: 600 } as const;

/**
 * Zoom levels to add to a step's zoom so a map of `width`×`height` pixels
 * shows about what the editor framed at the reference size (one zoom level
 * halves the visible width). Clamped so tiny or huge maps stay sensible.
 */
export function zoomOffset(width: number, height: number): number {
  if (width <= 0 || height <= 0) return 0;
  const scale = Math.min(width / REFERENCE_SIZE.width, height / REFERENCE_SIZE.height);
  return Math.min(0.5, Math.max(-1.5, Math.log2(scale)));
}
