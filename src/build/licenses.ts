/**
 * The licences of the code shipped to readers: every package in the runtime
 * dependency tree, with its licence and licence text, for `dist/third-party-licenses.txt`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export interface PackageLicense {
  name: string;
  version: string;
  license: string;
  text: string;
}

/** SPDX expressions readers' code may carry: permissive licences only. */
export const ALLOWED = /^\(?(MIT|ISC|BSD-2-Clause|BSD-3-Clause|Apache-2\.0|0BSD)( OR (MIT|ISC|BSD-2-Clause|BSD-3-Clause|Apache-2\.0|0BSD))*\)?$/;

function readPackage(dir: string) {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    license?: string;
    dependencies?: Record<string, string>;
  };
}

/** Walk `dependencies` (not dev) from the project's package.json, resolving as Node does from the top-level node_modules. */
export function runtimeLicenses(root: string): PackageLicense[] {
  const seen = new Map<string, PackageLicense>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    const dir = join(root, 'node_modules', name);
    if (!existsSync(join(dir, 'package.json'))) return;
    const pkg = readPackage(dir);
    const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    seen.set(name, {
      name,
      version: pkg.version,
      license: pkg.license ?? 'UNKNOWN',
      text: file ? readFileSync(join(dir, file), 'utf8').trim() : '',
    });
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep);
  };
  for (const dep of Object.keys(readPackage(root).dependencies ?? {})) visit(dep);
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function licenseNotice(packages: readonly PackageLicense[]): string {
  return packages
    .map((p) => `${p.name}@${p.version} — ${p.license}\n\n${p.text || `(the package ships no licence file; its package.json declares ${p.license})`}\n`)
    .join('\n' + '-'.repeat(72) + '\n\n');
}

/** Writes `third-party-licenses.txt` next to the built site. */
export function licensesPlugin(root: string): Plugin {
  return {
    name: 'third-party-licenses',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'third-party-licenses.txt', source: licenseNotice(runtimeLicenses(root)) });
    },
  };
}
