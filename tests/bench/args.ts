/** Command-line options of `npm run bench`. */
import type { Variant } from './variants';
import { selectVariants } from './variants';

export interface BenchArgs {
  runs: number;
  variants: Variant[];
  /** Measure the builds already on disk instead of building. */
  build: boolean;
  pauseMs: number;
}

export const USAGE = `npm run bench -- [--runs N] [--maplibre v6|v5|v4|all|<ids,…>] [--pause MS] [--no-build]

  --runs N        cold runs per variant (default 5)
  --maplibre X    which MapLibre to measure (default v6, the current one);
                  v5 and v4 measure both their default (UMD) bundle and their CSP build;
                  ids: v6, v5, v5-csp, v4, v4-csp
  --pause MS      pause on each step while scrolling through (default 300)
  --no-build      measure the existing builds (dist/, tests/bench/.dist-*)`;

const positiveInt = (flag: string, text: string | undefined) => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive whole number, got "${text ?? ''}"`);
  return n;
};

/** Parse argv (without node and the script); throws with a message on anything unknown. */
export function parseArgs(argv: readonly string[]): BenchArgs | 'help' {
  const args: BenchArgs = { runs: 5, variants: selectVariants('v6'), build: true, pauseMs: 300 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--help' || flag === '-h') return 'help';
    else if (flag === '--runs') args.runs = positiveInt(flag, value());
    else if (flag === '--maplibre') args.variants = selectVariants(value() ?? '');
    else if (flag === '--pause') args.pauseMs = positiveInt(flag, value());
    else if (flag === '--no-build') args.build = false;
    else throw new Error(`unknown option "${argv[i]}"`);
  }
  return args;
}
