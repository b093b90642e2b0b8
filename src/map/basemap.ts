import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, MultiLineString, Geometry } from 'geojson';

export interface BasemapData {
  countries: FeatureCollection<Geometry, { id: string; name: string }>;
  borders: FeatureCollection<MultiLineString>;
  coastline: FeatureCollection<MultiLineString>;
  /** The Military Demarcation Line: the shared arcs of North (408) and South Korea (410). */
  demarcation: FeatureCollection<MultiLineString>;
}

type CountryProps = { name: string };

const NORTH_KOREA = '408';
const SOUTH_KOREA = '410';

const asCollection = (g: MultiLineString): FeatureCollection<MultiLineString> => ({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: {}, geometry: g }],
});

/** Decode the TopoJSON basemap (`geo/basemap.topo.json`) into the GeoJSON layers the style draws. */
export function decodeBasemap(topology: Topology): BasemapData {
  const object = topology.objects.countries as GeometryCollection<CountryProps>;
  const decoded = feature(topology, object);
  const countries: BasemapData['countries'] = {
    type: 'FeatureCollection',
    features: decoded.features.map((f) => ({
      type: 'Feature',
      properties: { id: String(f.id ?? ''), name: f.properties?.name ?? '' },
      geometry: f.geometry,
    })),
  };
  const isKorea = (g: { id?: string | number }, id: string) => String(g.id) === id;
  return {
    countries,
    borders: asCollection(mesh(topology, object, (a, b) => a !== b)),
    coastline: asCollection(mesh(topology, object, (a, b) => a === b)),
    demarcation: asCollection(
      mesh(
        topology,
        object,
        (a, b) =>
          (isKorea(a, NORTH_KOREA) && isKorea(b, SOUTH_KOREA)) || (isKorea(a, SOUTH_KOREA) && isKorea(b, NORTH_KOREA)),
      ),
    ),
  };
}
