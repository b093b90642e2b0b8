/**
 * Defines `<story-map story="…" lang="nl" step="…" mode="card" offset="64">`;
 * loaded by `embed.js` (`loader.ts`). The story renders inside the
 * element's shadow root, with MapLibre's CSS and ours adopted there, so host
 * styles do not reach in and ours do not leak out. It scrolls with the host
 * page; `offset` (px) keeps the pinned map below a sticky site header.
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

/*
 * The base size follows the reader's text size (`--sm-user-rem`, measured), not the host's root font size;
 * so does the width at which the layout goes narrow (the container's em). The pinned map sits below the
 * host's sticky header (`--sm-offset`), and so does a step scrolled to.
 */
const HOST_CSS = `:host { display: block; } :host([hidden]) { display: none; }
.sm-root { font-size: var(--sm-user-rem, 16px); }
.sm-app.sm-app--embedded { --sm-rem: var(--sm-user-rem, 16px); }
.sm-app--embedded .sm-map-col { top: var(--sm-offset, 0px); height: calc(100 * var(--sm-vh) - var(--sm-offset, 0px)); }
.sm-app--embedded .sm-step { scroll-margin-top: var(--sm-offset, 0px); }`;

/** A pixel length from an attribute: `64` or `64px`; 0 for anything else. */
const pixels = (value: string | null) => {
  const n = Number.parseFloat(value ?? '');
  return Number.isFinite(n) && n > 0 && /^\s*[\d.]+(px)?\s*$/.test(value!) ? n : 0;
};

let sheet: CSSStyleSheet | undefined;
function styles(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(`${mapCss}\n${appCss}\n${HOST_CSS}`);
  }
  return sheet;
}

export class StoryMapElement extends HTMLElement {
  static observedAttributes = ['lang', 'step', 'offset'];
  #dispose: (() => void) | undefined;
  #api: StoryApi | undefined;
  #mounting = false;
  #container: HTMLElement | undefined;

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
    if (name === 'offset') this.#sizes();
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

  /** Set through the CSSOM, which a strict CSP allows (a style attribute it would not). */
  #sizes() {
    this.#container?.style.setProperty('--sm-offset', `${pixels(this.getAttribute('offset'))}px`);
  }

  /**
   * The reader's text size: `medium`, which 200 % text zoom doubles, whatever the host sets on its root. A
   * hidden probe 1em wide at that size tells when it changes, as the reader changes it.
   */
  #followTextSize(shadow: ShadowRoot, container: HTMLElement) {
    const probe = document.createElement('span');
    probe.setAttribute('aria-hidden', 'true');
    for (const [name, value] of Object.entries({ position: 'absolute', visibility: 'hidden', 'font-size': 'medium', width: '1em', height: '0' })) {
      probe.style.setProperty(name, value);
    }
    shadow.append(probe);
    const update = () => container.style.setProperty('--sm-user-rem', getComputedStyle(probe).fontSize);
    const observer = new ResizeObserver(update);
    observer.observe(probe);
    update();
    return () => {
      observer.disconnect();
      probe.remove();
    };
  }

  async #mount(shadow: ShadowRoot) {
    this.#mounting = true;
    const asked = this.getAttribute('lang');
    const story = await loadStoryById(this.getAttribute('story'));
    this.#mounting = false;
    if (!this.isConnected) return;
    const container = document.createElement('div');
    shadow.replaceChildren(container);
    this.#container = container;
    this.#sizes();
    const unfollow = this.#followTextSize(shadow, container);
    if (!story) {
      container.textContent = ui(asked ?? 'en').unknownStory;
      this.#dispose = unfollow;
      return;
    }
    const lang = parseLang(asked, story.languages);
    const step = this.getAttribute('step') ?? undefined;
    const ref = (api: StoryApi) => (this.#api = api);
    const dispose =
      this.getAttribute('mode') === 'card'
        ? mountStory(container, { mode: 'card', story, lang, step, ref, storyUrl: new URL(/* @vite-ignore */ `../${story.id}/`, import.meta.url).href })
        : mountStory(container, {
            story,
            lang,
            step,
            embedded: true,
            ref,
            onStepChange: (id, index) => this.dispatchEvent(new CustomEvent('stepchange', { detail: { id, index } })),
          });
    this.#dispose = () => {
      dispose();
      unfollow();
    };
  }
}

if (!customElements.get('story-map')) customElements.define('story-map', StoryMapElement);

declare global {
  interface HTMLElementTagNameMap {
    'story-map': StoryMapElement;
  }
}
