import { describe, expect, it } from 'vitest';
import { distance } from '@turf/distance';
import { loadPlaces } from './places';

/** Reference positions [lon, lat] of the places, independent of the data file. */
const EXPECTED: Record<string, [number, number]> = {
  pyongyang: [125.7547, 39.0194],
  singapore: [103.8249, 1.2494],
  hanoi: [105.8542, 21.0285],
  'sofitel-metropole': [105.8563, 21.0255],
  panmunjom: [126.6772, 37.9558],
  // Joint Base Andrews, where Air Force One lands (the end of the arc home).
  andrews: [-76.8669, 38.8108],
  // The railway stations of Kim's train as media reported them (February 2019), to within about a kilometre.
  sinuiju: [124.4013, 40.0982],
  dandong: [124.3893, 40.1196],
  shenyang: [123.3954, 41.7943],
  tianjin: [117.2106, 39.1365],
  shijiazhuang: [114.4819, 38.0108],
  wuhan: [114.3166, 30.5285],
  changsha: [113.0122, 28.1945],
  hengyang: [112.624, 26.8893],
  nanning: [108.312, 22.8275],
  pingxiang: [106.754, 22.099],
  'dong-dang': [106.703, 21.956],
};
const STATIONS = ['sinuiju', 'dandong', 'shenyang', 'tianjin', 'shijiazhuang', 'wuhan', 'changsha', 'hengyang', 'nanning', 'pingxiang', 'dong-dang'];

describe('places.geojson', () => {
  const places = loadPlaces();

  it('holds exactly the places of the shared gazetteer, each once', () => {
    const ids = places.features.map((f) => f.properties.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('marks the railway stations as stations (shown with their route) and nothing else', () => {
    const stations = places.features.filter((f) => f.properties.kind === 'station').map((f) => f.properties.id);
    expect(stations.sort()).toEqual([...STATIONS].sort());
  });

  it.each(places.features.map((f) => [f.properties.id, f] as const))('%s is a complete point feature', (id, f) => {
    expect(f.type).toBe('Feature');
    expect(f.geometry.type).toBe('Point');
    const [lon = NaN, lat = NaN] = f.geometry.coordinates;
    // Catches swapped lon/lat and typos: within 1 km of the reference position.
    expect(distance([lon, lat], EXPECTED[id] ?? [0, 0], { units: 'kilometers' })).toBeLessThan(1);
    // Four decimals (~10 m) is all the accuracy we claim.
    for (const v of [lon, lat]) expect(Math.round(v * 1e4) / 1e4).toBe(v);
    const p = f.properties;
    expect(p.name.nl.length).toBeGreaterThan(0);
    expect(p.name.en.length).toBeGreaterThan(0);
    expect(['city', 'venue', 'landmark', 'station']).toContain(p.kind);
    expect(p.aliases.length).toBeGreaterThan(0);
    for (const alias of p.aliases) expect(alias.trim()).toBe(alias);
    expect(p.provenance.length).toBeGreaterThan(20);
  });

  it('says the Singapore venue comes from public record, not from the sources', () => {
    const singapore = places.features.find((f) => f.properties.id === 'singapore');
    expect(singapore?.properties.provenance).toMatch(/public record/);
    expect(singapore?.properties.provenance).toMatch(/not stated in the story's sources/);
  });
});
