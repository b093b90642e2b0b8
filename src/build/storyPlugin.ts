/**
 * Vite plugin: stories are validated at build time and reach the browser as
 * checked data. `import story from 'virtual:story/<id>'` yields the `Story`;
 * a build also writes the public export `stories/<id>.json`. Any invalid
 * story fails the build (and shows Vite's error overlay in dev).
 */
import type { Plugin } from 'vite';
import { loadStory, listStories, StoryBuildError } from './loadStory';
import { exportStory } from '../story/exportStory';

const PREFIX = 'virtual:story/';
const RESOLVED = '\0' + PREFIX;
/** `virtual:stories`: id → loader of every story, so embeds can load a story by name, each in its own chunk. */
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
  return {
    name: 'story',
    resolveId(id) {
      if (id === REGISTRY) return '\0' + REGISTRY;
      return id.startsWith(PREFIX) ? RESOLVED + id.slice(PREFIX.length) : null;
    },
    load(id) {
      if (id === '\0' + REGISTRY) {
        const entries = listStories(root).map((s) => `  ${JSON.stringify(s)}: () => import(${JSON.stringify(PREFIX + s)}),`);
        return `export default {\n${entries.join('\n')}\n};`;
      }
      if (!id.startsWith(RESOLVED)) return null;
      const storyId = id.slice(RESOLVED.length);
      const { story, watchFiles } = report(this, () => loadStory(root, storyId));
      for (const f of watchFiles) this.addWatchFile(f);
      // JSON.parse of a string literal is faster to start than an object literal of the same size.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(story))});`;
    },
    generateBundle() {
      for (const id of listStories(root)) {
        const { story } = report(this, () => loadStory(root, id));
        this.emitFile({ type: 'asset', fileName: `stories/${id}.json`, source: JSON.stringify(exportStory(story), null, 2) });
      }
    },
  };
}
