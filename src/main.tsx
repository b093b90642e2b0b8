import story from 'virtual:story/trump-kim-summits';
import { hydrateStory, mountStory } from './ui/mount';
import { readUrl } from './ui/urlState';
import { loadMapData } from './map/mapData';
import 'maplibre-gl/dist/maplibre-gl.css';
import './ui/styles.css';

const container = document.getElementById('story');
if (container) {
  // Start fetching the map code and data now, in parallel with hydrating the text; MapView reuses both.
  void import('./map/createStoryMap');
  void loadMapData();
  const url = readUrl(location, story.steps.map((s) => s.id));
  if (container.hasAttribute('data-prerendered')) {
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
