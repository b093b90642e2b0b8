import type { Localized, LngLat, MapFeature, PlaceKind } from '../story/model';
import type { MapState } from './mapState';

export interface MarkerPlace {
  id: string;
  name: Localized;
  kind: PlaceKind;
  coordinates: LngLat;
  labelSide?: 'left' | 'right';
}

/** The places a map state shows: every place but stations, and the stations of the routes shown or highlighted. */
export function shownPlaces(places: readonly MarkerPlace[], features: readonly MapFeature[], state: Pick<MapState, 'features' | 'highlighted'>): Set<string> {
  const stops = new Set(features.flatMap((f) => (f.kind === 'route' && state.features.includes(f.id) ? f.stops.map((s) => s.place) : [])));
  return new Set(places.filter((p) => p.kind !== 'station' || stops.has(p.id) || state.highlighted.includes(p.id)).map((p) => p.id));
}
