import { describe, expect, it } from 'vitest';
import type { LngLat, StepCamera } from '../story/model';
import { fitLabels, labelsThatFit, targetsThatFit, wrapLabel, type LabelCandidate } from './labelFit';
import { project, unproject } from './mercator';

const camera: StepCamera = { center: [0, 0], zoom: 6, bearing: 0, pitch: 0 };
const WIDTH = 400;
const HEIGHT = 300;

/** The coordinates `dx`, `dy` pixels from the map's centre at the camera's zoom. */
function at(dx: number, dy: number): LngLat {
  const [cx, cy] = project(camera.center, camera.zoom);
  return unproject([cx + dx, cy + dy], camera.zoom);
}

const candidate = (id: string, dx: number, dy: number, over: Partial<LabelCandidate> = {}): LabelCandidate => ({
  id,
  coordinates: at(dx, dy),
  text: 'Station',
  side: 'right',
  required: false,
  ...over,
});

const fit = (candidates: LabelCandidate[], offset = 0) => [...labelsThatFit(candidates, camera, WIDTH, HEIGHT, offset)].sort();

describe('labelsThatFit', () => {
  it('labels places whose labels have room', () => {
    expect(fit([candidate('a', -150, -100), candidate('b', 0, 0), candidate('c', -150, 100)])).toEqual(['a', 'b', 'c']);
  });

  it('leaves out a later label that would overlap an earlier one', () => {
    // 'b' sits 10 px below 'a': the two labels (18 px high) would overlap.
    expect(fit([candidate('a', 0, 0), candidate('b', 0, 10)])).toEqual(['a']);
    expect(fit([candidate('b', 0, 10), candidate('a', 0, 0)])).toEqual(['b']);
  });

  it('always labels required places, placing them before the others', () => {
    expect(fit([candidate('station', 0, 10), candidate('city', 0, 0, { required: true })])).toEqual(['city']);
    // Required even where two overlap, or where the label runs off the map.
    expect(fit([candidate('a', 0, 0, { required: true }), candidate('b', 0, 10, { required: true }), candidate('edge', 190, 0, { required: true })])).toEqual([
      'a',
      'b',
      'edge',
    ]);
  });

  it('leaves out a label that would run off the map, unless it goes on the left of its dot', () => {
    // 'Station' is about 58 px wide, 12 px right of the dot: from 150 px right of the centre it ends past the edge (200 px).
    expect(fit([candidate('east', 150, 0)])).toEqual([]);
    expect(fit([candidate('east', 150, 0, { side: 'left' })])).toEqual(['east']);
    expect(fit([candidate('west', -190, 0, { side: 'left' })])).toEqual([]);
    expect(fit([candidate('north', 0, -145)])).toEqual([]);
  });

  it('keeps every dot clear of labels, labelled or not', () => {
    // The dot of 'b' lies inside the label of 'a', which comes first in order.
    expect(fit([candidate('a', 0, 0), candidate('b', 40, 0)])).toEqual(['b']);
  });

  it('measures at the zoom the map shows: zoomed out, labels that fitted collide', () => {
    const pair = [candidate('a', 0, 0), candidate('b', 0, 40)];
    expect(fit(pair)).toEqual(['a', 'b']);
    // Two zoom levels out the places are 10 px apart.
    expect(fit(pair, -2)).toEqual(['a']);
  });
});

describe('labels near the edge', () => {
  const widths = (candidates: LabelCandidate[]) => Object.fromEntries(fitLabels(candidates, [], camera, WIDTH, HEIGHT).widths);
  const dmz = { text: 'Panmunjom (DMZ)', required: true };

  it('wraps at spaces to a width, never inside a word', () => {
    expect(wrapLabel('Panmunjom (DMZ)', 100)).toEqual(['Panmunjom', '(DMZ)']);
    expect(wrapLabel('Panmunjom (DMZ)', 200)).toEqual(['Panmunjom (DMZ)']);
    expect(wrapLabel('Hanoi', 10)).toEqual(['Hanoi']);
  });

  it('wraps a label that would run off the map to the room left on its side', () => {
    // 100 px right of the centre of a 400 px map: 100 px to the edge, less the dot, the margin and the padding.
    expect(widths([candidate('east', 100, 0, dmz)])).toEqual({ east: 78 });
    expect(widths([candidate('west', -100, 0, { ...dmz, side: 'left' })])).toEqual({ west: 78 });
    // With room enough, or running away from the edge, it stays on one line.
    expect(widths([candidate('centre', 0, 0, dmz), candidate('away', 100, 50, { ...dmz, side: 'left' })])).toEqual({});
  });

  it('labels a place whose wrapped label fits, and keeps others clear of its two lines', () => {
    expect(fit([candidate('east', 100, 0, { text: 'Panmunjom (DMZ)' })])).toEqual(['east']);
    // The second line reaches 16 px lower than one line would.
    expect(fit([candidate('east', 100, 0, dmz), candidate('below', 60, 24)])).toEqual(['east']);
    expect(fit([candidate('east', 100, 0, { ...dmz, text: 'Panmunjom' }), candidate('below', 60, 24)])).toEqual(['below', 'east']);
  });
});

describe('targetsThatFit', () => {
  const targets = (candidates: LabelCandidate[]) => [...targetsThatFit(candidates, camera)].sort();

  it('keeps a place a marker of its own only where its 24 px target is clear of those placed before', () => {
    // 30 px apart: two clear targets. 20 px apart: the later one is only a dot.
    expect(targets([candidate('a', 0, 0), candidate('b', 30, 0)])).toEqual(['a', 'b']);
    expect(targets([candidate('a', 0, 0), candidate('b', 20, 0)])).toEqual(['a']);
  });

  it('always keeps required places, before the others', () => {
    expect(targets([candidate('station', 10, 0), candidate('city', 0, 0, { required: true })])).toEqual(['city']);
    expect(targets([candidate('a', 0, 0, { required: true }), candidate('b', 5, 0, { required: true })])).toEqual(['a', 'b']);
  });
});

describe('fitLabels: country names', () => {
  const country = (id: string, dx: number, dy: number, text = 'JAPAN') => ({ id, coordinates: at(dx, dy), text });
  const areas = (places: LabelCandidate[], names: ReturnType<typeof country>[]) => [...fitLabels(places, names, camera, WIDTH, HEIGHT).areas].sort();

  it('names a country where it is clear of the places, their labels and the names before it', () => {
    expect(areas([candidate('city', -150, -100, { required: true })], [country('a', 0, 0), country('b', 0, 100)])).toEqual(['a', 'b']);
  });

  it('gives way to a place: its dot and its label', () => {
    // A city's label runs right of its dot, 12 px up to 12 px down: a name centred just below overlaps it.
    const city = candidate('city', 0, 0, { required: true });
    expect(areas([city], [country('under-label', 40, 10)])).toEqual([]);
    expect(areas([city], [country('on-dot', 0, 0)])).toEqual([]);
    expect(areas([city], [country('clear', 40, 40)])).toEqual(['clear']);
  });

  it('gives way to a name placed before it, and is never cut off at the map edge', () => {
    expect(areas([], [country('first', 0, 0, 'SOUTH KOREA'), country('second', 30, 8)])).toEqual(['first']);
    expect(areas([], [country('edge', WIDTH / 2 - 10, 0)])).toEqual([]);
  });
});
