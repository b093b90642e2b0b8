/**
 * The performance goals, each a ratio of the story's median to the
 * template's median measured in the same runs (or, for long tasks, a count).
 */
import type { Summary } from './metrics';

export interface Goal {
  id: string;
  label: string;
  /** The story's metric and the template's metric it is divided by. */
  ours: string;
  theirs: string | null;
  /** At most this ratio (or, without `theirs`, this count). */
  limit: number;
}

export const GOALS: readonly Goal[] = [
  { id: '1', label: "map visible ÷ template's map painted", ours: 'load.mapVisible', theirs: 'load.mapIdle', limit: 0.5 },
  { id: '2a', label: 'interactive map painted', ours: 'load.mapIdle', theirs: 'load.mapIdle', limit: 1.0 },
  { id: '2b', label: 'total blocking time until map painted', ours: 'load.tbt', theirs: 'load.tbt', limit: 1.0 },
  { id: '3a', label: 'long tasks in three passes (count)', ours: 'scroll.longTasks3', theirs: null, limit: 0 },
  { id: '3b', label: 'script + layout + style in a pass', ours: 'scroll.mainThread', theirs: 'scroll.mainThread', limit: 2.0 },
  { id: '4', label: 'fast jump to the last step, settled', ours: 'jump.settle', theirs: 'jump.settle', limit: 1.0 },
  { id: '5', label: 'JS heap after three passes', ours: 'heap.threePasses', theirs: 'heap.threePasses', limit: 1.1 },
];

export interface GoalResult {
  goal: Goal;
  /** The ratio (or count); null when either side has no value. */
  value: number | null;
  met: boolean | null;
}

/** A ratio whose denominator is below this counts its numerator against the floor instead (a TBT of 0 ms). */
const FLOOR = 1;

export function evaluateGoals(ours: Summary, theirs: Summary | null): GoalResult[] {
  return GOALS.map((goal) => {
    const a = ours[goal.ours]?.median ?? null;
    if (goal.theirs === null) return { goal, value: a, met: a === null ? null : a <= goal.limit };
    const b = theirs?.[goal.theirs]?.median ?? null;
    if (a === null || b === null) return { goal, value: null, met: null };
    const value = a / Math.max(b, FLOOR);
    return { goal, value, met: value <= goal.limit };
  });
}
