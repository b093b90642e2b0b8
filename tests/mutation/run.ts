/**
 * `npm run test:mutation`: Stryker mutates the pure core and runs the unit tests that cover each
 * mutant (stryker.config.json, vitest.config.ts here), then prints the score per module. It fails
 * below the config's `thresholds.break`. Extra arguments go to Stryker (`-- --mutate src/map/style.ts`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureInstalled } from '../bench/install';
import { moduleScores, type MutationReport } from './summary';

const here = import.meta.dirname;
const repo = resolve(here, '../..');

ensureInstalled(here, 'mutation');
const reportFile = join(here, 'reports/mutation.json');
// A run that stops early writes no report: the summary must not be the last run's.
rmSync(reportFile, { force: true });
const started = Date.now();
// Property tests at a fiftieth of their cases: each runs once per mutant it covers.
const env = { ...process.env, PROPERTY_RUNS: process.env.PROPERTY_RUNS ?? '0.02' };
// The machine is shared while developing: STRYKER_CONCURRENCY=1 keeps it to one test runner.
const concurrency = process.env.STRYKER_CONCURRENCY ? ['--concurrency', process.env.STRYKER_CONCURRENCY] : [];
const stryker = join(here, 'node_modules/@stryker-mutator/core/bin/stryker.js');
const args = [stryker, 'run', 'tests/mutation/stryker.config.json', ...concurrency, ...process.argv.slice(2)];
const { status } = spawnSync(process.execPath, args, { cwd: repo, env, stdio: 'inherit' });

if (existsSync(reportFile)) {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as MutationReport;
  console.log('\nMutation score per module (killed or timed out, of the mutants tested; static ones ignored):');
  for (const row of moduleScores(report)) {
    console.log(`  ${row.module.padEnd(24)} ${row.score.toFixed(1).padStart(5)} %  (${row.detected} of ${row.valid}; ${row.ignored} ignored)`);
  }
}
console.log(`\n${((Date.now() - started) / 60_000).toFixed(1)} min`);
process.exit(status ?? 1);
