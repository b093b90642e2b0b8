import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Feature, Geometry } from 'geojson';
import { exportStory, storyGeography } from './exportStory';
import type { Story } from './model';
import { checkStoryFile, discoverStories, loadStoryFolder } from '../build/loadStory';
import { fixtureRefs } from './fixtures/refs';

const root = join(import.meta.dirname, '../..');
const fixtures = join(import.meta.dirname, 'fixtures');
const fixture = (name: string): Story => checkStoryFile(join(fixtures, name), readFileSync(join(fixtures, name), 'utf8'), fixtureRefs, fixtures);

type Props = Record<string, unknown>;
const byId = (story: Story) => new Map(storyGeography(story).features.map((f) => [(f.properties as Props).id as string, f as Feature<Geometry | null, Props>]));

describe('the export', () => {
  // Each story is loaded inside its tests, where mutation testing sees which test ran which code.
  const published = discoverStories(root);
  const storyOf = (folder: (typeof published)[number]) => loadStoryFolder(root, folder).story;

  it.each(published)('of $id has the public shape other tools rely on', (folder) => {
    const { dir } = folder;
    const story = storyOf(folder);
    const out = exportStory(story);
    expect(Object.keys(out)).toEqual(['id', 'languages', 'title', 'sources', 'places', 'steps', 'calculations', 'geography']);
    expect(out.languages).toEqual(story.languages);
    expect(Object.keys(out.sources[0]!)).toEqual(['id', 'date', 'language', 'label', 'text']);
    expect(Object.keys(out.places[0]!)).toEqual(['id', 'name', 'coordinates']);
    expect(Object.keys(out.steps[0]!)).toEqual(['id', 'date', 'title', 'text', 'camera', 'features', 'places', 'citations']);
    expect(Object.keys(out.steps[0]!.camera)).toEqual(['center', 'zoom', 'bearing', 'pitch']);
    expect(Object.keys(out.steps[0]!.citations[0]!)).toEqual(['source', 'quote']);
    expect(out.calculations.map((c) => c.id).sort()).toEqual(Object.keys(story.calculations).sort());
    // The sources are exported verbatim: the article file is the date line plus this text.
    for (const [i, source] of story.sources.entries()) {
      const file = readFileSync(join(dir, source.file), 'utf8');
      expect(file.endsWith(out.sources[i]!.text), source.id).toBe(true);
    }
    // Plain data: what is written to dist/stories/<id>.json reads back the same.
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });

  it.each(published)('of $id carries its geography: a feature per place and per map feature, with ids, kinds and provenance', (folder) => {
    const story = storyOf(folder);
    const geography = exportStory(story).geography;
    expect(geography.type).toBe('FeatureCollection');
    for (const f of geography.features) expect(f.type).toBe('Feature');
    const ids = geography.features.map((f) => (f.properties as Props).id);
    expect(ids).toEqual([...story.places.map((p) => p.id), ...story.features.map((f) => f.id)]);
    for (const f of geography.features) {
      const p = f.properties as Props;
      expect(typeof p.kind, String(p.id)).toBe('string');
      expect(p.provenance, String(p.id)).toBeTruthy();
    }
    for (const place of story.places) {
      const f = byId(story).get(place.id)!;
      expect(f.properties).toMatchObject({ id: place.id, kind: 'place', placeKind: place.kind, name: place.name, provenance: place.provenance });
      expect(f.geometry).toEqual({ type: 'Point', coordinates: place.coordinates });
    }
    for (const feature of story.features) {
      const f = byId(story).get(feature.id)!;
      expect(f.properties).toMatchObject({ id: feature.id, kind: feature.kind, label: feature.label, provenance: feature.provenance });
      expect(Object.keys(f.properties.provenance as Props)).toEqual(story.languages);
    }
  });
});

describe('the geography of a story', () => {
  it('keeps a route’s stops, in order, with how each leg was travelled, and the line through them', () => {
    const story = fixture('valid-three-languages.yaml');
    const route = byId(story).get('train-route')!;
    expect(route.properties.stops).toEqual([
      { place: 'pyongyang', mode: 'rail', inferred: false },
      { place: 'hanoi', mode: 'road', inferred: false },
    ]);
    expect(route.properties.lengthKm).toBe(2757);
    expect(route.geometry).toEqual({ type: 'LineString', coordinates: [[125.75, 39.02], [105.85, 21.03]] });
    // Every stop is among the exported places, so the stops can be joined to their points.
    const places = new Set(storyGeography(story).features.filter((f) => (f.properties as Props).kind === 'place').map((f) => (f.properties as Props).id));
    for (const stop of route.properties.stops as { place: string }[]) expect(places).toContain(stop.place);
  });

  it('keeps an arc’s ends, status and the part drawn; a line as lines; areas as polygons or by country code', () => {
    const story = fixture('valid-without-routes.yaml');
    const features = byId(story);
    const arc = features.get('flight-home')!;
    expect(arc.properties).toMatchObject({ kind: 'arc', from: 'hanoi', to: 'pyongyang', status: 'flown', distanceKm: 2757, shownKm: 1000 });
    expect(arc.geometry?.type).toBe('LineString');
    expect((arc.geometry as { coordinates: number[][] }).coordinates[0]).toEqual([105.85, 21.03]);
    expect(features.get('demarcation-line')!.geometry?.type).toBe('MultiLineString');
    expect(features.get('summit-zone')!.geometry?.type).toBe('MultiPolygon');
    // A basemap country has no geometry of its own in the story: it is named by its ISO 3166 code.
    expect(features.get('north-korea')!.geometry).toBeNull();
    expect(features.get('north-korea')!.properties.country).toBe('408');
  });

  it('has every place the story shows, stops included, once', () => {
    const story = fixture('valid.yaml');
    const places = storyGeography(story).features.filter((f) => (f.properties as Props).kind === 'place');
    expect(places.map((f) => (f.properties as Props).id)).toEqual(['hanoi', 'pyongyang']);
  });

  it('carries a place’s note and an arc’s shown part only where the story gives them', () => {
    const story = fixture('valid.yaml');
    const noted = { ...story, places: story.places.map((p) => (p.id === 'hanoi' ? { ...p, note: { nl: 'Het hotel.', en: 'The hotel.' } } : p)) };
    const features = byId(noted);
    expect(features.get('hanoi')!.properties.note).toEqual({ nl: 'Het hotel.', en: 'The hotel.' });
    expect(features.get('pyongyang')!.properties).not.toHaveProperty('note');
    expect(features.get('ghost-flight')!.properties).not.toHaveProperty('shownKm');
    expect(Object.keys(features.get('ghost-flight')!.properties)).toEqual(['id', 'kind', 'label', 'provenance', 'from', 'to', 'status', 'distanceKm']);
  });

  it('gives a line and an area of its own their ids, kinds and provenance and nothing else', () => {
    const features = byId(fixture('valid-without-routes.yaml'));
    expect(Object.keys(features.get('demarcation-line')!.properties)).toEqual(['id', 'kind', 'label', 'provenance']);
    expect(Object.keys(features.get('summit-zone')!.properties)).toEqual(['id', 'kind', 'label', 'provenance']);
    expect(features.get('summit-zone')!.properties.provenance).toEqual({ nl: 'Getekend door de redactie.', en: 'Drawn by the editors.' });
  });
});
