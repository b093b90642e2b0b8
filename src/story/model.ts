/**
 * The checked story the browser receives. Every value here has passed
 * `parseStory`: ids resolve, quotes occur verbatim in their sources, the
 * geometry of every map feature is computed.
 */

/** A BCP 47 language tag the story declares (`languages:`), e.g. `nl` or `en-GB`. */
export type Lang = string;
/** Text in every language the story declares. */
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

export const PLACE_KINDS = ['city', 'venue', 'landmark', 'station'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export interface Place {
  id: string;
  name: Localized;
  kind: PlaceKind;
  coordinates: LngLat;
  /** Where the coordinate comes from (for data desks; English). */
  provenance: string;
  /** What the reader is told about the place besides the sources' excerpts: context, not from the sources. */
  note?: Localized;
  /** Side of the dot for the map label; right unless a neighbour needs the space. */
  labelSide?: 'left' | 'right';
}

/** How a route's segment was travelled; each is drawn distinctly. */
export const TRAVEL_MODES = ['rail', 'road', 'sea', 'air'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];

export const ARC_STATUSES = ['flown', 'offered'] as const;
export type ArcStatus = (typeof ARC_STATUSES)[number];

export const FEATURE_KINDS = ['route', 'arc', 'line', 'area'] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];

interface FeatureBase {
  id: string;
  /** The legend's words for it. */
  label: Localized;
  /** Where it comes from, generated from the data (plus the author's note), shown under the legend. */
  provenance: Localized;
}

export interface RouteStop {
  place: string;
  /** How the segment arriving here was travelled (the first stop: the route's mode). */
  mode: TravelMode;
  /** Not reported but inferred (e.g. a border station on the line between two reported ones). */
  inferred: boolean;
  /** Position along the line as drawn on a Web-Mercator map, 0..1: where a step's progress stops. */
  progress: number;
}

/** A line through named stops, drawn progressively by steps. */
export interface RouteFeature extends FeatureBase {
  kind: 'route';
  stops: RouteStop[];
  /** The stops' coordinates: straight segments, not the actual track. */
  coordinates: LngLat[];
  lengthKm: number;
}

/** A great-circle line between two places. */
export interface ArcFeature extends FeatureBase {
  kind: 'arc';
  from: string;
  to: string;
  status: ArcStatus;
  coordinates: LngLat[];
  distanceKm: number;
  /** Set when only the first `shownKm` of the arc are drawn. */
  shownKm?: number;
}

export interface LineFeature extends FeatureBase {
  kind: 'line';
  coordinates: LngLat[][];
}

/** A highlighted region: a basemap country by its ISO 3166 numeric code, or a polygon. */
export interface AreaFeature extends FeatureBase {
  kind: 'area';
  country?: string;
  /** MultiPolygon coordinates when the area is a shape, not a basemap country. */
  coordinates?: LngLat[][][];
}

export type MapFeature = RouteFeature | ArcFeature | LineFeature | AreaFeature;

export interface Citation {
  source: string;
  quote: string;
  /** The quote in each story language other than the source's, written by the editors. */
  translation?: Localized;
}

/** Part of a route drawn during a step: fractions of its drawn length, 0..1. */
export interface RouteProgress {
  feature: string;
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
  /** Ids of the story's features this step shows. */
  features: string[];
  route?: RouteProgress;
  places: string[];
  citations: Citation[];
  calculation?: string;
}

/** A figure computed at build time, shown as "our calculation" with its assumption. */
export interface Calculation {
  id: string;
  /** `distance`: great circle between two places; `route-length`: along a route's straight segments. */
  kind: 'distance' | 'route-length';
  /** The places the distance runs between (a route's first and last stop). */
  from: { id: string; name: Localized };
  to: { id: string; name: Localized };
  distanceKm: number;
  speedKmh?: number;
  /** distance ÷ speed, when a speed is given. */
  minutes?: number;
  /** Why that speed: the assumption, in every story language. */
  assumption?: Localized;
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
  /** The story's languages; the first is the default. */
  languages: Lang[];
  title: Localized;
  intro: Localized;
  sources: Source[];
  /** Every place the story shows: the steps' places and the features' stops and ends. */
  places: Place[];
  features: MapFeature[];
  steps: Step[];
  excerpts: Record<string, Excerpt[]>;
  calculations: Record<string, Calculation>;
  /** Basemap countries (ISO 3166 numeric) the story's places lie in, drawn a shade lighter. */
  focusCountries: string[];
}
