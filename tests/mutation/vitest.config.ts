/**
 * The unit tests Stryker runs against each mutant: those beside the mutated modules, and the story
 * loader's, which parse whole story files through them (its property test, which repeats the
 * core's own at file level, only slows each mutant). No plugins, no browser project.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const repo = resolve(import.meta.dirname, '../..');

/** The property test and the loader's last: a mutant the first failure kills (Stryker bails) never loads them. */
const cost = (file: string) => (file.endsWith('.property.test.ts') ? 2 : file.endsWith('loadStory.test.ts') ? 1 : 0);

class QuickFirst extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return Promise.resolve([...files].sort((a, b) => cost(a.moduleId) - cost(b.moduleId)));
  }
}

export default defineConfig({
  root: repo,
  test: {
    name: 'unit',
    root: repo,
    environment: 'node',
    include: [
      'src/story/**/*.test.ts',
      'src/embed/protocol.test.ts',
      'src/map/mapState.test.ts',
      'src/map/style.test.ts',
      'src/build/loadStory.test.ts',
    ],
    sequence: { sequencer: QuickFirst },
  },
});
