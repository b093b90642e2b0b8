import stories from 'virtual:stories';
import { loadStoryById } from './embed/stories';
import { afterFirstPaint } from './ui/afterFirstPaint';
import { readUrl } from './ui/urlState';
import 'maplibre-gl/dist/maplibre-gl.css';
import './ui/styles.css';

/**
 * A story's page. Its HTML already holds the whole story (prerendered) and
 * preloads every module below without running them, so the order here is
 * only about the main thread: first the served text paints, then MapLibre
 * is evaluated (its worker starts booting at once), then the text is
 * hydrated, and the map is created when hydration mounts it.
 */
const container = document.getElementById('story');
// The built page names its story; the dev server serves the same page at /<id>/.
const id = container?.dataset.story ?? location.pathname.split('/').filter(Boolean).at(-1);
// `npm run dev` only (Vite drops it from the build): author mode's tools, and the story's build problems shown
// on the page; null when the story has never built, and the page shows only its problems.
const author = import.meta.env.DEV && container && id && Object.hasOwn(stories, id) ? await import('./author/startAuthor').then((m) => m.startAuthor(container, id)) : undefined;
if (container && id && Object.hasOwn(stories, id) && author !== null) {
  const prerendered = container.hasAttribute('data-prerendered');
  const wanted = new URLSearchParams(location.search).get('lang');
  // The HTML is prerendered in its own language; a reader who asked for another one should not
  // see it painted first, so then hydration (which switches the language) does not wait for a frame.
  const otherLang = wanted !== null && wanted !== document.documentElement.lang;
  if (prerendered && !otherLang) await afterFirstPaint();
  // Asked for first, so that when both are preloaded MapLibre is evaluated first and its worker boots while the
  // text hydrates; never awaited here: on a slow network the text hydrates without waiting for the map.
  void import('./map/createStoryMap');
  const mapData = import('./map/mapData').then((m) => m.loadMapData());
  // The prerendered page holds the map's drawing, rendered from the map data: hydration needs that data too.
  const [story, { hydrateStory, mountStory }] = await Promise.all([author?.story ?? loadStoryById(id), import('./ui/mount'), prerendered ? mapData : null]);
  if (!story) throw new Error(`story ${id} did not load`);
  const url = readUrl(location, story.steps.map((s) => s.id), story.languages);
  if (prerendered) {
    // The HTML was rendered for the first step in the story's first language: hydrate exactly that, then apply the address.
    hydrateStory(container, {
      story,
      syncUrl: true,
      ref(api) {
        if (url.lang) api.setLang(url.lang);
        // Solid applies the new language to the DOM once hydration's effects have run: a jump before
        // that would centre the step in the served language's layout and land a step or two short.
        const step = url.step;
        if (step) queueMicrotask(() => api.goTo(step, { instant: true }));
      },
    });
  } else {
    mountStory(container, { story, lang: url.lang, step: url.step, syncUrl: true, tools: author?.tools });
  }
}
