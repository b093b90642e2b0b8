import type { Topology } from 'topojson-specification';

/**
 * The basemap in its own file (about 31 KB gzip), fetched in parallel with
 * the map code and cached apart from it: the data changes less often.
 */
export async function loadBasemap(): Promise<Topology> {
  const mod = await import('../../geo/basemap.topo.json');
  return mod.default as unknown as Topology;
}
