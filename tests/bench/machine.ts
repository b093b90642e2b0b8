/**
 * A note of the machine and the moment, so numbers from different runs can
 * be told apart: timings only compare on the same machine under the same load.
 */
import { execFileSync } from 'node:child_process';
import { cpus, freemem, loadavg, release, totalmem, type as osType } from 'node:os';
import { join } from 'node:path';

export interface Machine {
  date: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  freeMemoryGiB: number;
  os: string;
  node: string;
  chromium: string;
  /** 1-minute load average when the benchmark started: other work on the machine skews timings. */
  loadAverage: number;
  /** The commit measured, and whether the working tree differed from it. */
  git: { commit: string; dirty: boolean } | null;
}

const GiB = 1024 ** 3;

function gitState(): Machine['git'] {
  const cwd = join(import.meta.dirname, '..', '..');
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd, encoding: 'utf8' }).trim() !== '';
    return { commit, dirty };
  } catch {
    return null;
  }
}

/** Describe this machine; `chromium` is the browser's version string. */
export function describeMachine(chromium: string): Machine {
  const cpuList = cpus();
  return {
    date: new Date().toISOString(),
    cpu: cpuList[0]?.model.trim() ?? 'unknown',
    cores: cpuList.length,
    memoryGiB: Math.round((totalmem() / GiB) * 10) / 10,
    freeMemoryGiB: Math.round((freemem() / GiB) * 10) / 10,
    os: `${osType()} ${release()}`,
    node: process.version,
    chromium,
    loadAverage: Math.round(loadavg()[0]! * 100) / 100,
    git: gitState(),
  };
}
