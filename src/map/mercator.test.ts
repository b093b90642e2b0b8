import { describe, expect, it } from 'vitest';
import { project, unproject } from './mercator';

describe('project', () => {
  it('is Web Mercator on a 512 px world, as MapLibre draws it', () => {
    expect(project([0, 0], 0)).toEqual([256, 256]);
    expect(project([180, 0], 1)[0]).toBeCloseTo(1024);
    expect(project([0, 85.05], 0)[1]).toBeCloseTo(0, 0);
  });
});

describe('unproject', () => {
  it('inverts project, here for Pyongyang and Hanoi at two zooms', () => {
    for (const p of [[125.75, 39.03], [105.85, 21.03]] as [number, number][]) {
      for (const zoom of [0, 9]) {
        const [lon, lat] = unproject(project(p, zoom), zoom);
        expect(lon).toBeCloseTo(p[0], 9);
        expect(lat).toBeCloseTo(p[1], 9);
      }
    }
  });
});
