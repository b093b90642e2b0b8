/** Command-line options of `npm run bench`. */
import type { BrowserCondition } from './measureRun';
import { MOBILE, type NetworkProfile } from './network';
import type { Variant } from './variants';
import { selectVariants } from './variants';

export interface BenchArgs {
  runs: number;
  variants: Variant[];
  /** Measure the builds already on disk instead of building. */
  build: boolean;
  pauseMs: number;
  browser: BrowserCondition;
  /** The connections to measure on, in turn; null: served as fast as the machine can. */
  networks: Array<NetworkProfile | null>;
  /** Also measure the reference template (reference/), alternating with the story. */
  reference: boolean;
}

export const USAGE = `npm run bench -- [--runs N] [--maplibre v6|v5|v4|all|<ids,…>] [--browser running|started] [--network both|none|mobile] [--pause MS] [--no-reference] [--no-build]

  --runs N        cold runs per page and connection (default 3), the story and the template alternating
  --maplibre X    which MapLibre to measure (default v6, the current one);
                  v5 and v4 measure both their default (UMD) bundle and their CSP build;
                  ids: v6, v5, v5-csp, v4, v4-csp
  --browser B     running (default): the page is opened in a Chromium that has finished starting up;
                  started: the moment Chromium has started (its own start-up competes with the page)
  --network N     both (default): none, then mobile;
                  none: served as fast as this machine can;
                  mobile: every response waits 150 ms, all share 1.6 Mbit/s (Lighthouse's mobile throttling)
  --pause MS      pause on each step while scrolling through (default 300)
  --no-reference  skip the reference template (a reproduction, see README.md here): no ratios
  --no-build      measure the existing builds (tests/bench/.dist-*)`;

const positiveInt = (flag: string, text: string | undefined) => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive whole number, got "${text ?? ''}"`);
  return n;
};

const browserCondition = (text: string | undefined): BrowserCondition => {
  if (text === 'running' || text === 'started') return text;
  throw new Error(`--browser is running or started, got "${text ?? ''}"`);
};

const networkProfiles = (text: string | undefined): Array<NetworkProfile | null> => {
  if (text === 'both') return [null, MOBILE];
  if (text === 'none') return [null];
  if (text === 'mobile') return [MOBILE];
  throw new Error(`--network is both, none or mobile, got "${text ?? ''}"`);
};

/** Parse argv (without node and the script); throws with a message on anything unknown. */
export function parseArgs(argv: readonly string[]): BenchArgs | 'help' {
  const args: BenchArgs = { runs: 3, variants: selectVariants('v6'), build: true, pauseMs: 300, browser: 'running', networks: [null, MOBILE], reference: true };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--help' || flag === '-h') return 'help';
    else if (flag === '--runs') args.runs = positiveInt(flag, value());
    else if (flag === '--maplibre') args.variants = selectVariants(value() ?? '');
    else if (flag === '--pause') args.pauseMs = positiveInt(flag, value());
    else if (flag === '--no-build') args.build = false;
    else if (flag === '--no-reference') args.reference = false;
    else if (flag === '--browser') args.browser = browserCondition(value());
    else if (flag === '--network') args.networks = networkProfiles(value());
    else throw new Error(`unknown option "${argv[i]}"`);
  }
  return args;
}
