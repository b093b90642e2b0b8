import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';
import { storyPlugin } from './src/build/storyPlugin';
import { authorPlugin } from './src/build/authorPlugin';
import { embedHostPlugin } from './src/build/embedHostPlugin';
import { catalogueChunk, prerenderPlugin, storyChunkDir } from './src/build/prerenderPlugin';
import { budgetPlugin } from './src/build/budgetPlugin';
import { licensesPlugin } from './src/build/licenses';
import { preloadPlugin } from './src/build/preloadPlugin';

const repo = import.meta.dirname;

/**
 * MapLibre in chunks of its own: measured and cached apart from the app. Its CSS apart from its JS:
 * the pages and the inline element import the CSS statically (as a file, or as a string for the
 * Shadow DOM), and in MapLibre's JS chunk it would make that whole 1 MB chunk a static import,
 * evaluated before the page's own script runs.
 */
export function mapLibreChunk(id: string): string {
  if (/\.css\?inline$/.test(id)) return 'maplibre-css-inline';
  if (/\.css($|\?)/.test(id)) return 'maplibre-css';
  return 'maplibre';
}

export default defineConfig(({ mode }) => ({
  // The pages live in src/ so the repository's top level stays data and config.
  root: resolve(repo, 'src'),
  publicDir: resolve(repo, 'public'),
  // Relative URLs, so the built site and its embeds work from any folder or host.
  base: './',
  // Hydratable output for the prerendered page; plain client code under Vitest, whose DOM tests need Solid's browser build.
  plugins: [solid({ ssr: mode !== 'test' }), storyPlugin(repo), authorPlugin(repo), embedHostPlugin(repo), prerenderPlugin(repo), preloadPlugin(), licensesPlugin(repo), budgetPlugin()],
  build: {
    outDir: resolve(repo, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    // MapLibre is one large chunk by nature; the app's own chunks stay small.
    chunkSizeWarningLimit: 1200,
    // Every browser that runs the story's modules preloads them (Safari 17, Firefox 115): no polyfill to download.
    modulePreload: { polyfill: false },
    rollupOptions: {
      // Rolldown reports plugin time over most of a build; ours is the prerender and the story checks by design.
      checks: { bundlerTimings: false },
      input: {
        // The front page, the story page template (one page per story is made from it), the iframe page, and
        // the inline element, which `embed.js` (built by embedHostPlugin, with the name embedders link to) loads.
        index: resolve(repo, 'src/index.html'),
        story: resolve(repo, 'src/story.html'),
        frame: resolve(repo, 'src/embed.html'),
        element: resolve(repo, 'src/embed/element.tsx'),
      },
      output: {
        manualChunks: (id) => (id.includes('/node_modules/maplibre-gl/') ? mapLibreChunk(id) : undefined),
        entryFileNames: 'assets/[name]-[hash].js',
        // Each story's data in a folder of its own, so a page preloads and budgets only its own story.
        chunkFileNames: (chunk) => {
          const story = /^\0virtual:story\/(.+)$/.exec(chunk.facadeModuleId ?? '')?.[1];
          const catalogue = /\/src\/ui\/catalogues\/([\w-]+)\.ts$/.exec(chunk.facadeModuleId ?? '')?.[1];
          if (story) return `${storyChunkDir(story)}story-[hash].js`;
          return catalogue ? `${catalogueChunk(catalogue)}[hash].js` : 'assets/[name]-[hash].js';
        },
      },
    },
  },
  test: {
    root: repo,
    // Set here so vite-plugin-solid does not default the whole run to jsdom; DOM tests opt into happy-dom.
    environment: 'node',
    // The JSON report gives CI its closing "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root: repo,
          include: ['src/**/*.test.{ts,tsx}', 'geo/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          root: repo,
          include: ['tests/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/serve.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One more attempt for a browser test that fails on a loaded machine: broken behaviour fails both, and
          // .ci/run names every test that passed only on its retry, with its first error.
          retry: 1,
          // Two files at a time, each in its own contexts of the one shared Chromium (tests/serve.ts): while
          // one waits on a network, a build or a dev server, the other runs.
          fileParallelism: true,
          maxWorkers: 2,
          // After the unit tests, which run with the default number of workers.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
}));
