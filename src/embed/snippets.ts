import type { Story } from '../story/model';

/** Where the snippets point before the page knows its own address (`storyIndex.ts` puts it in). */
export const EXAMPLE_BASE = 'https://stories.example.org/maps/';

/** The snippets that embed `story`, for a site served at `base`. */
export function embedSnippets(story: Pick<Story, 'id' | 'languages' | 'title'>, base: string) {
  const lang = story.languages[0]!;
  return {
    element: `<script type="module" src="${base}embed.js"></script>\n<story-map story="${story.id}" lang="${lang}"></story-map>`,
    iframe:
      `<iframe data-story-map title="${story.title[lang]!.replace(/"/g, '&quot;')}" style="width:100%;height:640px;border:0"\n` +
      `        src="${base}embed.html?story=${story.id}&amp;lang=${lang}"></iframe>\n<script src="${base}embed-host.js"></script>`,
  };
}
