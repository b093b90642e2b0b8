import stories from 'virtual:stories';
import type { Story } from '../story/model';

/** Load a story by the id an embedder gave; undefined for an unknown id (never echoed into the page). */
export async function loadStoryById(id: string | null | undefined): Promise<Story | undefined> {
  if (!id || !Object.hasOwn(stories, id)) return undefined;
  return (await stories[id]!()).default;
}
