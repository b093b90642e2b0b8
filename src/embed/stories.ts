import stories from 'virtual:stories';
import type { Story } from '../story/model';
import { loadCatalogues } from '../ui/i18n';

/** Load a story by id, with the interface catalogues of its languages; undefined for an unknown id (never echoed into the page). */
export async function loadStoryById(id: string | null | undefined): Promise<Story | undefined> {
  if (!id || !Object.hasOwn(stories, id)) return undefined;
  const story = (await stories[id]!()).default;
  await loadCatalogues(story.languages);
  return story;
}
