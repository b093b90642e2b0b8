/**
 * Does a build run under the strict Content-Security-Policy the project
 * deploys? One page load with the policy sent as a header; a MapLibre whose
 * worker starts from a blob: URL is refused by `worker-src 'self'`.
 */
import { launch } from '../chromium';
import { installProbe, NAME_SHIM, type BenchWindow } from './probe';
import { startStaticServer } from './staticServer';
import { BENCH_PAGE } from './storyInfo';

/** The project's policy (tests/csp.test.ts, README "Security"). */
export const STRICT_POLICY =
  "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";

export interface CspResult {
  /** The map reached its first idle under the policy. */
  mapPainted: boolean;
  /** The map container's data-map-status at the end. */
  status: string | null;
  /** Violations reported by the page ("directive blocked-URI"). */
  violations: string[];
}

/** Serve `root` with the strict policy and see whether the map paints; at most `timeoutMs`. */
export async function checkCsp(root: string, timeoutMs = 30_000): Promise<CspResult> {
  const server = await startStaticServer({ root, headers: { 'content-security-policy': STRICT_POLICY }, page: BENCH_PAGE });
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    await page.addInitScript(NAME_SHIM);
    await page.addInitScript(installProbe);
    await page.addInitScript(() => {
      const w = window as unknown as { violations: string[] };
      w.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    await page.goto(server.page, { waitUntil: 'load', timeout: timeoutMs });
    // Stop early once a worker is refused: without its worker MapLibre never loads, so waiting is pointless.
    await page
      .waitForFunction(
        () =>
          (window as unknown as BenchWindow).__bench.data.mapIdle !== null ||
          (window as unknown as { violations: string[] }).violations.some((v) => v.startsWith('worker-src')),
        undefined,
        { timeout: timeoutMs, polling: 100 },
      )
      .catch(() => undefined);
    const mapPainted = await page.evaluate(() => (window as unknown as BenchWindow).__bench.data.mapIdle !== null);
    return await page.evaluate((mapPainted) => {
      const violations = [...new Set((window as unknown as { violations: string[] }).violations)];
      const status = document.querySelector('.sm-map')?.getAttribute('data-map-status') ?? null;
      return { mapPainted, status, violations };
    }, mapPainted);
  } finally {
    await browser.close();
    await server.close();
  }
}
