/**
 * Builds one variant in a child process and times it: the project's own
 * `npx vite build` for the current MapLibre, `tsx buildVariant.ts <id>` for
 * the candidates (so their time includes tsx's start-up, a few hundred ms).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Variant } from './variants';

export interface BuildResult {
  ok: boolean;
  /** Wall time of the build process, ms. */
  ms: number;
  /** The command that was run. */
  command: string;
  /** The end of its output: the whole story when it failed. */
  outputTail: string;
}

const repo = join(import.meta.dirname, '..', '..');

/** Run the build of `variant`; never throws for a failing build, reports it. */
export function buildVariant(variant: Variant): Promise<BuildResult> {
  const args =
    variant.aliases === null
      ? ['vite', 'build', '--configLoader', 'runner', '--outDir', variant.outDir, '--emptyOutDir']
      : ['tsx', join('tests', 'bench', 'buildVariant.ts'), variant.id];
  const command = `npx ${args.join(' ')}`;
  const started = performance.now();
  return new Promise((resolve) => {
    // Vite 8 warns at length about the config's extension-less imports on every build; not ours to fix.
    const child = spawn('npx', args, { cwd: repo, env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const done = (ok: boolean, extra = '') =>
      resolve({ ok, ms: performance.now() - started, command, outputTail: (output + extra).split('\n').slice(-40).join('\n') });
    child.on('error', (error) => done(false, `\n${error.message}`));
    child.on('close', (code) => done(code === 0, code === 0 ? '' : `\nexit code ${code}`));
  });
}
