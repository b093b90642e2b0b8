/** The score per module from Stryker's JSON report (mutation-testing-report-schema). */

export interface MutationReport {
  files: Record<string, { mutants: { status: string }[] }>;
}

export interface ModuleScore {
  module: string;
  detected: number;
  valid: number;
  /** Static mutants (run only while a module loads), which `ignoreStatic` leaves out. */
  ignored: number;
  score: number;
}

/** The README's rows: the story folder as one module, every other mutated file as its own. */
export const moduleOf = (file: string): string => (file.startsWith('src/story/') ? 'src/story' : file);

// Stryker's mutation score: what no test can reach counts against it; errors and ignored ones do not.
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

export function moduleScores(report: MutationReport): ModuleScore[] {
  const rows = new Map<string, ModuleScore>();
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const module = moduleOf(file);
    const row = rows.get(module) ?? { module, detected: 0, valid: 0, ignored: 0, score: 0 };
    for (const { status } of mutants) {
      if (DETECTED.has(status)) row.detected++;
      if (DETECTED.has(status) || UNDETECTED.has(status)) row.valid++;
      if (status === 'Ignored') row.ignored++;
    }
    rows.set(module, row);
  }
  const all: ModuleScore = { module: 'total', detected: 0, valid: 0, ignored: 0, score: 0 };
  for (const row of rows.values()) {
    all.detected += row.detected;
    all.valid += row.valid;
    all.ignored += row.ignored;
  }
  return [...rows.values(), all]
    .map((row) => ({ ...row, score: row.valid ? (100 * row.detected) / row.valid : 100 }))
    .sort((a, b) => (a.module === 'total' ? 1 : b.module === 'total' ? -1 : a.module.localeCompare(b.module)));
}
