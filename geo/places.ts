/**
 * Typed access to the hand-written `places.geojson`, so the derived files
 * (flights, train route) reuse exactly the same coordinates as the app's
 * place markers instead of copies that could drift apart.
 */
import type { Feature, FeatureCollection, Point, Position } from 'geojson';
import { geoPath, readJson } from './io';

export type LocalizedName = { nl: string; en: string };

export type PlaceProperties = {
  id: string;
  name: LocalizedName;
  kind: 'city' | 'venue' | 'landmark' | 'station';
  /** Which side of its dot the map label goes, where the default (right) would cover a neighbour. */
  labelSide?: 'left' | 'right';
  aliases: string[];
  provenance: string;
};

export type PlaceCollection = FeatureCollection<Point, PlaceProperties>;

export const PLACES_FILE = geoPath('places.geojson');

export function loadPlaces(path: string = PLACES_FILE): PlaceCollection {
  return readJson(path) as PlaceCollection;
}

export function placeCoord(places: PlaceCollection, id: string): Position {
  const place: Feature<Point, PlaceProperties> | undefined = places.features.find(
    (f) => f.properties.id === id,
  );
  if (!place) throw new Error(`place "${id}" not found in places.geojson`);
  return place.geometry.coordinates;
}
