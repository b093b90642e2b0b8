import { describe, expect, it } from 'vitest';
import { lineUpTo, routeUpTo } from './routeLine';
import { project } from './mercator';

describe('lineUpTo', () => {
  it('cuts a line at a fraction of its drawn length', () => {
    const cut = lineUpTo([[0, 0], [10, 0], [20, 0]], 0.75);
    expect(cut.slice(0, 2)).toEqual([[0, 0], [10, 0]]);
    expect(cut[2]![0]).toBeCloseTo(15, 9);
    expect(cut[2]![1]).toBeCloseTo(0, 9);
  });

  it('keeps the whole line at 1 and only its start at 0', () => {
    expect(lineUpTo([[0, 0], [10, 0]], 1)).toEqual([[0, 0], [10, 0]]);
    expect(lineUpTo([[0, 0], [10, 0]], 0)).toEqual([[0, 0]]);
  });

  it('measures and cuts in Web Mercator, so the cut lies on the straight segment the map draws', () => {
    // Northward from the equator to 60°N: Mercator stretches the north, so half the drawn length is above 30°N.
    const [, [lon, lat]] = lineUpTo([[0, 0], [0, 60]], 0.5) as [number[], number[]];
    expect(lon).toBeCloseTo(0, 9);
    expect(lat).toBeGreaterThan(35);
    const [, y0] = project([0, 0], 0);
    const [, y1] = project([0, 60], 0);
    expect(project([lon!, lat!], 0)[1]).toBeCloseTo((y0 + y1) / 2, 6);
  });
});

describe('routeUpTo', () => {
  it('is one LineString up to the fraction, and empty before the route has begun', () => {
    expect(routeUpTo([[0, 0], [10, 0]], 0).features).toEqual([]);
    const half = routeUpTo([[0, 0], [10, 0]], 0.5);
    expect(half.features).toHaveLength(1);
    expect(half.features[0]!.geometry.coordinates).toHaveLength(2);
  });
});
