import { describe, expect, it } from 'vitest';
import type { LngLat, MapFeature, Step } from '../story/model';
import { fitCamera, framedPosition, framings, isClear, roundCamera, stepPoints } from './camera';

const hanoi: LngLat = [105.8542, 21.0285];
const pyongyang: LngLat = [125.7547, 39.0194];
const [desktop, phone] = framings(100) as [ReturnType<typeof framings>[0], ReturnType<typeof framings>[0]];

describe('roundCamera', () => {
  it('keeps 4 decimals of the centre, 2 of the zoom, 1 of bearing and pitch, all in range', () => {
    expect(roundCamera({ center: [105.856123, 21.02749], zoom: 12.3456, bearing: -0.04, pitch: 12.345 })).toEqual({ center: [105.8561, 21.0275], zoom: 12.35, bearing: 0, pitch: 12.3 });
    expect(roundCamera({ center: [-190, 89], zoom: 30, bearing: 190, pitch: 90 })).toEqual({ center: [170, 85], zoom: 22, bearing: -170, pitch: 85 });
    expect(Object.is(roundCamera({ center: [-0.00001, 0], zoom: 1, bearing: 0, pitch: 0 }).center[0], 0)).toBe(true);
  });
});

describe('framings', () => {
  it('are a desktop with the text beside the map and a phone with the text over its lower part', () => {
    expect(desktop.map).toEqual({ x: 537.6, y: 0, width: 742.4, height: 800 });
    expect(desktop.text.x + desktop.text.width).toBe(desktop.map.x);
    expect(phone.map).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    expect(phone.text.y).toBeGreaterThan(phone.map.height / 2);
    // The clear part of each map holds its centre, so fitting is monotonic in the zoom.
    for (const f of [desktop, phone]) {
      expect(f.clear.top).toBeLessThan(f.map.height / 2);
      expect(f.map.height - f.clear.bottom).toBeGreaterThan(f.map.height / 2);
    }
  });
});

describe('fitCamera', () => {
  it('shows every point in the clear part of both framings, as close as it can', () => {
    const camera = fitCamera([hanoi, pyongyang], [desktop, phone])!;
    for (const f of [desktop, phone]) for (const p of [hanoi, pyongyang]) expect(isClear(p, camera, f), `${f.id} ${p.join()}`).toBe(true);
    // A tenth of a zoom level closer and one of them leaves the clear part of one framing.
    const closer = { ...camera, zoom: camera.zoom + 0.1 };
    expect([desktop, phone].some((f) => [hanoi, pyongyang].some((p) => !isClear(p, closer, f)))).toBe(true);
  });

  it('puts the points in the upper half on a phone, where its text leaves the map clear', () => {
    const camera = fitCamera([hanoi, pyongyang], [desktop, phone])!;
    for (const p of [hanoi, pyongyang]) expect(framedPosition(p, camera, phone)[1]).toBeLessThan(phone.map.height * 0.55);
    // Fitted for the desktop alone, the centre would be between the two cities and Hanoi under the phone's text.
    const desktopOnly = fitCamera([hanoi, pyongyang], [desktop])!;
    expect(isClear(hanoi, desktopOnly, phone)).toBe(false);
  });

  it('zooms to the limit for a single place and is undefined without points', () => {
    const one = fitCamera([hanoi], [desktop, phone])!;
    expect(one).toMatchObject({ center: [hanoi[0], expect.any(Number)], zoom: 13, bearing: 0, pitch: 0 });
    // Below the place: on a phone the place is in the clear upper part, above the map's centre.
    expect(one.center[1]).toBeLessThan(hanoi[1]);
    for (const f of [desktop, phone]) expect(isClear(hanoi, one, f)).toBe(true);
    expect(fitCamera([], [desktop, phone])).toBeUndefined();
  });
});

describe('stepPoints', () => {
  const route: MapFeature = {
    id: 'train',
    kind: 'route',
    label: { en: 'Train' },
    provenance: { en: '' },
    stops: [
      { place: 'a', mode: 'rail', inferred: false, progress: 0 },
      { place: 'b', mode: 'rail', inferred: false, progress: 0.5 },
      { place: 'c', mode: 'rail', inferred: false, progress: 1 },
    ],
    coordinates: [
      [0, 0],
      [10, 10],
      [20, 20],
    ],
    lengthKm: 1,
  };
  const places = [{ id: 'x', coordinates: [5, 5] as LngLat, name: { en: 'X' }, kind: 'city' as const, provenance: '' }];
  const step = (s: Partial<Step>): Step => ({ id: 's', date: '2020', title: { en: '' }, text: { en: '' }, camera: { center: [0, 0], zoom: 1, bearing: 0, pitch: 0 }, features: [], places: [], citations: [], ...s });

  it('are the step\'s places and the stops of the part of the route it draws', () => {
    expect(stepPoints({ places, features: [route] }, step({ places: ['x'], features: ['train'], route: { feature: 'train', from: 0.5, to: 1 } }))).toEqual([
      [5, 5],
      [10, 10],
      [20, 20],
    ]);
  });

  it('fall back to the features shown when the step has neither', () => {
    expect(stepPoints({ places, features: [route] }, step({ features: ['train'] }))).toHaveLength(3);
    expect(stepPoints({ places, features: [route] }, step({}))).toEqual([]);
  });
});
