import { afterFirstPaint } from './ui/afterFirstPaint';
import { parseLang, readUrl } from './ui/urlState';
import 'maplibre-gl/dist/maplibre-gl.css';
import './ui/styles.css';

/**
 * The full page. Its HTML already holds the whole story (prerendered) and
 * preloads every module below without running them, so the order here is
 * only about the main thread: first the served text paints, then MapLibre
 * is evaluated (its worker starts booting at once), then the text is
 * hydrated, and the map is created when hydration mounts it.
 */
const container = document.getElementById('story');
if (container) {
  const prerendered = container.hasAttribute('data-prerendered');
  // The HTML is prerendered in its own language; a reader who asked for another one should not
  // see it painted first, so then hydration (which switches the language) does not wait for a frame.
  const otherLang = (parseLang(new URLSearchParams(location.search).get('lang')) ?? document.documentElement.lang) !== document.documentElement.lang;
  if (prerendered && !otherLang) await afterFirstPaint();
  // Asked for first, so that when both are preloaded MapLibre is evaluated first and its worker boots while the
  // text hydrates; never awaited here: on a slow network the text hydrates without waiting for the map.
  void import('./map/createStoryMap');
  void import('./map/mapData').then((m) => m.loadMapData());
  const [{ default: story }, { hydrateStory, mountStory }] = await Promise.all([
    import('virtual:story/trump-kim-summits'),
    import('./ui/mount'),
  ]);
  const url = readUrl(location, story.steps.map((s) => s.id));
  if (prerendered) {
    // The HTML was rendered for the first step in Dutch: hydrate exactly that, then apply the address.
    hydrateStory(container, {
      story,
      syncUrl: true,
      ref(api) {
        if (url.lang) api.setLang(url.lang);
        if (url.step) api.goTo(url.step, { instant: true });
      },
    });
  } else {
    mountStory(container, { story, lang: url.lang, step: url.step, syncUrl: true });
  }
}
