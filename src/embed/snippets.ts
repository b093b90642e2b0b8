import type { Story } from '../story/model';
import type { Catalogue } from '../ui/i18n';

/** Where the snippets point before the page knows its own address (`storyIndex.ts` puts it in). */
export const EXAMPLE_BASE = 'https://stories.example.org/maps/';

/** The iframe's initial size, before the helper sizes it to the story; also the oEmbed response's. */
export const FRAME_SIZE = { width: 720, height: 640 } as const;

/** Text for an HTML attribute or element, escaped: story titles are the authors' words. */
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The snippets that embed `story`, for a site served at `base`, in the story's first language (`t` is its
 * catalogue). Each carries its own fallback: the element holds a link to the story, shown until the script
 * upgrades it and kept when scripts are blocked; a link follows the iframe. The README quotes them.
 */
export function embedSnippets(story: Pick<Story, 'id' | 'languages' | 'title'>, base: string, t: Pick<Catalogue, 'readFullStory' | 'storyMapTitle'>) {
  const lang = story.languages[0]!;
  const title = story.title[lang]!;
  const page = `${base}${story.id}/`;
  return {
    element:
      `<script defer src="${base}embed.js"></script>\n` +
      `<story-map story="${story.id}" lang="${lang}">\n  <a href="${page}">${escape(t.readFullStory)}: ${escape(title)}</a>\n</story-map>`,
    iframe:
      `<iframe title="${escape(t.storyMapTitle(title))}" src="${base}embed.html?story=${story.id}&amp;lang=${lang}"\n` +
      `        style="width:100%;height:${FRAME_SIZE.height}px;border:0"></iframe>\n` +
      `<p><a href="${page}">${escape(t.readFullStory)}: ${escape(title)}</a></p>\n` +
      `<script defer src="${base}embed-host.js"></script>`,
  };
}
