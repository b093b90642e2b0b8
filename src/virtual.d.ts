/** Stories validated at build time by `src/build/storyPlugin.ts`. */
declare module 'virtual:story/*' {
  const story: import('./story/model').Story;
  export default story;
}

/** Every story under `stories/`, by id, loaded on demand. */
declare module 'virtual:stories' {
  const stories: Record<string, () => Promise<{ default: import('./story/model').Story }>>;
  export default stories;
}
