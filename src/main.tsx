import story from 'virtual:story/trump-kim-summits';
import { mountStory } from './ui/mount';
import { readUrl } from './ui/urlState';
import 'maplibre-gl/dist/maplibre-gl.css';
import './ui/styles.css';

const container = document.getElementById('story');
if (container) {
  const url = readUrl(location, story.steps.map((s) => s.id));
  container.replaceChildren();
  mountStory(container, { story, lang: url.lang, step: url.step, syncUrl: true });
}
