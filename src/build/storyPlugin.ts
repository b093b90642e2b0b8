/**
 * Vite plugin: stories are validated at build time and reach the browser as
 * checked data. `virtual:stories` maps every story id to a loader of
 * `virtual:story/<id>`, the checked `Story` in a chunk of its own. A build
 * also writes each story's public export `stories/<id>.json` and the story
 * file's JSON Schema `story.schema.json`. Any invalid story fails the build
 * (and shows Vite's error overlay in dev); in dev, `/<id>/` serves the story page.
 */
import type { Plugin } from 'vite';
import { discoverStories, loadStoryFolder, StoryBuildError, type StoryFolder } from './loadStory';
import { exportStory } from '../story/exportStory';
import { editorSchemaText } from '../story/jsonSchema';
import type { Story } from '../story/model';

/** What readers' browsers need of a story: the places' provenance notes are for the export and data desks. */
export const forReaders = (story: Story): Story => ({ ...story, places: story.places.map(({ provenance: _p, ...p }) => ({ ...p, provenance: '' })) });

const PREFIX = 'virtual:story/';
const RESOLVED = '\0' + PREFIX;
const REGISTRY = 'virtual:stories';

/** Fail the build with the story's problems only, not a stack trace. */
function report<T>(ctx: { error(message: string): never }, load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof StoryBuildError) ctx.error(error.message);
    throw error;
  }
}

export function storyPlugin(root: string): Plugin {
  const folders = (): StoryFolder[] => discoverStories(root);
  return {
    name: 'story',
    resolveId(id) {
      if (id === REGISTRY) return '\0' + REGISTRY;
      return id.startsWith(PREFIX) ? RESOLVED + id.slice(PREFIX.length) : null;
    },
    load(id) {
      if (id === '\0' + REGISTRY) {
        const list = report(this, folders);
        const entries = list.map((s) => `  ${JSON.stringify(s.id)}: () => import(${JSON.stringify(PREFIX + s.id)}),`);
        return `export default {\n${entries.join('\n')}\n};`;
      }
      if (!id.startsWith(RESOLVED)) return null;
      const storyId = id.slice(RESOLVED.length);
      const folder = report(this, folders).find((f) => f.id === storyId);
      if (!folder) this.error(`no story with id "${storyId}"`);
      const { story, watchFiles } = report(this, () => loadStoryFolder(root, folder));
      for (const f of watchFiles) this.addWatchFile(f);
      // JSON.parse of a string literal is faster to start than an object literal of the same size.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(forReaders(story)))});`;
    },
    configureServer(server) {
      // The built site has a page per story at /<id>/; the dev server serves the story page there.
      server.middlewares.use((req, _res, next) => {
        const id = /^\/([a-z0-9]+(?:-[a-z0-9]+)*)\/(?:\?.*)?$/.exec(req.url ?? '')?.[1];
        if (id && folders().some((f) => f.id === id)) req.url = `/story.html${req.url!.slice(id.length + 2)}`;
        next();
      });
    },
    transformIndexHtml: {
      order: 'pre',
      // In dev the story page is served at /<id>/: its links to the app's files are made absolute.
      handler(html, ctx) {
        return ctx.server && ctx.filename.endsWith('story.html') ? html.replace(/(\s(?:src|href))="\.\//g, '$1="/') : html;
      },
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'story.schema.json', source: editorSchemaText() });
      for (const folder of report(this, folders)) {
        const { story } = report(this, () => loadStoryFolder(root, folder));
        this.emitFile({ type: 'asset', fileName: `stories/${story.id}.json`, source: JSON.stringify(exportStory(story), null, 2) });
      }
    },
  };
}
