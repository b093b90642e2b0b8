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

/** mapbox/lineclip 2 ships no types. Points and boxes are [x, y] and [minX, minY, maxX, maxY]. */
declare module 'lineclip' {
  type Point = [number, number];
  export function clipPolyline(points: Point[], bbox: [number, number, number, number], result?: Point[][]): Point[][];
  export function clipPolygon(points: Point[], bbox: [number, number, number, number]): Point[];
}
