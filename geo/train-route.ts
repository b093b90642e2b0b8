/**
 * Writes `geo/train-route.geojson`: Kim Jong-un's journey to the Hanoi summit,
 * February 2019 — by armoured train from Pyongyang through China to Dong Dang
 * on the Vietnamese border, then by car to Hanoi.
 *
 * Input: the station list below (stations as reported by news media at the
 * time; coordinates are those of the cities' railway stations, to within about
 * a kilometre) plus the Pyongyang and Hanoi coordinates from `places.geojson`,
 * so the route starts and ends exactly on the app's place markers.
 *
 * Output: one LineString (straight segments between stations — the actual
 * track is not known to us, so the line is explicitly approximate) and one
 * Point per station carrying how far along the line it lies, which the app
 * needs to draw the route progressively up to a given station.
 */
import type { Feature, FeatureCollection, LineString, Point, Position } from 'geojson';
import { distance } from '@turf/distance';
import { formatJson, geoPath, isMain, round, writeText } from './io';
import { loadPlaces, placeCoord, type LocalizedName, type PlaceCollection } from './places';

export type TravelMode = 'train' | 'car';

export type Station = {
  id: string;
  name: LocalizedName;
  coord: Position;
  /** How the leg that arrives at this station was travelled (the first station: 'train'). */
  mode: TravelMode;
};

export type RouteProperties = {
  id: 'train';
  approximate: true;
  provenance: string;
  lengthKm: number;
};

export type StationProperties = {
  id: string;
  name: LocalizedName;
  mode: TravelMode;
  /** Cumulative great-circle distance along the route, 0..1 of `lengthKm`. */
  fraction: number;
  /**
   * The same position measured in Web-Mercator length, 0..1: the app draws
   * the route up to a station by cutting the line at this share of its drawn
   * (projected) length (`src/map/routeLine.ts`), as MapLibre's `line-progress`
   * also measures; at these latitudes it differs from `fraction` by up to a
   * few percent of the route.
   */
  lineProgress: number;
};

export type TrainRoute = FeatureCollection<LineString | Point, RouteProperties | StationProperties>;

export const TRAIN_PROVENANCE =
  'Stations as reported by news media at the time (February 2019); the line is drawn as straight segments between stations, approximate and not the actual track; the Dong Dang–Hanoi leg (about 170 km by road) was travelled by car.';

const COORD_DECIMALS = 4;
const FRACTION_DECIMALS = 4;

/** Station list in travel order; `null` coordinates are taken from places.geojson. */
const STATION_LIST: ReadonlyArray<Omit<Station, 'coord'> & { coord: Position | null }> = [
  { id: 'pyongyang', name: { nl: 'Pyongyang', en: 'Pyongyang' }, coord: null, mode: 'train' },
  { id: 'sinuiju', name: { nl: 'Sinuiju', en: 'Sinuiju' }, coord: [124.4013, 40.0982], mode: 'train' },
  { id: 'dandong', name: { nl: 'Dandong', en: 'Dandong' }, coord: [124.3893, 40.1196], mode: 'train' },
  { id: 'shenyang', name: { nl: 'Shenyang', en: 'Shenyang' }, coord: [123.3954, 41.7943], mode: 'train' },
  { id: 'tianjin', name: { nl: 'Tianjin', en: 'Tianjin' }, coord: [117.2106, 39.1365], mode: 'train' },
  { id: 'shijiazhuang', name: { nl: 'Shijiazhuang', en: 'Shijiazhuang' }, coord: [114.4819, 38.0108], mode: 'train' },
  { id: 'wuhan', name: { nl: 'Wuhan', en: 'Wuhan' }, coord: [114.3166, 30.5285], mode: 'train' },
  { id: 'changsha', name: { nl: 'Changsha', en: 'Changsha' }, coord: [113.0122, 28.1945], mode: 'train' },
  { id: 'hengyang', name: { nl: 'Hengyang', en: 'Hengyang' }, coord: [112.624, 26.8893], mode: 'train' },
  { id: 'nanning', name: { nl: 'Nanning', en: 'Nanning' }, coord: [108.312, 22.8275], mode: 'train' },
  { id: 'pingxiang', name: { nl: 'Pingxiang', en: 'Pingxiang' }, coord: [106.754, 22.099], mode: 'train' },
  { id: 'dong-dang', name: { nl: 'Dong Dang', en: 'Dong Dang' }, coord: [106.703, 21.956], mode: 'train' },
  { id: 'hanoi', name: { nl: 'Hanoi', en: 'Hanoi' }, coord: null, mode: 'car' },
];

export function stations(places: PlaceCollection = loadPlaces()): Station[] {
  return STATION_LIST.map((s) => ({ ...s, coord: s.coord ?? placeCoord(places, s.id) }));
}

/** Web-Mercator y in the same unit as x = lon/360 (only ratios of lengths matter). */
function mercator([lon, lat]: Position): [number, number] {
  const phi = ((lat ?? 0) * Math.PI) / 180;
  return [(lon ?? 0) / 360, Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI)];
}

function cumulative(lengths: number[]): number[] {
  const out = [0];
  for (const len of lengths) out.push((out[out.length - 1] ?? 0) + len);
  return out;
}

function legs<T>(items: readonly T[], measure: (a: T, b: T) => number): number[] {
  return items.slice(1).map((item, i) => measure(items[i] as T, item));
}

export function buildTrainRoute(list: readonly Station[]): TrainRoute {
  if (list.length < 2) throw new Error('a route needs at least two stations');
  const coords = list.map((s) => s.coord.map((v) => round(v, COORD_DECIMALS)));

  const km = cumulative(legs(coords, (a, b) => distance(a, b, { units: 'kilometers' })));
  const projected = cumulative(
    legs(coords.map(mercator), ([ax, ay], [bx, by]) => Math.hypot(bx - ax, by - ay)),
  );
  const totalKm = km[km.length - 1] ?? 0;
  const totalProjected = projected[projected.length - 1] ?? 0;

  const line: Feature<LineString, RouteProperties> = {
    type: 'Feature',
    properties: { id: 'train', approximate: true, provenance: TRAIN_PROVENANCE, lengthKm: Math.round(totalKm) },
    geometry: { type: 'LineString', coordinates: coords },
  };
  const points = list.map(
    (s, i): Feature<Point, StationProperties> => ({
      type: 'Feature',
      properties: {
        id: s.id,
        name: s.name,
        mode: s.mode,
        fraction: round((km[i] ?? 0) / totalKm, FRACTION_DECIMALS),
        lineProgress: round((projected[i] ?? 0) / totalProjected, FRACTION_DECIMALS),
      },
      geometry: { type: 'Point', coordinates: coords[i] ?? [] },
    }),
  );
  return { type: 'FeatureCollection', features: [line, ...points] };
}

export const TRAIN_ROUTE_FILE = geoPath('train-route.geojson');

export function writeTrainRoute(): TrainRoute {
  const route = buildTrainRoute(stations());
  writeText(TRAIN_ROUTE_FILE, formatJson(route));
  return route;
}

if (isMain(import.meta.url)) {
  const route = writeTrainRoute();
  const line = route.features[0]?.properties as RouteProperties;
  console.log(`wrote ${TRAIN_ROUTE_FILE} (${line.lengthKm} km)`);
}
