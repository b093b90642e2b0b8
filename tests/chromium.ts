/** The system's Chromium (Debian's package), WebGL through SwiftShader, and no network but 127.0.0.1. */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

const executablePath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

const BASE_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  '--no-sandbox',
];

function launchOptions(options: { webgl?: boolean }): LaunchOptions {
  if (!executablePath) throw new Error('Chromium not found: install it (apt-get install -y chromium) or set CHROMIUM_PATH');
  const gl =
    options.webgl === false
      ? ['--disable-webgl', '--disable-webgl2', '--disable-3d-apis', '--disable-gpu']
      : ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'];
  return { executablePath, headless: true, args: [...BASE_ARGS, ...gl] };
}

export async function launch(options: { webgl?: boolean } = {}): Promise<Browser> {
  return chromium.launch(launchOptions(options));
}

/** A Chromium the test files connect to (tests/serve.ts starts one for the whole run). */
export function launchServer(options: { webgl?: boolean } = {}) {
  return chromium.launchServer(launchOptions(options));
}
