/**
 * The embeds' own files, after the app's build: `embed-host.js` (the iframe
 * helper), `embed.js` (the loader of `<story-map>`) and `embed-fallback.js`
 * (what the element shows when it cannot load) are classic scripts with
 * stable names, so each gets a small IIFE build of its own, which the app's
 * ES-module build cannot produce; `embed.js` learns the element module's
 * hashed name, `embed-fallback.js` each story's title and words.
 * Each story also gets its oEmbed file and discovery link (`oembed.ts`), and
 * the preview server sends the headers the embeds need (`embedHeaders.ts`).
 */
import { resolve } from 'node:path';
import { build, type Plugin, type PluginOption, type Rolldown } from 'vite';
import solid from 'vite-plugin-solid';
import type { FallbackText } from '../embed/StoryFallback';
import { catalogueFor } from '../ui/catalogues/index';
import { en } from '../ui/catalogues/en';
import { embedHeadersPlugin } from './embedHeaders';
import { oembedLink, oembedPath, oembedResponse, siteBase, type StoryHead } from './oembed';

/** The stories of the build, from their exports (`stories/<id>.json`, written by the story plugin). */
function storiesIn(bundle: Rolldown.OutputBundle): StoryHead[] {
  return Object.values(bundle)
    .filter((o): o is Rolldown.OutputAsset => o.type === 'asset' && /^stories\/[^/]+\.json$/.test(o.fileName))
    .map((o) => JSON.parse(String(o.source)) as StoryHead);
}

/** Each story's fallback text for `embed.js`, by language, its first language first. */
function fallbacks(stories: readonly StoryHead[]): Record<string, Record<string, FallbackText>> {
  return Object.fromEntries(
    stories.map((s) => [
      s.id,
      Object.fromEntries(
        s.languages.map((lang) => {
          const t = catalogueFor(lang) ?? en;
          return [lang, { title: s.title[lang]!, note: t.storyUnavailable, link: t.readFullStory }];
        }),
      ),
    ]),
  );
}

function embedFilesPlugin(repo: string): Plugin {
  let outDir = resolve(repo, 'dist');
  let element = '';
  let stories: StoryHead[] = [];
  const script = (entry: string, fileName: string, define: Record<string, string>, plugins: PluginOption[] = []) =>
    build({
      configFile: false,
      root: repo,
      publicDir: false,
      logLevel: 'warn',
      plugins,
      define,
      build: {
        outDir,
        emptyOutDir: false,
        target: 'es2020',
        // `name`: the global the helper's exports go to; the loader exports nothing.
        lib: { entry: resolve(repo, entry), formats: ['iife'], name: 'StoryMapHost', fileName: () => fileName },
      },
    });
  return {
    name: 'embed-files',
    apply: 'build',
    // After the prerender has made the story pages.
    enforce: 'post',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const chunk = Object.values(bundle).find((o): o is Rolldown.OutputChunk => o.type === 'chunk' && o.isEntry && o.name === 'element');
        if (!chunk) this.error('embed: the element entry (src/embed/element.tsx) is missing from the build');
        element = chunk.fileName;
        stories = storiesIn(bundle);
        const base = siteBase();
        for (const story of stories) {
          const page = bundle[`${story.id}/index.html`];
          if (page?.type !== 'asset') continue;
          page.source = String(page.source).replace('</head>', `  ${oembedLink(story, base)}\n  </head>`);
          this.emitFile({ type: 'asset', fileName: oembedPath(story.id), source: `${JSON.stringify(oembedResponse(story, base), null, 2)}\n` });
        }
        if (!process.env.STORY_MAP_URL) this.warn(`oEmbed files point at ${base}: set STORY_MAP_URL to the address dist/ is served from (npm run preview fills in its own)`);
      },
    },
    async closeBundle() {
      await script('src/embed/host.ts', 'embed-host.js', {});
      await script('src/embed/loader.ts', 'embed.js', { __STORY_MAP_ELEMENT__: JSON.stringify(element) });
      await script('src/embed/fallback.tsx', 'embed-fallback.js', { __STORY_MAP_FALLBACKS__: JSON.stringify(fallbacks(stories)) }, [solid()]);
    },
  };
}

export function embedHostPlugin(repo: string): Plugin[] {
  return [embedFilesPlugin(repo), embedHeadersPlugin()];
}
