/** Stories validated at build time by `src/build/storyPlugin.ts`. */
declare module 'virtual:story/*' {
  const story: import('./story/model').Story;
  export default story;
}
