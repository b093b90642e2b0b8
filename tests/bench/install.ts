/**
 * Installs a folder's own package (package.json and lock beside its command) the first time the
 * command runs, so readers' and CI's `npm ci` never fetch what only that command uses: the
 * benchmark's MapLibre versions here, Stryker for `npm run test:mutation`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const BENCH_DIR = import.meta.dirname;
export const BENCH_MODULES = join(BENCH_DIR, 'node_modules');

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** Every dependency at the version its lock names: one added or upgraded (after a pull) installs them again. */
function installed(dir: string): boolean {
  const { dependencies } = readJson<{ dependencies: Record<string, string> }>(join(dir, 'package.json'));
  const { packages } = readJson<{ packages: Record<string, { version?: string }> }>(join(dir, 'package-lock.json'));
  return Object.keys(dependencies).every((name) => {
    const file = join(dir, 'node_modules', name, 'package.json');
    return existsSync(file) && readJson<{ version: string }>(file).version === packages[`node_modules/${name}`]?.version;
  });
}

export function ensureInstalled(dir: string, tag: string): void {
  if (installed(dir)) return;
  process.stderr.write(`[${tag}] installing its own dependencies (${relative(process.cwd(), join(dir, 'package.json'))})…\n`);
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm ci in ${dir} failed`);
}

export const ensureBenchInstalled = (): void => ensureInstalled(BENCH_DIR, 'bench');
