import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALLOWED, licenseNotice, runtimeLicenses } from './licenses';

describe('runtime licences', () => {
  const packages = runtimeLicenses(join(import.meta.dirname, '../..'));

  it('covers what readers download: MapLibre, Solid, topojson-client and their dependencies', () => {
    const names = packages.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['maplibre-gl', 'solid-js', 'topojson-client', 'earcut']));
    expect(names).not.toContain('vite');
  });

  it('are all permissive, each with its licence text', () => {
    for (const p of packages) {
      expect(p.license, p.name).toMatch(ALLOWED);
    }
    // murmurhash-js ships no licence file; its package.json declares MIT, which the notice states.
    expect(packages.filter((p) => !p.text).map((p) => p.name)).toEqual(['murmurhash-js']);
    expect(licenseNotice(packages)).toContain('maplibre-gl@');
  });
});
