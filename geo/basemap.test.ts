import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryObject } from 'topojson-specification';
import { feature, mesh } from 'topojson-client';
import { BASEMAP_FILE, buildBasemap, loadSource, serializeBasemap, type Basemap, type CountryProperties } from './basemap';
import { distanceToOutlineKm, pointInGeometry, ringBBox } from './geometry';
import { loadPlaces, placeCoord } from './places';

const text = readFileSync(BASEMAP_FILE, 'utf8');
const topology = JSON.parse(text) as Basemap;
const countries = topology.objects.countries;
const decoded = feature(topology, countries);

function country(id: string): Polygon | MultiPolygon {
  const found = decoded.features.find((f) => f.id === id)?.geometry;
  if (found?.type !== 'Polygon' && found?.type !== 'MultiPolygon') throw new Error(`country ${id} missing`);
  return found;
}

const between = (x: string, y: string) => (a: GeometryObject, b: GeometryObject) =>
  (a.id === x && b.id === y) || (a.id === y && b.id === x);

function lineBBox(lines: MultiLineString) {
  return ringBBox(lines.coordinates.flat());
}

describe('basemap.topo.json', () => {
  it('is deterministic and up to date with the script (run `npm run geo`)', () => {
    expect(serializeBasemap(buildBasemap(loadSource()))).toBe(text);
  }, 60_000);

  it('fits the size budget (≤ 45 KB gzip)', () => {
    expect(gzipSync(text, { level: 9 }).length).toBeLessThanOrEqual(45 * 1024);
  });

  it('is a quantised topology with a single countries object', () => {
    expect(topology.type).toBe('Topology');
    expect(topology.transform).toBeDefined();
    expect(Object.keys(topology.objects)).toEqual(['countries']);
  });

  it('contains the story countries, with id and English name', () => {
    const ids = countries.geometries.map((g) => g.id);
    for (const id of ['408', '410', '156', '704', '702', '392', '764', '418', '116', '643', '496', '158', '344', '446']) {
      expect(ids).toContain(id);
    }
    const props = (g: GeometryObject) => g.properties as CountryProperties | undefined;
    for (const g of countries.geometries) {
      expect(g.type === 'Polygon' || g.type === 'MultiPolygon').toBe(true);
      expect(props(g)?.id).toBe(g.id);
      expect(props(g)?.name.length).toBeGreaterThan(0);
    }
    const northKorea = countries.geometries.find((g) => g.id === '408');
    expect(northKorea && props(northKorea)?.name).toBe('North Korea');
  });

  it('drops countries entirely outside the story region', () => {
    const ids = countries.geometries.map((g) => g.id);
    for (const id of ['840', '036', '004', '398', '250']) expect(ids).not.toContain(id); // USA, Australia, Afghanistan, Kazakhstan, France
  });

  it('has valid rings and no edge across the antimeridian', () => {
    for (const f of decoded.features) {
      const geometry = f.geometry as Polygon | MultiPolygon;
      const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
      for (const ring of rings) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring.at(-1));
        for (const [lon = NaN] of ring) {
          expect(lon).toBeGreaterThanOrEqual(0);
          expect(lon).toBeLessThanOrEqual(180);
        }
      }
    }
  });

  it.each([
    ['pyongyang', '408'],
    ['hanoi', '704'],
    ['sofitel-metropole', '704'],
  ])('puts %s inside country %s', (place, id) => {
    expect(pointInGeometry(placeCoord(loadPlaces(), place), country(id))).toBe(true);
  });

  it('puts Singapore (Capella, Sentosa) within 5 km of Singapore', () => {
    // Natural Earth's Singapore has no Sentosa, so the venue lies just off its coast.
    const capella: Position = placeCoord(loadPlaces(), 'singapore');
    const singapore = country('702');
    expect(pointInGeometry(capella, singapore) || distanceToOutlineKm(capella, singapore) < 5).toBe(true);
  });

  it('puts the train stations on the correct side of each border', () => {
    const expected: Record<string, string> = {
      pyongyang: '408', sinuiju: '408', dandong: '156', shenyang: '156', tianjin: '156', shijiazhuang: '156',
      wuhan: '156', changsha: '156', hengyang: '156', nanning: '156', pingxiang: '156', 'dong-dang': '704', hanoi: '704',
    };
    const places = loadPlaces();
    for (const id of Object.keys(expected)) expect([id, pointInGeometry(placeCoord(places, id), country(expected[id]!))]).toEqual([id, true]);
  });

  it('yields the Military Demarcation Line as the North–South Korea mesh', () => {
    const mdl = mesh(topology, countries, between('408', '410'));
    expect(mdl.coordinates.length).toBeGreaterThan(0);
    const [minLon, minLat, maxLon, maxLat] = lineBBox(mdl);
    expect(minLon).toBeGreaterThanOrEqual(124.6);
    expect(maxLon).toBeLessThanOrEqual(128.4);
    expect(minLat).toBeGreaterThanOrEqual(37.7);
    expect(maxLat).toBeLessThanOrEqual(38.7);
    // From the Han estuary in the west to the Sea of Japan in the east.
    expect(minLon).toBeLessThan(126.8);
    expect(maxLon).toBeGreaterThan(128.3);
    // Enough vertices to look right at the DMZ zoom.
    expect(mdl.coordinates.flat().length).toBeGreaterThan(30);
  });

  it('shares border arcs, so borders and coastlines can be told apart', () => {
    const borders = mesh(topology, countries, (a, b) => a !== b);
    const coast = mesh(topology, countries, (a, b) => a === b);
    expect(borders.coordinates.length).toBeGreaterThan(0);
    expect(coast.coordinates.length).toBeGreaterThan(0);
    for (const [a, b] of [['408', '156'], ['704', '156'], ['704', '418'], ['156', '496'], ['408', '643']] as const) {
      expect(mesh(topology, countries, between(a, b)).coordinates.length).toBeGreaterThan(0);
    }
    // The DMZ is a land border, not coast: no coastline vertex lies on the MDL's interior.
    const mdl = new Set(mesh(topology, countries, between('408', '410')).coordinates.flatMap((l) => l.slice(1, -1)).map(String));
    expect(coast.coordinates.flat().filter((p) => mdl.has(String(p)))).toEqual([]);
  });
});
