/**
 * Server-side render of the full story page, used at build time by
 * `src/build/prerenderPlugin.ts`: the story's text is in the served HTML,
 * painted before any script runs and readable without JavaScript; the
 * client then hydrates it (`src/main.tsx`).
 */
import { generateHydrationScript, renderToString } from 'solid-js/web';
import story from 'virtual:story/trump-kim-summits';
import { App } from './ui/App';

export function prerender(): { html: string; hydrationScript: string } {
  const html = renderToString(() => <App story={story} syncUrl />);
  // The hydration bootstrap comes as an inline <script>; the plugin serves its code as a file (strict CSP).
  const hydrationScript = generateHydrationScript().replace(/^<script[^>]*>/, '').replace(/<\/script>.*$/s, '');
  return { html, hydrationScript };
}
