/**
 * Builds `dist/embed-host.js`, the helper host pages include with a classic
 * `<script src>`: it must be one self-contained IIFE with a stable name, which
 * the app's ES-module build cannot produce, so it gets its own small build.
 */
import { resolve } from 'node:path';
import { build, type Plugin } from 'vite';

export function embedHostPlugin(repo: string): Plugin {
  let outDir = resolve(repo, 'dist');
  return {
    name: 'embed-host',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        build: {
          outDir,
          emptyOutDir: false,
          target: 'es2019',
          lib: {
            entry: resolve(repo, 'src/embed/host.ts'),
            formats: ['iife'],
            name: 'StoryMapHost',
            fileName: () => 'embed-host.js',
          },
        },
      });
    },
  };
}
