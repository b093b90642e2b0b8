/**
 * Server-side render of the pages, used at build time by
 * `src/build/prerenderPlugin.ts`: each story's text is in its served HTML,
 * painted before any script runs and readable without JavaScript (the
 * client then hydrates it, `src/main.tsx`), and the front page lists them.
 */
import { generateHydrationScript, renderToString } from 'solid-js/web';
import stories from 'virtual:stories';
import { App } from './ui/App';
import { StoryIndex } from './ui/StoryIndex';
import { loadCatalogues, ui } from './ui/i18n';
import { loadMapData } from './map/mapData';
import type { Story } from './story/model';

const load = async (id: string): Promise<Story> => {
  const story = (await stories[id]!()).default;
  await loadCatalogues(story.languages);
  return story;
};

export async function prerenderStory(id: string) {
  const story = await load(id);
  const lang = story.languages[0]!;
  // The map's drawing of the opening step is in the page, so the first frame shows text and map together.
  await loadMapData();
  const html = renderToString(() => <App story={story} syncUrl />);
  // The hydration bootstrap comes as an inline <script>; the plugin serves its code as a file (strict CSP).
  const hydrationScript = generateHydrationScript().replace(/^<script[^>]*>/, '').replace(/<\/script>.*$/s, '');
  return {
    html,
    hydrationScript,
    lang,
    languages: story.languages,
    firstStep: story.steps[0]!.id,
    title: story.title[lang]!,
    description: story.intro[lang]!,
    noScript: story.languages.map((l) => ui(l).noScript).join(' / '),
  };
}

export async function prerenderIndex() {
  const all = await Promise.all(Object.keys(stories).sort().map(load));
  return renderToString(() => <StoryIndex stories={all} />);
}
