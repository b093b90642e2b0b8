/**
 * `npm run bench`: builds the site, serves it on 127.0.0.1 with gzip, and
 * measures cold loads and a scroll through the story in headless Chromium,
 * for the current MapLibre and, on request, the candidate versions. Prints
 * a table and writes every run to tests/bench/results/. See README.md here.
 *
 * A benchmark, not a test: it never fails on a number. It exits non-zero
 * only when it cannot measure at all (bad options, no Chromium, nothing ran).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../browser';
import { parseArgs, USAGE, type BenchArgs } from './args';
import { buildVariant } from './build';
import { ensureBenchInstalled } from './install';
import { checkCsp } from './cspCheck';
import { describeMachine } from './machine';
import { measureLoad, measureRun, type RunMetrics } from './measureRun';
import { LOAD_METRICS, METRICS, summarise } from './metrics';
import { buildReference } from './reference/build';
import { renderTable, type BenchReport, type ReferenceReport, type VariantReport } from './report';
import { startStaticServer } from './staticServer';
import { BENCH_PAGE, readStorySteps } from './storyInfo';
import type { Variant } from './variants';

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

/** Build, serve and measure one variant; failures become part of its report, not exceptions. */
async function benchVariant(variant: Variant, args: BenchArgs): Promise<VariantReport> {
  const report: VariantReport = {
    id: variant.id,
    label: variant.label,
    packageName: variant.packageName,
    version: packageVersion(variant.packageName),
    outDir: variant.outDir,
    build: null,
    status: 'failed',
    runs: [],
    failedRuns: [],
    summary: null,
    blobWorker: null,
    workers: [],
    csp: null,
  };
  if (args.build) {
    progress(`${variant.id}: building (${variant.aliases ? 'Vite build() with aliases' : 'npx vite build'})…`);
    report.build = await buildVariant(variant);
    progress(`${variant.id}: build ${report.build.ok ? 'done' : 'FAILED'} in ${(report.build.ms / 1000).toFixed(1)} s`);
    if (!report.build.ok) {
      report.reason = `build failed: ${report.build.outputTail.trim().split('\n').slice(-3).join(' / ')}`;
      return report;
    }
  }
  if (!existsSync(join(variant.outDir, 'index.html'))) {
    report.reason = `no build in ${variant.outDir} (run without --no-build)`;
    return report;
  }
  const steps = readStorySteps(variant.outDir);
  const server = await startStaticServer({ root: variant.outDir, network: args.network, page: BENCH_PAGE });
  try {
    for (let i = 1; i <= args.runs; i++) {
      try {
        const run: RunMetrics = await measureRun({ server, steps, pauseMs: args.pauseMs, browser: args.browser });
        report.runs.push(run);
        progress(`${variant.id}: run ${i}/${args.runs}: map idle at ${run.mapIdleMs?.toFixed(0)} ms, run took ${(run.wallMs / 1000).toFixed(1)} s`);
      } catch (error) {
        report.failedRuns.push(errorText(error));
        progress(`${variant.id}: run ${i}/${args.runs} FAILED: ${errorText(error)}`);
        // A variant that cannot run once will not run on the next try either: don't spend minutes on timeouts.
        if (report.runs.length === 0) break;
      }
    }
  } finally {
    await server.close();
  }
  if (report.runs.length === 0) {
    report.reason = report.failedRuns[0] ?? 'no run completed';
    return report;
  }
  report.status = 'ok';
  report.summary = summarise(report.runs, METRICS);
  report.workers = report.runs[0]!.workers;
  report.blobWorker = report.workers.some((w) => w.url.startsWith('blob:'));
  progress(`${variant.id}: checking under the strict CSP…`);
  report.csp = await checkCsp(variant.outDir).catch((error: unknown) => {
    progress(`${variant.id}: CSP check failed: ${errorText(error)}`);
    return null;
  });
  return report;
}

/** The reference template's loads, built from the story in `storyDist` (a build of the app). */
async function benchReference(args: BenchArgs, storyDist: string): Promise<ReferenceReport> {
  const report: ReferenceReport = {
    label: `template reproduction, MapLibre ${packageVersion('maplibre-gl-v4')} UMD`,
    status: 'failed',
    runs: [],
    failedRuns: [],
    summary: null,
  };
  let root: string;
  try {
    root = buildReference(storyDist);
  } catch (error) {
    report.reason = `could not build it: ${errorText(error)}`;
    return report;
  }
  const server = await startStaticServer({ root, network: args.network });
  try {
    for (let i = 1; i <= args.runs; i++) {
      try {
        const run = await measureLoad({ server, browser: args.browser });
        report.runs.push(run);
        progress(`reference: run ${i}/${args.runs}: map idle at ${run.mapIdleMs?.toFixed(0)} ms`);
      } catch (error) {
        report.failedRuns.push(errorText(error));
        progress(`reference: run ${i}/${args.runs} FAILED: ${errorText(error)}`);
        if (report.runs.length === 0) break;
      }
    }
  } finally {
    await server.close();
  }
  if (report.runs.length === 0) {
    report.reason = report.failedRuns[0] ?? 'no run completed';
    return report;
  }
  report.status = 'ok';
  report.summary = summarise(report.runs, LOAD_METRICS);
  return report;
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

  const variants: VariantReport[] = [];
  for (const variant of args.variants) variants.push(await benchVariant(variant, args));
  const reference = args.reference ? await benchReference(args, join(repo, 'dist')) : null;

  const report: BenchReport = {
    machine,
    settings: { runs: args.runs, pauseMs: args.pauseMs, viewport: VIEWPORT, variants: args.variants.map((v) => v.id), browser: args.browser, network: args.network?.label ?? 'none' },
    variants,
    reference,
    wallMs: performance.now() - started,
  };
  mkdirSync(resultsDir, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  writeFileSync(join(resultsDir, 'latest.json'), json);
  writeFileSync(join(resultsDir, `bench-${machine.date.replace(/[:.]/g, '-')}.json`), json);
  console.log(renderTable(report));
  progress(`results: ${join('tests', 'bench', 'results', 'latest.json')}`);
  return variants.some((v) => v.status === 'ok') ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('[bench] cannot run:', error);
    process.exit(1);
  },
);
