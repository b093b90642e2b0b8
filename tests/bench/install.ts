/**
 * Installs the benchmark's own dependencies (`tests/bench/package.json`) the
 * first time `npm run bench` runs, so readers' and CI's `npm ci` never fetch
 * the MapLibre versions only the comparison uses.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const BENCH_DIR = import.meta.dirname;
export const BENCH_MODULES = join(BENCH_DIR, 'node_modules');

export function ensureBenchInstalled(): void {
  if (existsSync(join(BENCH_MODULES, 'maplibre-gl-v4', 'package.json')) && existsSync(join(BENCH_MODULES, 'maplibre-gl-v5', 'package.json'))) return;
  process.stderr.write('[bench] installing the benchmark\'s own dependencies (tests/bench/package.json)…\n');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: BENCH_DIR, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm ci in tests/bench failed');
}
