/**
 * Installs the benchmark's own dependencies (`tests/bench/package.json`) the
 * first time `npm run bench` runs, so readers' and CI's `npm ci` never fetch
 * the MapLibre versions only the comparison uses.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const BENCH_DIR = import.meta.dirname;
export const BENCH_MODULES = join(BENCH_DIR, 'node_modules');

/** Every dependency of package.json here: a new one (after a pull) installs them again. */
const dependencies = () => Object.keys((JSON.parse(readFileSync(join(BENCH_DIR, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies);

export function ensureBenchInstalled(): void {
  if (dependencies().every((name) => existsSync(join(BENCH_MODULES, name, 'package.json')))) return;
  process.stderr.write('[bench] installing the benchmark\'s own dependencies (tests/bench/package.json)…\n');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: BENCH_DIR, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm ci in tests/bench failed');
}
