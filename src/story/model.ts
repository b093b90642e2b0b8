/**
 * The checked story the browser receives. Every value here has passed
 * `parseStory`: ids resolve, quotes occur verbatim in their sources.
 */

export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type Localized = Record<Lang, string>;

/** Longitude, latitude in degrees (GeoJSON order). */
export type LngLat = [number, number];

/** The subset of MapLibre's `CameraOptions` a step declares, all required so a step is a complete state. */
export interface StepCamera {
  center: LngLat;
  zoom: number;
  bearing: number;
  pitch: number;
}

/** Story layers a step may switch on; the basemap is always shown. */
export const STORY_LAYERS = ['train-route', 'ghost-flight', 'af1-home', 'demarcation-line'] as const;
export type StoryLayer = (typeof STORY_LAYERS)[number];

/** Computed figures a step may show beside its text, derived in `geo/` by code. */
export const CALCULATIONS = ['ghost-flight'] as const;
export type CalculationId = (typeof CALCULATIONS)[number];

export interface FlightEstimate {
  from: string;
  to: string;
  distanceKm: number;
  cruiseSpeedKmh: number;
  flightMinutes: number;
}

export interface Source {
  id: string;
  /** Publication month, `YYYY-MM`, as given in the article's date line. */
  date: string;
  /** Language of the article; quotes are shown in it. */
  language: Lang;
  label: Localized;
  /** The article body, verbatim (the leading date line removed). */
  text: string;
  /** Path of the article file relative to the story folder. */
  file: string;
}

export interface Place {
  id: string;
  name: Localized;
  kind: 'city' | 'venue' | 'landmark';
  coordinates: LngLat;
  provenance: string;
  /** Side of the dot for the map label; right unless a neighbour needs the space. */
  labelSide?: 'left' | 'right';
}

export interface Citation {
  source: string;
  quote: string;
  /** English rendering of the Dutch quote, written by the editors. */
  translation?: string;
}

/** Part of the train route drawn during a step: fractions of its length, 0..1. */
export interface RouteProgress {
  from: number;
  to: number;
}

export interface Step {
  id: string;
  /** ISO 8601 date, month or year, or an interval `start/end` of those. */
  date: string;
  title: Localized;
  /** Paragraphs separated by blank lines. */
  text: Localized;
  /** Editorial context that is not from the cited sources, shown as such. */
  context?: Localized;
  camera: StepCamera;
  layers: StoryLayer[];
  route?: RouteProgress;
  places: string[];
  citations: Citation[];
  calculation?: CalculationId;
}

/**
 * A passage of a source that mentions a place: paragraph `paragraph` of the
 * source's text (see `paragraphs()`); `matches` are offsets of the alias hits
 * within that paragraph. The text itself is not repeated: the source carries it.
 */
export interface Excerpt {
  source: string;
  paragraph: number;
  matches: [number, number][];
}

export interface Story {
  id: string;
  title: Localized;
  intro: Localized;
  sources: Source[];
  places: Place[];
  steps: Step[];
  excerpts: Record<string, Excerpt[]>;
  calculations: Partial<Record<CalculationId, FlightEstimate>>;
}
