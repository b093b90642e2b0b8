/**
 * `embed.js`: defines `<story-map story="…" lang="nl" step="…" mode="card">`.
 * The story renders inside the element's shadow root, with MapLibre's CSS
 * and ours adopted there, so host styles do not reach in and ours do not
 * leak out. It scrolls with the host page.
 *
 * Events: `stepchange` (`detail: {id, index}`). Methods: `goTo(stepId)`.
 */
import { mountStory } from '../ui/mount';
import { ui } from '../ui/i18n';
import { parseLang } from '../ui/urlState';
import type { StoryApi } from '../ui/App';
import { loadStoryById } from './stories';
import appCss from '../ui/styles.css?inline';
import mapCss from 'maplibre-gl/dist/maplibre-gl.css?inline';

const HOST_CSS = ':host { display: block; } :host([hidden]) { display: none; }';

let sheet: CSSStyleSheet | undefined;
function styles(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(`${mapCss}\n${appCss}\n${HOST_CSS}`);
  }
  return sheet;
}

export class StoryMapElement extends HTMLElement {
  static observedAttributes = ['lang', 'step'];
  #dispose: (() => void) | undefined;
  #api: StoryApi | undefined;
  #mounting = false;

  connectedCallback() {
    if (this.#dispose || this.#mounting) return;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [styles()];
    void this.#mount(shadow);
  }

  disconnectedCallback() {
    this.#dispose?.();
    this.#dispose = undefined;
    this.#api = undefined;
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null) {
    if (old === value || !this.#api) return;
    // Only the story's languages are taken (createStoryState ignores any other).
    if (name === 'lang' && value) this.#api.setLang(value);
    if (name === 'step' && value) this.#api.goTo(value);
  }

  /** Go to a step by id; false if the story has no such step or has not loaded yet. */
  goTo(stepId: string): boolean {
    return this.#api?.goTo(stepId) ?? false;
  }

  /** The id of the step shown now. */
  get stepId(): string | undefined {
    return this.#api?.stepId;
  }

  async #mount(shadow: ShadowRoot) {
    this.#mounting = true;
    const asked = this.getAttribute('lang');
    const story = await loadStoryById(this.getAttribute('story'));
    this.#mounting = false;
    if (!this.isConnected) return;
    const container = document.createElement('div');
    shadow.replaceChildren(container);
    if (!story) {
      container.textContent = ui(asked ?? 'en').unknownStory;
      return;
    }
    const lang = parseLang(asked, story.languages);
    const step = this.getAttribute('step') ?? undefined;
    const ref = (api: StoryApi) => (this.#api = api);
    this.#dispose =
      this.getAttribute('mode') === 'card'
        ? mountStory(container, { mode: 'card', story, lang, step, ref, storyUrl: new URL(/* @vite-ignore */ `./${story.id}/`, import.meta.url).href })
        : mountStory(container, {
            story,
            lang,
            step,
            embedded: true,
            ref,
            onStepChange: (id, index) => this.dispatchEvent(new CustomEvent('stepchange', { detail: { id, index } })),
          });
  }
}

if (!customElements.get('story-map')) customElements.define('story-map', StoryMapElement);

declare global {
  interface HTMLElementTagNameMap {
    'story-map': StoryMapElement;
  }
}
