import type { LngLat, PlaceKind } from '../story/model';

/** What a venue check needs of a place. */
export interface VenuePlace {
  kind: PlaceKind;
  coordinates: LngLat;
}

/** A venue inside a city (the summit hotel in Hanoi) would cover the city's marker below this zoom. */
export const VENUE_MIN_ZOOM = 10;
const NESTED_KM = 5;

/** Rough distance in km; only used to tell whether a venue lies inside a city. */
function roughKm(a: LngLat, b: LngLat): number {
  const kmPerDegree = 111.32;
  const dx = (a[0] - b[0]) * Math.cos(((a[1] + b[1]) / 2) * (Math.PI / 180));
  return Math.hypot(dx, a[1] - b[1]) * kmPerDegree;
}

export function isNestedVenue(place: VenuePlace, all: readonly VenuePlace[]): boolean {
  return (
    place.kind === 'venue' &&
    all.some((other) => other !== place && other.kind !== 'venue' && roughKm(place.coordinates, other.coordinates) < NESTED_KM)
  );
}

