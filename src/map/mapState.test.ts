import { describe, expect, it } from 'vitest';
import type { Step } from '../story/model';
import { mapStateFor, progressOf, routeProgressAt, sameMapState, zoomOffset } from './mapState';

const step: Step = {
  id: 'train',
  date: '2019-02',
  title: { nl: 't', en: 't' },
  text: { nl: 't', en: 't' },
  camera: { center: [115, 30], zoom: 4, bearing: 0, pitch: 0 },
  features: ['train-route', 'ghost-flight'],
  route: { feature: 'train-route', from: 0.2, to: 0.6 },
  places: ['hanoi'],
  citations: [{ source: 's', quote: 'q' }],
};

describe('mapStateFor', () => {
  it('is the complete state of the step', () => {
    expect(mapStateFor(step, 1)).toEqual({
      stepId: 'train',
      camera: step.camera,
      features: ['train-route', 'ghost-flight'],
      routeProgress: { 'train-route': 0.6 },
      highlighted: ['hanoi'],
    });
  });

  it("draws the step's route up to its progress and every other route whole", () => {
    const state = mapStateFor(step, 0.25);
    expect(progressOf(state, 'train-route')).toBeCloseTo(0.4);
    expect(progressOf(state, 'train-home')).toBe(1);
    const { route: _route, ...withoutRoute } = step;
    expect(mapStateFor(withoutRoute, 0).routeProgress).toEqual({});
  });

  it('draws the route leg as the reader moves through the step, complete at its middle', () => {
    expect(routeProgressAt(step, 0)).toBeCloseTo(0.2);
    expect(routeProgressAt(step, 0.25)).toBeCloseTo(0.4);
    expect(routeProgressAt(step, 0.5)).toBeCloseTo(0.6);
    expect(routeProgressAt(step, 0.9)).toBeCloseTo(0.6);
    expect(routeProgressAt(step, 0.1)).toBeLessThan(routeProgressAt(step, 0.2));
  });

  it('draws nothing of the leg before the step is reached, and eases in and out', () => {
    expect(routeProgressAt(step, -0.5)).toBeCloseTo(0.2);
    // Smoothstep: slow at both ends of the leg, a tenth of it drawn a fifth of the way to the middle.
    expect(routeProgressAt(step, 0.1)).toBeCloseTo(0.2 + 0.4 * 0.104);
    expect(routeProgressAt(step, 0.4)).toBeCloseTo(0.2 + 0.4 * 0.896);
  });

  it('shows the whole route on steps without a route leg', () => {
    const { route: _route, ...rest } = step;
    expect(routeProgressAt(rest, 0)).toBe(1);
  });
});

describe('sameMapState', () => {
  const { route: _route, ...noRoute } = step;
  it('holds while scrolling through a step without a route, and not across steps', () => {
    expect(sameMapState(mapStateFor(noRoute, 0), mapStateFor(noRoute, 0.7))).toBe(true);
    expect(sameMapState(mapStateFor(noRoute, 0), mapStateFor({ ...noRoute, id: 'other' }, 0))).toBe(false);
    expect(sameMapState(mapStateFor(noRoute, 0), mapStateFor({ ...noRoute, camera: { ...noRoute.camera } }, 0))).toBe(false);
  });
  it('changes with the progress of the route the step draws', () => {
    expect(sameMapState(mapStateFor(step, 0.1), mapStateFor(step, 0.1))).toBe(true);
    expect(sameMapState(mapStateFor(step, 0.1), mapStateFor(step, 0.3))).toBe(false);
    expect(sameMapState(mapStateFor(step, 0.1), mapStateFor(noRoute, 0.1))).toBe(false);
    expect(sameMapState(mapStateFor(noRoute, 0.1), mapStateFor(step, 0.1))).toBe(false);
  });
});

describe('zoomOffset', () => {
  it('keeps the framing at the reference size and zooms out one level at half the width', () => {
    expect(zoomOffset(720, 600)).toBe(0);
    expect(zoomOffset(360, 600)).toBeCloseTo(-1);
    expect(zoomOffset(720, 300)).toBeCloseTo(-1);
  });
  it('is clamped for extreme sizes', () => {
    expect(zoomOffset(50, 50)).toBe(-1.5);
    expect(zoomOffset(4000, 4000)).toBe(0.5);
    expect(zoomOffset(0, 600)).toBe(0);
    expect(zoomOffset(720, 0)).toBe(0);
    expect(zoomOffset(-720, -600)).toBe(0);
  });
});
