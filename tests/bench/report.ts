/**
 * The benchmark's result: the JSON document written to disk, and the
 * table printed for people.
 */
import type { BuildResult } from './build';
import type { CspResult } from './cspCheck';
import type { Machine } from './machine';
import type { BrowserCondition, LoadMetrics, RunMetrics } from './measureRun';
import { METRICS, type Summary, type Unit } from './metrics';
import type { VariantId } from './variants';

export interface VariantReport {
  id: VariantId;
  label: string;
  packageName: string;
  version: string;
  outDir: string;
  /** Null when run with --no-build. */
  build: BuildResult | null;
  /** `failed`: not one run measured; `reason` says why. */
  status: 'ok' | 'failed';
  reason?: string;
  runs: RunMetrics[];
  /** Why each failed run failed. */
  failedRuns: string[];
  summary: Summary | null;
  /** Whether MapLibre started its worker from a blob: URL (refused by `worker-src 'self'`). */
  blobWorker: boolean | null;
  workers: Array<{ url: string; type: string }>;
  csp: CspResult | null;
}

/** The reference template's loads (reference/README in tests/bench/README.md): no story steps, so no passes. */
export interface ReferenceReport {
  label: string;
  status: 'ok' | 'failed';
  reason?: string;
  runs: LoadMetrics[];
  failedRuns: string[];
  summary: Summary | null;
}

export interface BenchReport {
  machine: Machine;
  settings: {
    runs: number;
    pauseMs: number;
    viewport: { width: number; height: number };
    variants: VariantId[];
    browser: BrowserCondition;
    /** The network the server emulated, or 'none'. */
    network: string;
  };
  variants: VariantReport[];
  reference: ReferenceReport | null;
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

function workerCell(v: VariantReport): string {
  if (v.status === 'failed' || v.workers.length === 0) return '—';
  const kinds = new Set(v.workers.map((w) => `${w.url.startsWith('blob:') ? 'blob:' : 'file'} ${w.type}`));
  return `${v.workers.length}× ${[...kinds].join(', ')}`;
}

function cspCell(v: VariantReport): string {
  if (!v.csp) return '—';
  if (v.csp.mapPainted && v.csp.violations.length === 0) return 'map paints';
  const directives = [...new Set(v.csp.violations.map((x) => x.split(' ')[0]))].join(', ');
  return v.csp.mapPainted ? `paints; violates ${directives}` : `NO MAP: violates ${directives || '?'}`;
}

/** The report as a text table for the terminal. */
export function renderTable(report: BenchReport): string {
  const m = report.machine;
  const lines: string[] = [];
  lines.push(`Story-map benchmark, ${m.date}`);
  lines.push(
    `machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB (${m.freeMemoryGiB} free), ${m.os}, node ${m.node}, Chromium ${m.chromium}, load avg ${m.loadAverage}`,
  );
  if (m.git) lines.push(`code: commit ${m.git.commit}${m.git.dirty ? ' + uncommitted changes' : ''}`);
  const s = report.settings;
  lines.push(
    `${s.runs} cold runs per variant (fresh Chromium each, ${s.browser === 'running' ? 'page opened once Chromium has finished starting up' : 'page opened as Chromium starts'}), network: ${s.network}, ${s.viewport.width}×${s.viewport.height}, ${s.pauseMs} ms per step; medians, times with ± half the range`,
  );
  lines.push('');

  const variants = report.variants;
  const ref = report.reference;
  // The reference is a last column with its load rows; the rest of its cells stay empty.
  const refCell = (text: string) => (ref ? [text] : []);
  // Rows first, widths after: a column is as wide as its widest cell. A row without cells is a section title.
  const rows: Array<[string, string[]]> = [];
  rows.push([
    'build time (s)',
    [...variants.map((v) => (v.build ? (v.build.ok ? (v.build.ms / 1000).toFixed(1) : 'FAILED') : 'skipped')), ...refCell('—')],
  ]);
  rows.push([
    'runs measured',
    [...variants.map((v) => `${v.runs.length}/${v.runs.length + v.failedRuns.length}`), ...refCell(ref ? `${ref.runs.length}/${ref.runs.length + ref.failedRuns.length}` : '')],
  ]);
  let group = '';
  for (const metric of METRICS) {
    if (metric.group !== group) {
      group = metric.group;
      rows.push([group, []]);
    }
    rows.push([
      `  ${metric.label} (${metric.unit})`,
      [...variants.map((v) => cell(v.summary?.[metric.key], metric.unit)), ...refCell(cell(ref?.summary?.[metric.key], metric.unit))],
    ]);
  }
  rows.push(['other', []]);
  rows.push([
    '  map camera right after the jump',
    [...variants.map((v) => (v.runs.length === 0 ? '—' : `${v.runs.filter((r) => r.jump.cameraOk).length}/${v.runs.length} ok`)), ...refCell('—')],
  ]);
  rows.push(['  workers (URL kind, type)', [...variants.map(workerCell), ...refCell('—')]]);
  rows.push(["  under CSP worker-src 'self'", [...variants.map(cspCell), ...refCell('—')]]);
  const errorCount = (runs: ReadonlyArray<{ errors: string[] }>) => String(runs.reduce((n, r) => n + r.errors.length, 0));
  rows.push(['  page errors (all runs)', [...variants.map((v) => errorCount(v.runs)), ...refCell(errorCount(ref?.runs ?? []))]]);

  const header = [...variants.map((v) => `${v.id}: ${v.label}`), ...refCell(`reference: ${ref?.label ?? ''}`)];
  const labelWidth = Math.max(...rows.filter(([, cells]) => cells.length > 0).map(([label]) => label.length)) + 1;
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(([, cells]) => cells[i]?.length ?? 0)));
  const line = (label: string, cells: string[]) =>
    `${label.padEnd(labelWidth)}${cells.map((c, i) => `  ${c.padStart(widths[i]!)}`).join('')}`.trimEnd();
  const rule = '-'.repeat(labelWidth + widths.reduce((sum, w) => sum + w + 2, 0));
  lines.push(line('', header), rule, ...rows.map(([label, cells]) => line(label, cells)), rule);

  for (const v of variants) {
    if (v.status === 'failed') lines.push(`${v.id}: could not run: ${v.reason ?? 'unknown reason'}`);
    else if (v.failedRuns.length > 0) lines.push(`${v.id}: ${v.failedRuns.length} run(s) failed: ${v.failedRuns[0]}`);
    if (v.csp && v.csp.violations.length > 0) lines.push(`${v.id}: CSP violations: ${v.csp.violations.slice(0, 3).join('; ')}`);
    const errors = [...new Set(v.runs.flatMap((r) => r.errors))];
    if (errors.length > 0) lines.push(`${v.id}: page errors: ${errors.slice(0, 3).join(' | ')}`);
  }
  if (ref?.status === 'failed') lines.push(`reference: could not run: ${ref.reason ?? 'unknown reason'}`);
  else if (ref && ref.failedRuns.length > 0) lines.push(`reference: ${ref.failedRuns.length} run(s) failed: ${ref.failedRuns[0]}`);
  lines.push(`total benchmark time: ${(report.wallMs / 1000).toFixed(0)} s`);
  return lines.join('\n');
}
