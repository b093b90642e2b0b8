/**
 * Entry of `embed.html`, the story in an iframe. Alone it is a fixed-height
 * frame that scrolls inside; once the host page's `embed-host.js` connects,
 * the frame grows to its content and follows the host's scrolling.
 */
import { createEffect, createRoot } from 'solid-js';
import { mountStory } from '../ui/mount';
import { ui } from '../ui/i18n';
import { parseLang, parseStepHash } from '../ui/urlState';
import type { StoryApi } from '../ui/App';
import { createFrameBridge } from './frameBridge';
import { frameMessage } from './protocol';
import { loadStoryById } from './stories';
import 'maplibre-gl/dist/maplibre-gl.css';
import '../ui/styles.css';
import './frame.css';

async function start() {
  const container = document.getElementById('story');
  if (!container) return;
  const params = new URLSearchParams(location.search);
  const story = await loadStoryById(params.get('story'));
  if (!story) {
    const note = document.createElement('p');
    note.className = 'sm-frame-error';
    note.textContent = ui(params.get('lang') ?? 'en').unknownStory;
    container.replaceChildren(note);
    return;
  }
  const lang = parseLang(params.get('lang'), story.languages);
  const ids = story.steps.map((s) => s.id);
  const step = parseStepHash(location.hash, ids) ?? parseStepHash(params.get('step') ?? '', ids);
  container.replaceChildren();

  createRoot(() => {
    const bridge = createFrameBridge(ids);
    let api: StoryApi | undefined;
    bridge.onGoto((id) => api?.goTo(id));

    // Connected: no inner scrollbar, and the host learns the content height whenever it changes. The body's
    // own height, not the document's scrollHeight, which never drops below the frame's: a frame made wider
    // (a phone turned) must be able to shrink to its content.
    // A host connecting again (its page reset the frame) is told the height at once.
    let last = -1;
    let observer: ResizeObserver | undefined;
    const report = () => {
      const height = Math.ceil(document.body.getBoundingClientRect().height);
      if (height !== last) bridge.post(frameMessage('height', { height }));
      last = height;
    };
    bridge.onConnect(() => {
      document.documentElement.classList.add('sm-frame--host-sized');
      observer ??= new ResizeObserver(report);
      observer.observe(document.body);
      last = -1;
      report();
    });

    // A deep link in a host-sized frame: once the host reports its screen, scroll the article to the step.
    let linked = false;
    createEffect(() => {
      if (linked || !step || !bridge.viewport()) return;
      linked = true;
      queueMicrotask(() => api?.goTo(step));
    });

    if (params.get('mode') === 'card') {
      mountStory(container, { mode: 'card', story, lang, step, storyUrl: new URL(`./${story.id}/`, location.href).href, ref: (a) => (api = a) });
    } else {
      mountStory(container, {
        story,
        lang,
        step,
        embedded: true,
        viewport: bridge.viewport,
        requestScroll: (y) => bridge.post(frameMessage('scroll-to', { y })),
        onStepChange: (id, index) => bridge.post(frameMessage('stepchange', { id, index })),
        ref: (a) => (api = a),
      });
    }
  });
}

void start();
