import { describe, expect, it } from 'vitest';
import { oembedLink, oembedPath, oembedResponse, siteBase } from './oembed';

const story = { id: 'the-lift-home', languages: ['en'], title: { en: 'The lift home' } };

describe('oEmbed', () => {
  it('answers with a rich embed: the iframe and its helper, at the deployed address', () => {
    const base = siteBase({ STORY_MAP_URL: 'https://news.example.com/maps' });
    expect(base).toBe('https://news.example.com/maps/');
    const response = oembedResponse(story, base);
    expect(response).toMatchObject({
      version: '1.0',
      type: 'rich',
      title: 'The lift home',
      provider_name: 'Story maps',
      provider_url: 'https://news.example.com/maps/',
      width: 720,
      height: 640,
    });
    expect(response.html).toContain('src="https://news.example.com/maps/embed.html?story=the-lift-home&amp;lang=en"');
    expect(response.html).toContain('<script defer src="https://news.example.com/maps/embed-host.js"></script>');
    expect(oembedPath('the-lift-home')).toBe('the-lift-home/oembed.json');
    expect(oembedLink(story, base)).toBe(
      '<link rel="alternate" type="application/json+oembed" href="https://news.example.com/maps/the-lift-home/oembed.json" title="The lift home" />',
    );
  });

  it('uses the placeholder address without STORY_MAP_URL, and refuses one that is not http(s)', () => {
    expect(siteBase({})).toBe('https://stories.example.org/maps/');
    expect(() => siteBase({ STORY_MAP_URL: 'javascript:alert(1)' })).toThrow(/http\(s\)/);
  });
});
