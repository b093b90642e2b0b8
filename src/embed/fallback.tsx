/**
 * `embed-fallback.js`: loaded by `embed.js` only when the story's element
 * cannot load. Defines `<story-map>` as the story's title, a note and a
 * link to the full story. A classic script, so it loads without CORS.
 */
import { render } from 'solid-js/web';
import { FALLBACK_CSS, StoryFallback, type FallbackText } from './StoryFallback';

/** Each story's fallback text by language, its first language first (written in by the build). */
declare const __STORY_MAP_FALLBACKS__: Record<string, Record<string, FallbackText>>;

const base = new URL('./', (document.currentScript as HTMLScriptElement | null)?.src ?? location.href).href;
let sheet: CSSStyleSheet | undefined;

class StoryMapFallback extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const id = this.getAttribute('story') ?? '';
    const texts = Object.hasOwn(__STORY_MAP_FALLBACKS__, id) ? __STORY_MAP_FALLBACKS__[id]! : undefined;
    // An unknown story keeps whatever the article put inside the element.
    if (!texts) return;
    const asked = this.getAttribute('lang');
    const lang = asked && Object.hasOwn(texts, asked) ? asked : Object.keys(texts)[0]!;
    const href = new URL(`${id}/`, base);
    if (asked === lang) href.searchParams.set('lang', lang);
    const step = this.getAttribute('step');
    if (step && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(step)) href.hash = step;
    const shadow = this.attachShadow({ mode: 'open' });
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(FALLBACK_CSS);
    }
    shadow.adoptedStyleSheets = [sheet];
    render(() => <StoryFallback text={texts[lang]!} href={href.href} lang={lang} />, shadow);
  }
}

if (!customElements.get('story-map')) customElements.define('story-map', StoryMapFallback);
