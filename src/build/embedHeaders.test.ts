import { describe, expect, it } from 'vitest';
import { needsCors } from './embedHeaders';

describe('needsCors', () => {
  it('covers what an article on another origin fetches in CORS mode, and nothing else', () => {
    for (const path of ['/embed.js', '/assets/element-x1.js', '/assets/maplibre-gl-worker-x2.js', '/assets/story-data/a/story-x3.js', '/the-lift-home/oembed.json']) {
      expect(needsCors(path), path).toBe(true);
    }
    for (const path of ['/', '/index.html', '/the-lift-home/', '/embed.html', '/embed-host.js', '/stories/the-lift-home.json', '/oembed.json']) {
      expect(needsCors(path), path).toBe(false);
    }
  });
});
