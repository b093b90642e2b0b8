import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EditError, movedProvenance, movePlaceInGeoJson, setStepCamera } from './authorEdits';

const repo = join(import.meta.dirname, '../..');
const liftHome = readFileSync(join(repo, 'stories/the-lift-home/story.yaml'), 'utf8');
const flagship = readFileSync(join(repo, 'stories/trump-kim-summits/story.yaml'), 'utf8');
const gazetteer = readFileSync(join(repo, 'geo/places.geojson'), 'utf8');

/** The lines that differ between two texts of the same number of lines, as [line number, before, after]. */
function changedLines(before: string, after: string): [number, string, string][] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [[i + 1, line, b[i]!] as [number, string, string]]));
}

const cam = (lng: number, lat: number, zoom: number, bearing = 0, pitch = 0) => ({ center: [lng, lat] as [number, number], zoom, bearing, pitch });

describe('setStepCamera', () => {
  it('changes only the numbers of the camera line; every other byte stays', () => {
    const out = setStepCamera(liftHome, 'hanoi-walkout', cam(105.85612345, 21.0299, 12.256));
    expect(changedLines(liftHome, out)).toEqual([
      [115, '    camera: { center: [105.8553, 21.0271], zoom: 13.5 }', '    camera: { center: [105.8561, 21.0299], zoom: 12.26 }'],
    ]);
    // Byte for byte: the text before and after the line is the same string.
    const at = liftHome.indexOf('    camera: { center: [105.8553');
    expect(out.slice(0, at)).toBe(liftHome.slice(0, at));
    expect(out.slice(liftHome.indexOf('\n', at) + (out.length - liftHome.length))).toBe(liftHome.slice(liftHome.indexOf('\n', at)));
  });

  it('frames every step of the flagship, each time changing its camera line alone', () => {
    const ids = (parse(flagship) as { steps: { id: string }[] }).steps.map((s) => s.id);
    expect(ids.length).toBeGreaterThan(10);
    ids.forEach((id, i) => {
      const out = setStepCamera(flagship, id, cam(100 + i / 7, 20 + i / 9, 4 + i / 3));
      const changed = changedLines(flagship, out);
      expect(changed, id).toHaveLength(1);
      expect(changed[0]![1]).toMatch(/^\s+camera: \{ center: \[/);
      expect((parse(out) as { steps: { camera: unknown }[] }).steps[i]!.camera).toMatchObject({ center: [Number((100 + i / 7).toFixed(4)), Number((20 + i / 9).toFixed(4))] });
    });
  });

  it('leaves a number that keeps its value as written (13.50 stays 13.50)', () => {
    const text = 'steps:\n  - id: a\n    camera: { center: [1.50, 2], zoom: 13.50 } # framed by eye\n';
    expect(setStepCamera(text, 'a', cam(1.5, 3, 13.5))).toBe('steps:\n  - id: a\n    camera: { center: [1.50, 3], zoom: 13.50 } # framed by eye\n');
  });

  it('adds bearing and pitch inside the braces only when they are not 0, and sets them when present', () => {
    const text = 'steps:\n  - id: a\n    camera: { center: [1, 2], zoom: 3 }\n  - id: b\n    camera: { center: [1, 2], zoom: 3, bearing: 20, pitch: 10 }\n';
    expect(setStepCamera(text, 'a', cam(1, 2, 3, 30, 0))).toBe(text.replace('zoom: 3 }', 'zoom: 3, bearing: 30 }'));
    expect(setStepCamera(text, 'b', cam(1, 2, 3, 0, 0))).toBe(text.replace('bearing: 20, pitch: 10', 'bearing: 0, pitch: 0'));
  });

  it('edits a block camera in place, keeping its comments, and adds a missing key as a line of its own', () => {
    const text = ['steps:', '  - id: a', '    camera:', '      # centred on the station', '      center:', '        - 1.0  # east', '        - 2.0', '      zoom: 3 # close', '    places: [x]', ''].join('\n');
    const out = setStepCamera(text, 'a', cam(5, 6, 7, 0, 40));
    expect(out).toBe(['steps:', '  - id: a', '    camera:', '      # centred on the station', '      center:', '        - 5  # east', '        - 6', '      zoom: 7 # close', '      pitch: 40', '    places: [x]', ''].join('\n'));
  });

  it('gives a step without a camera one line, above the places and their comment', () => {
    const text = ['steps:', '  - id: a', '    title: { en: A }', '', '    # the places of the step', '    places: [x]', '    citations: []', ''].join('\n');
    expect(setStepCamera(text, 'a', cam(5, 6, 7))).toBe(
      ['steps:', '  - id: a', '    title: { en: A }', '', '    camera: { center: [5, 6], zoom: 7 }', '    # the places of the step', '    places: [x]', '    citations: []', ''].join('\n'),
    );
    // Without any of the keys it goes before: after the last one, even a block scalar.
    const last = ['steps:', '  - id: a', '    text: |-', '      Line one.', '      Line two.', '  - id: b', ''].join('\n');
    expect(setStepCamera(last, 'a', cam(5, 6, 7))).toBe(['steps:', '  - id: a', '    text: |-', '      Line one.', '      Line two.', '    camera: { center: [5, 6], zoom: 7 }', '  - id: b', ''].join('\n'));
  });

  it('replaces a camera that is not a mapping, and keeps CRLF line ends', () => {
    expect(setStepCamera('steps:\n  - id: a\n    camera:\n    places: []\n', 'a', cam(1, 2, 3))).toBe('steps:\n  - id: a\n    camera: { center: [1, 2], zoom: 3 }\n    places: []\n');
    const crlf = 'steps:\r\n  - id: a\r\n    camera:\r\n      center: [1, 2]\r\n      zoom: 3\r\n';
    expect(setStepCamera(crlf, 'a', cam(1, 2, 3, 45))).toBe('steps:\r\n  - id: a\r\n    camera:\r\n      center: [1, 2]\r\n      zoom: 3\r\n      bearing: 45\r\n');
  });

  it('rounds: centre to 4 decimals, zoom to 2, and wraps the longitude', () => {
    const out = setStepCamera('steps:\n  - id: a\n    camera: { center: [0, 0], zoom: 1 }\n', 'a', cam(190.123456, -0.000001, 3.14159));
    expect(out).toBe('steps:\n  - id: a\n    camera: { center: [-169.8765, 0], zoom: 3.14 }\n');
  });

  it('refuses a step that is not there and a file that does not parse', () => {
    expect(() => setStepCamera(liftHome, 'no-such-step', cam(1, 2, 3))).toThrow(EditError);
    expect(() => setStepCamera('steps:\n  - id: a\n    title: "open\n', 'a', cam(1, 2, 3))).toThrow(/does not parse/);
  });
});

describe('movePlaceInGeoJson', () => {
  it('changes the coordinate and the provenance of that place and nothing else', () => {
    const out = movePlaceInGeoJson(gazetteer, 'hanoi', [105.8512345, 21.0312345], '2026-12-02')!;
    const changed = changedLines(gazetteer, out);
    expect(changed.map(([, , after]) => after.trim())).toEqual([
      '"coordinates": [105.85123, 21.03123]',
      expect.stringMatching(/^"provenance": "Moved by hand in author mode on 2026-12-02; review it\. Before: City centre \(Hoan Kiem Lake\)/),
    ]);
    const place = (JSON.parse(out) as { features: { properties: { id: string; provenance: string } }[] }).features.find((f) => f.properties.id === 'hanoi')!;
    expect(place.properties.provenance).toContain('Moved by hand');
  });

  it('is undefined for a place the file does not have', () => {
    expect(movePlaceInGeoJson(gazetteer, 'atlantis', [0, 0], '2026-12-02')).toBeUndefined();
  });

  it('keeps the original provenance once, however often a place is moved', () => {
    const twice = movedProvenance(movedProvenance('From the atlas.', '2026-01-01'), '2026-02-02');
    expect(twice).toBe('Moved by hand in author mode on 2026-02-02; review it. Before: From the atlas.');
  });

  it('escapes a provenance as JSON', () => {
    const text = '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"id":"x","provenance":"a \\"quoted\\" note"}}]}';
    const out = movePlaceInGeoJson(text, 'x', [3, 4], '2026-12-02')!;
    expect(JSON.parse(out).features[0].properties.provenance).toBe('Moved by hand in author mode on 2026-12-02; review it. Before: a "quoted" note');
  });
});
