import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';
import { storyPlugin } from './src/build/storyPlugin';

const root = import.meta.dirname;

export default defineConfig({
  plugins: [solid(), storyPlugin(root)],
  build: {
    target: 'es2022',
    // MapLibre is one large chunk by nature; the app's own chunks stay small.
    chunkSizeWarningLimit: 1200,
  },
  test: {
    // Set here so vite-plugin-solid does not default the whole run to jsdom; DOM tests opt into happy-dom.
    environment: 'node',
    // The JSON report gives CI its closing "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'geo/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/serve.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
