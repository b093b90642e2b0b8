/**
 * `npm run bench`: builds the site and the template reproduction, serves
 * each with gzip on 127.0.0.1, and measures cold runs of both in headless
 * Chromium, alternating the two run by run, on a fast and on a phone
 * connection. Prints a table per connection with the story ÷ template
 * ratios and the performance goals, and writes every run to
 * tests/bench/results/. See README.md here.
 *
 * A benchmark, not a test: it never fails on a number. It exits non-zero
 * only when it cannot measure at all (bad options, no Chromium, nothing ran).
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../chromium';
import { parseArgs, USAGE, type BenchArgs } from './args';
import { buildVariant } from './build';
import { ensureBenchInstalled } from './install';
import { checkCsp } from './cspCheck';
import { evaluateGoals } from './goals';
import { describeMachine } from './machine';
import { measureRun, type RunMetrics } from './measureRun';
import { METRICS, summarise } from './metrics';
import type { NetworkProfile } from './network';
import { buildReference } from './reference/build';
import { renderReport, type BenchReport, type NetworkSection, type PageReport } from './report';
import { startStaticServer, type StaticServer } from './staticServer';
import { BENCH_PAGE, readStorySteps, type StepCamera } from './storyInfo';

const repo = join(import.meta.dirname, '..', '..');
const resultsDir = join(import.meta.dirname, 'results');
const VIEWPORT = { width: 800, height: 600 };

/** Progress goes to stderr, so stdout carries only the table. */
const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;

function packageVersion(name: string): string {
  const pkg = JSON.parse(readFileSync(join(name === 'maplibre-gl' ? repo : import.meta.dirname, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** A page to measure: a build of the story, or the template. */
interface Subject {
  id: string;
  label: string;
  root: string;
  page: string;
  /** Why it cannot be measured, decided before the runs (a failed build). */
  reason?: string;
}

const emptyReport = (s: Subject): PageReport => ({ id: s.id, label: s.label, status: 'failed', runs: [], failedRuns: [], summary: null, ...(s.reason ? { reason: s.reason } : {}) });

/** Measure every subject `runs` times on one network, alternating them run by run (each run starts with the next one). */
async function benchNetwork(subjects: readonly Subject[], steps: readonly StepCamera[], args: BenchArgs, network: NetworkProfile | null): Promise<NetworkSection> {
  const name = network?.label ?? 'fast (as fast as this machine serves)';
  const reports = subjects.map(emptyReport);
  const servers = new Map<string, StaticServer>();
  try {
    for (const s of subjects) if (!s.reason) servers.set(s.id, await startStaticServer({ root: s.root, network, page: s.page }));
    for (let i = 0; i < args.runs; i++) {
      const order = subjects.map((_, k) => (k + i) % subjects.length);
      for (const k of order) {
        const subject = subjects[k]!;
        const report = reports[k]!;
        const server = servers.get(subject.id);
        // A page that cannot run once will not run on the next try either: don't spend minutes on timeouts.
        if (!server || (report.runs.length === 0 && report.failedRuns.length > 0)) continue;
        try {
          const run: RunMetrics = await measureRun({ server, steps, pauseMs: args.pauseMs, browser: args.browser });
          report.runs.push(run);
          progress(`${network ? 'phone' : 'fast'}: ${subject.id}: run ${i + 1}/${args.runs}: map visible at ${run.mapVisibleMs?.toFixed(0)} ms, painted at ${run.mapIdleMs?.toFixed(0)} ms (${(run.wallMs / 1000).toFixed(1)} s)`);
        } catch (error) {
          report.failedRuns.push(errorText(error));
          progress(`${network ? 'phone' : 'fast'}: ${subject.id}: run ${i + 1}/${args.runs} FAILED: ${errorText(error)}`);
        }
      }
    }
  } finally {
    for (const server of servers.values()) await server.close();
  }
  for (const report of reports) {
    if (report.runs.length === 0) {
      report.reason ??= report.failedRuns[0] ?? 'no run completed';
      continue;
    }
    report.status = 'ok';
    report.summary = summarise(report.runs, METRICS);
  }
  const reference = reports.find((r) => r.id === 'reference') ?? null;
  const story = reports.find((r) => r.id !== 'reference' && r.status === 'ok') ?? null;
  const goals = story?.summary ? evaluateGoals(story.summary, reference?.summary ?? null) : [];
  return { network: name, pages: reports, goals };
}

async function main(): Promise<number> {
  const started = performance.now();
  let args: BenchArgs | 'help';
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${errorText(error)}\n\n${USAGE}`);
    return 2;
  }
  if (args === 'help') {
    console.log(USAGE);
    return 0;
  }
  ensureBenchInstalled();
  // Also proves Chromium can start before minutes go into builds.
  const browser = await launch();
  const chromium = browser.version();
  await browser.close();
  const machine = describeMachine(chromium);

  const subjects: Subject[] = [];
  const builds: BenchReport['builds'] = [];
  for (const variant of args.variants) {
    const subject: Subject = { id: variant.id, label: `story, MapLibre ${packageVersion(variant.packageName)} (${variant.label})`, root: variant.outDir, page: BENCH_PAGE };
    if (args.build) {
      progress(`${variant.id}: building…`);
      const build = await buildVariant(variant);
      builds.push({ id: variant.id, ok: build.ok, ms: build.ms, command: build.command });
      progress(`${variant.id}: build ${build.ok ? 'done' : 'FAILED'} in ${(build.ms / 1000).toFixed(1)} s`);
      if (!build.ok) subject.reason = `build failed: ${build.outputTail.trim().split('\n').slice(-3).join(' / ')}`;
    }
    if (!subject.reason && !existsSync(join(variant.outDir, 'index.html'))) subject.reason = `no build in ${variant.outDir} (run without --no-build)`;
    subjects.push(subject);
  }
  const built = args.variants.find((v, i) => !subjects[i]!.reason);
  if (!built) {
    console.error(`[bench] nothing to measure: ${subjects.map((s) => `${s.id}: ${s.reason}`).join('; ')}`);
    return 1;
  }
  const steps = readStorySteps(built.outDir);
  if (args.reference) {
    try {
      subjects.push({ id: 'reference', label: `template reproduction, MapLibre ${packageVersion('maplibre-gl-v4')} UMD`, root: buildReference(built.outDir), page: '/' });
    } catch (error) {
      subjects.push({ id: 'reference', label: 'template reproduction', root: '', page: '/', reason: `could not build it: ${errorText(error)}` });
    }
  }

  const sections: NetworkSection[] = [];
  for (const network of args.networks) sections.push(await benchNetwork(subjects, steps, args, network));

  const csp: BenchReport['csp'] = [];
  for (const [i, variant] of args.variants.entries()) {
    if (subjects[i]!.reason) continue;
    progress(`${variant.id}: checking under the strict CSP…`);
    csp.push({ id: variant.id, result: await checkCsp(variant.outDir).catch(() => null) });
  }

  const report: BenchReport = {
    machine,
    settings: { runs: args.runs, pauseMs: args.pauseMs, viewport: VIEWPORT, variants: args.variants.map((v) => v.id), browser: args.browser },
    builds,
    sections,
    csp,
    wallMs: performance.now() - started,
  };
  mkdirSync(resultsDir, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  writeFileSync(join(resultsDir, 'latest.json'), json);
  writeFileSync(join(resultsDir, `bench-${machine.date.replace(/[:.]/g, '-')}.json`), json);
  console.log(renderReport(report));
  progress(`results: ${join('tests', 'bench', 'results', 'latest.json')}`);
  return sections.some((s) => s.pages.some((p) => p.id !== 'reference' && p.status === 'ok')) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('[bench] cannot run:', error);
    process.exit(1);
  },
);
