import type { Topology } from 'topojson-specification';
import type { FeatureCollection, Point } from 'geojson';
import type { Localized } from '../story/model';
import { decodeBasemap, type BasemapData } from './basemap';

/** The map every story draws on, decoded and ready for a style or an SVG; the story brings its own features. */
export interface MapData {
  basemap: BasemapData;
  countryLabels: FeatureCollection<Point, { name: Localized }>;
}

/**
 * Load the geo data in its own chunks, in parallel with the map code and
 * apart from it, once: the live map, the fallback drawing and print use it.
 */
let loading: Promise<MapData> | undefined;
let loaded: MapData | undefined;

/** The map data if it has finished loading (print needs it synchronously). */
export const loadedMapData = (): MapData | undefined => loaded;

export function loadMapData(): Promise<MapData> {
  loading ??= fetchMapData().then((data) => (loaded = data));
  return loading;
}

async function fetchMapData(): Promise<MapData> {
  const [topology, labels] = await Promise.all([import('../../geo/basemap.topo.json'), import('../../geo/country-labels.geojson?raw')]);
  return {
    basemap: decodeBasemap(topology.default as unknown as Topology),
    countryLabels: JSON.parse(labels.default) as MapData['countryLabels'],
  };
}
