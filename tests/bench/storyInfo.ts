/**
 * Reads the story export a build writes (`<outDir>/stories/<id>.json`) for
 * what the benchmark needs to know about the story: its steps and cameras.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface StepCamera {
  id: string;
  camera: { center: [number, number]; zoom: number; bearing: number; pitch: number };
}

/** The story the benchmark measures: the one the reference template reproduces, chapter for chapter. */
export const BENCH_STORY = 'trump-kim-summits';
/** Its page in a built site. */
export const BENCH_PAGE = `/${BENCH_STORY}/`;

/** The steps of the benchmark's story in `outDir`, in order. */
export function readStorySteps(outDir: string): StepCamera[] {
  const dir = join(outDir, 'stories');
  const file = readdirSync(dir).find((f) => f === `${BENCH_STORY}.json`);
  if (!file) throw new Error(`no export of ${BENCH_STORY} in ${dir}`);
  const story = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { steps?: StepCamera[] };
  if (!story.steps?.length) throw new Error(`story export ${file} lists no steps`);
  return story.steps;
}
