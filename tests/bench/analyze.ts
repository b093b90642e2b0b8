/**
 * Pure functions that turn what the probe recorded into the reported
 * metrics. Kept apart from the browser code so they can be read (and
 * checked) without running Chromium.
 */
import type { ProbeData } from './probe';

/** Long tasks and total blocking time in a window of the page's clock. */
export interface LongTaskStats {
  count: number;
  /** Longest task, ms (0 without any). */
  maxMs: number;
  /** Total blocking time: the sum of each long task's time over 50 ms. */
  tbtMs: number;
}

/** Long tasks that started in [from, to). */
export function longTaskStats(tasks: ProbeData['longTasks'], from: number, to: number): LongTaskStats {
  const inWindow = tasks.filter((t) => t.start >= from && t.start < to);
  return {
    count: inWindow.length,
    maxMs: Math.max(0, ...inWindow.map((t) => t.duration)),
    tbtMs: inWindow.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
  };
}

/** Median of the numbers; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Latencies of a reaction to each step change. */
export interface Latencies {
  /** One per change that was followed by the reaction, ms. */
  values: number[];
  medianMs: number | null;
  maxMs: number | null;
  /** Changes not followed by the reaction before the next change (or the window's end). */
  missing: number;
}

const summarise = (values: number[], missing: number): Latencies => ({
  values,
  medianMs: median(values),
  maxMs: values.length > 0 ? Math.max(...values) : null,
  missing,
});

/**
 * For each step change in [from, to): the time to the map's first
 * 'movestart' at or after it and before the next change. A change with no
 * camera move counts as missing (two steps may share a camera).
 */
export function cameraStartLatencies(
  changes: ReadonlyArray<{ t: number }>,
  moveStarts: readonly number[],
  from: number,
  to: number,
): Latencies {
  const inWindow = changes.filter((c) => c.t >= from && c.t < to);
  const values: number[] = [];
  let missing = 0;
  inWindow.forEach((change, i) => {
    const until = inWindow[i + 1]?.t ?? to;
    const move = moveStarts.find((m) => m >= change.t && m < until);
    if (move === undefined) missing++;
    else values.push(move - change.t);
  });
  return summarise(values, missing);
}

/**
 * For each scroll to a step: the time until that step became active, if it
 * did before the next scroll. Steps the scroll did not activate count as missing.
 */
export function scrollToStepLatencies(
  scrolls: ReadonlyArray<{ id: string; t: number }>,
  changes: ReadonlyArray<{ id: string; t: number }>,
  to: number,
): Latencies {
  const values: number[] = [];
  let missing = 0;
  scrolls.forEach((scroll, i) => {
    const until = scrolls[i + 1]?.t ?? to;
    const change = changes.find((c) => c.id === scroll.id && c.t >= scroll.t && c.t < until);
    if (change) values.push(change.t - scroll.t);
    // The first scroll usually lands on the step already active: no change to time, not a miss.
    else if (i > 0) missing++;
  });
  return summarise(values, missing);
}

/**
 * Step changes timed at the moment the attribute was set, when the
 * setAttribute hook saw them; otherwise as the MutationObserver delivered them.
 */
export function stepChanges(data: ProbeData): { changes: Array<{ id: string; t: number }>; timedBy: 'setAttribute' | 'MutationObserver' } {
  return data.stepSets.length >= data.stepMutations.length && data.stepSets.length > 0
    ? { changes: data.stepSets, timedBy: 'setAttribute' }
    : { changes: data.stepMutations, timedBy: 'MutationObserver' };
}

/** Whether the camera shows `expected` (the zoom shifted by the app's small-map offset), within rendering tolerance. */
export function cameraMatches(
  actual: { center: [number, number]; zoom: number; offset: number },
  expected: { center: [number, number]; zoom: number },
): boolean {
  return (
    Math.abs(actual.center[0] - expected.center[0]) < 0.01 &&
    Math.abs(actual.center[1] - expected.center[1]) < 0.01 &&
    Math.abs(actual.zoom - (expected.zoom + actual.offset)) < 0.01
  );
}
