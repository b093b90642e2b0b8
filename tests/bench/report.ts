/**
 * The benchmark's result: the JSON document written to disk, and the
 * tables printed for people — one per connection, the story beside the
 * template with their ratio, then the goals.
 */
import type { CspResult } from './cspCheck';
import type { GoalResult } from './goals';
import type { Machine } from './machine';
import type { BrowserCondition, RunMetrics } from './measureRun';
import { METRICS, type Summary, type Unit } from './metrics';
import type { VariantId } from './variants';

/** One page's runs on one connection: a build of the story, or the template (`id` "reference"). */
export interface PageReport {
  id: string;
  label: string;
  /** `failed`: not one run measured; `reason` says why. */
  status: 'ok' | 'failed';
  reason?: string;
  runs: RunMetrics[];
  /** Why each failed run failed. */
  failedRuns: string[];
  summary: Summary | null;
}

export interface NetworkSection {
  network: string;
  pages: PageReport[];
  /** The first story build against the template. */
  goals: GoalResult[];
}

export interface BenchReport {
  machine: Machine;
  settings: {
    runs: number;
    pauseMs: number;
    viewport: { width: number; height: number };
    variants: VariantId[];
    browser: BrowserCondition;
  };
  builds: Array<{ id: string; ok: boolean; ms: number; command: string }>;
  sections: NetworkSection[];
  csp: Array<{ id: string; result: CspResult | null }>;
  /** Wall time of the whole benchmark, ms. */
  wallMs: number;
}

const DIGITS: Record<Unit, number> = { ms: 0, KB: 1, MB: 2, n: 1, '%': 1 };

function formatValue(value: number | null, unit: Unit): string {
  if (value === null) return '—';
  const digits = Number.isInteger(value) ? 0 : DIGITS[unit];
  return value.toFixed(digits);
}

/** A cell: the median, and for times over several runs ± half the range as a share of the median. */
function cell(entry: Summary[string] | undefined, unit: Unit): string {
  if (!entry || entry.median === null) return '—';
  const text = formatValue(entry.median, unit);
  if (unit !== 'ms' || entry.n < 2 || entry.min === null || entry.max === null || entry.median < 1) return text;
  const spread = Math.round(((entry.max - entry.min) / 2 / entry.median) * 100);
  return `${text} ±${spread}%`;
}

function ratioCell(a: Summary[string] | undefined, b: Summary[string] | undefined): string {
  if (a?.median == null || b?.median == null || b.median === 0) return '—';
  return `${(a.median / b.median).toFixed(2)}×`;
}

/** Rows first, widths after: a column is as wide as its widest cell. A row without cells is a section title. */
function table(header: string[], rows: Array<[string, string[]]>): string[] {
  const labelWidth = Math.max(...rows.filter(([, cells]) => cells.length > 0).map(([label]) => label.length)) + 1;
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(([, cells]) => cells[i]?.length ?? 0)));
  const line = (label: string, cells: string[]) => `${label.padEnd(labelWidth)}${cells.map((c, i) => `  ${c.padStart(widths[i]!)}`).join('')}`.trimEnd();
  const rule = '-'.repeat(labelWidth + widths.reduce((sum, w) => sum + w + 2, 0));
  return [line('', header), rule, ...rows.map(([label, cells]) => line(label, cells)), rule];
}

function sectionLines(section: NetworkSection): string[] {
  const pages = section.pages;
  const story = pages.find((p) => p.id !== 'reference' && p.status === 'ok');
  const ref = pages.find((p) => p.id === 'reference' && p.status === 'ok');
  const withRatio = !!(story && ref);
  const rows: Array<[string, string[]]> = [];
  rows.push(['runs measured', [...pages.map((p) => `${p.runs.length}/${p.runs.length + p.failedRuns.length}`), ...(withRatio ? [''] : [])]]);
  let group = '';
  for (const metric of METRICS) {
    if (metric.group !== group) {
      group = metric.group;
      rows.push([group, []]);
    }
    rows.push([
      `  ${metric.label} (${metric.unit})`,
      [...pages.map((p) => cell(p.summary?.[metric.key], metric.unit)), ...(withRatio ? [ratioCell(story!.summary?.[metric.key], ref!.summary?.[metric.key])] : [])],
    ]);
  }
  rows.push(['other', []]);
  rows.push(['  map camera right after the jump', [...pages.map((p) => (p.runs.length === 0 ? '—' : `${p.runs.filter((r) => r.jump.cameraOk).length}/${p.runs.length} ok`)), ...(withRatio ? [''] : [])]]);
  const errorCount = (runs: ReadonlyArray<{ errors: string[] }>) => String(runs.reduce((n, r) => n + r.errors.length, 0));
  rows.push(['  page errors (all runs)', [...pages.map((p) => errorCount(p.runs)), ...(withRatio ? [''] : [])]]);
  const header = [...pages.map((p) => p.id), ...(withRatio ? [`${story!.id} ÷ ref`] : [])];
  const lines = [`== ${section.network} ==`, ...pages.map((p) => `  ${p.id}: ${p.label}`), ...table(header, rows)];
  for (const p of pages) {
    if (p.status === 'failed') lines.push(`${p.id}: could not run: ${p.reason ?? 'unknown reason'}`);
    else if (p.failedRuns.length > 0) lines.push(`${p.id}: ${p.failedRuns.length} run(s) failed: ${p.failedRuns[0]}`);
    const errors = [...new Set(p.runs.flatMap((r) => r.errors))];
    if (errors.length > 0) lines.push(`${p.id}: page errors: ${errors.slice(0, 3).join(' | ')}`);
  }
  return lines;
}

function goalLines(sections: readonly NetworkSection[]): string[] {
  if (sections.every((s) => s.goals.length === 0)) return ['(no goals: the template was not measured)'];
  const goals = sections.find((s) => s.goals.length > 0)!.goals.map((g) => g.goal);
  const rows: Array<[string, string[]]> = goals.map((goal) => [
    `${goal.id}. ${goal.label}`,
    [
      goal.theirs === null ? `= ${goal.limit}` : `≤ ${goal.limit.toFixed(2)}×`,
      ...sections.map((s) => {
        const r = s.goals.find((x) => x.goal.id === goal.id);
        if (!r || r.value === null) return '—';
        return `${goal.theirs === null ? String(r.value) : `${r.value.toFixed(2)}×`} ${r.met ? 'met' : 'NOT MET'}`;
      }),
    ],
  ]);
  return ['== goals: story ÷ template, medians of the same runs ==', ...table(['goal', ...sections.map((s) => s.network.split(' ')[0]!)], rows)];
}

function cspLine(entry: { id: string; result: CspResult | null }): string {
  const c = entry.result;
  if (!c) return `${entry.id}: CSP check failed`;
  if (c.mapPainted && c.violations.length === 0) return `${entry.id}: under the strict CSP the map paints, no violation`;
  const directives = [...new Set(c.violations.map((x) => x.split(' ')[0]))].join(', ');
  return `${entry.id}: under the strict CSP ${c.mapPainted ? 'the map paints' : 'NO MAP'}; violates ${directives || '?'}`;
}

/** The report as text for the terminal. */
export function renderReport(report: BenchReport): string {
  const m = report.machine;
  const s = report.settings;
  const lines: string[] = [
    `Story-map benchmark, ${m.date}`,
    `machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB (${m.freeMemoryGiB} free), ${m.os}, node ${m.node}, Chromium ${m.chromium}, load avg ${m.loadAverage}`,
    ...(m.git ? [`code: commit ${m.git.commit}${m.git.dirty ? ' + uncommitted changes' : ''}`] : []),
    `${s.runs} cold runs per page and connection, alternating (fresh Chromium each, ${s.browser === 'running' ? 'page opened once Chromium has finished starting up' : 'page opened as Chromium starts'}), ${s.viewport.width}×${s.viewport.height}, ${s.pauseMs} ms per step; medians, times with ± half the range`,
    ...report.builds.map((b) => `build ${b.id}: ${b.ok ? `${(b.ms / 1000).toFixed(1)} s` : 'FAILED'} (${b.command})`),
    '',
  ];
  for (const section of report.sections) lines.push(...sectionLines(section), '');
  lines.push(...goalLines(report.sections), '');
  lines.push(...report.csp.map(cspLine));
  lines.push(`total benchmark time: ${(report.wallMs / 1000).toFixed(0)} s`);
  return lines.join('\n');
}
