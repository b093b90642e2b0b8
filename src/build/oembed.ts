/**
 * oEmbed (oembed.com) for every story, as static files: `<id>/oembed.json`
 * (type "rich": the iframe-plus-helper snippet) and the discovery `<link>`
 * in the story's page, so a CMS that embeds by pasting an address finds it.
 * Both need the site's absolute address: `STORY_MAP_URL` at build time.
 */
import { EXAMPLE_BASE, embedSnippets, FRAME_SIZE } from '../embed/snippets';
import { catalogueFor } from '../ui/catalogues/index';
import { en } from '../ui/catalogues/en';

/** What the embed files need of a story: the fields of its export (`stories/<id>.json`). */
export interface StoryHead {
  id: string;
  languages: string[];
  title: Record<string, string>;
}

/** The address the site is deployed at, ending in `/`: `STORY_MAP_URL`, else the placeholder the preview server fills in. */
export function siteBase(env: Record<string, string | undefined> = process.env): string {
  const url = env.STORY_MAP_URL?.trim();
  if (!url) return EXAMPLE_BASE;
  const parsed = new URL(url);
  if (!/^https?:$/.test(parsed.protocol)) throw new Error(`STORY_MAP_URL must be an http(s) address, not "${url}"`);
  return parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`;
}

/** Beside the story's page: a CMS finds it at `<story's address>oembed.json`. */
export const oembedPath = (id: string) => `${id}/oembed.json`;

/** The oEmbed response of a story served at `base`, in its first language. */
export function oembedResponse(story: StoryHead, base: string) {
  const lang = story.languages[0]!;
  const t = catalogueFor(lang) ?? en;
  return {
    version: '1.0',
    type: 'rich',
    title: story.title[lang]!,
    provider_name: t.storiesTitle,
    provider_url: base,
    html: embedSnippets(story, base, t).iframe,
    width: FRAME_SIZE.width,
    height: FRAME_SIZE.height,
  };
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The discovery link for a story's page (oEmbed spec, section 4). */
export function oembedLink(story: StoryHead, base: string): string {
  const title = story.title[story.languages[0]!]!;
  return `<link rel="alternate" type="application/json+oembed" href="${escapeAttr(base + oembedPath(story.id))}" title="${escapeAttr(title)}" />`;
}
