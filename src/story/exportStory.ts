import type { Story } from './model';

/**
 * The machine-readable export written to `dist/stories/<id>.json`: the
 * public shape other tools rely on, so it is built field by field rather
 * than by dumping the internal model.
 */
export function exportStory(story: Story) {
  return {
    id: story.id,
    title: story.title,
    sources: story.sources.map((s) => ({ id: s.id, date: s.date, language: s.language, label: s.label, text: s.text })),
    places: story.places.map((p) => ({ id: p.id, name: p.name, coordinates: p.coordinates })),
    steps: story.steps.map((s) => ({
      id: s.id,
      date: s.date,
      title: s.title,
      text: s.text,
      camera: s.camera,
      places: s.places,
      citations: s.citations.map((c) => ({ source: c.source, quote: c.quote })),
    })),
  };
}
