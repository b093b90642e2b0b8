/**
 * `embed.js`, the script an article includes for `<story-map>`: a classic
 * script (it runs as a module too), so it loads from the story's server into
 * a page on any other origin without CORS. It imports the element itself
 * (`element.tsx`, a module in `assets/`, which needs CORS). When that fails —
 * no `Access-Control-Allow-Origin` on the story's server, a blocked network —
 * it logs one message saying why and loads `embed-fallback.js` (classic too),
 * which shows each `<story-map>` as the story's title and a link to it.
 * Built by `src/build/embedHostPlugin.ts`.
 */

/** The element's module, relative to this script (written in by the build). */
declare const __STORY_MAP_ELEMENT__: string;

/** This script's address: `currentScript` for a classic script, its `<script>` element for a module. */
function scriptUrl(): string {
  const current = document.currentScript as HTMLScriptElement | null;
  if (current?.src) return current.src;
  const script = [...document.querySelectorAll<HTMLScriptElement>('script[src]')].find((s) => /\/embed\.js(?:[?#]|$)/.test(s.src));
  return script?.src ?? location.href;
}

const base = new URL('./', scriptUrl()).href;
const elementUrl = new URL(__STORY_MAP_ELEMENT__, base).href;

/** One message for the page, naming the header when that is what is missing. */
async function explain(error: unknown): Promise<void> {
  let corsMissing = false;
  if (new URL(elementUrl).origin !== location.origin) {
    const reachable = (mode: RequestMode) => fetch(elementUrl, { mode }).then(() => true, () => false);
    corsMissing = !(await reachable('cors')) && (await reachable('no-cors'));
  }
  console.error(
    corsMissing
      ? `[story-map] ${elementUrl} is served without the Access-Control-Allow-Origin header, which a page on another origin needs ` +
          `to load the story: serve embed.js and assets/ with "Access-Control-Allow-Origin: *". Showing a link to the story instead.`
      : `[story-map] The story could not be loaded from ${elementUrl} (${String(error)}); a page on another origin also needs the ` +
          `Access-Control-Allow-Origin header on embed.js and assets/. Showing a link to the story instead.`,
  );
}

import(/* @vite-ignore */ elementUrl).catch((error: unknown) => {
  void explain(error);
  const fallback = document.createElement('script');
  fallback.src = new URL('embed-fallback.js', base).href;
  document.head.append(fallback);
});
