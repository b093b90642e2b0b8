/**
 * `npm run new-story -- <id> [language …]`: scaffolds `stories/<id>/`, a
 * story that builds and renders at once — one step, one placeholder source
 * marked as such — for the author to fill in. Refuses an existing or
 * malformed id.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { catalogueFor } from '../ui/catalogues/index';
import { listStories, RESERVED_IDS, storiesDir } from './loadStory';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The files of a new story, by path relative to its folder. */
export function scaffold(id: string, languages: readonly string[], month: string): Record<string, string> {
  const text = (value: (lang: string) => string) => languages.map((l) => `    ${l}: ${value(l)}`).join('\n');
  const placeholder = 'This is a placeholder source. Replace this file with the article your story quotes, word for word.';
  return {
    'sources/placeholder.txt': `date ${month} ${placeholder}\n`,
    'story.yaml': `# yaml-language-server: $schema=../.story.schema.json
# A new story. See README.md, "Writing a story": replace the placeholder
# source with your articles (verbatim), then write the steps. Every quote
# must occur word for word in its source; the build checks it.

id: ${id}
languages: [${languages.join(', ')}]

title:
${text(() => 'A new story')}

intro:
${text(() => 'One sentence on what this story tells.')}

sources:
  - id: placeholder
    file: sources/placeholder.txt
    date: ${month}
    language: ${languages[0]}
    label:
${text(() => 'Placeholder source — replace it').replace(/^ {4}/gm, '      ')}

# Map features (routes, arcs, lines, areas) go here; see README.md.
features: []

steps:
  - id: start
    date: ${month}
    title:
${text(() => 'The first step').replace(/^ {4}/gm, '      ')}
    text:
${text(() => 'What happened here, in the words of the sources.').replace(/^ {4}/gm, '      ')}
    camera: { center: [0, 20], zoom: 1.5 }
    places: []
    citations:
      - source: placeholder
        quote: This is a placeholder source.
${languages.length > 1 ? `        translation:\n${languages.slice(1).map((l) => `          ${l}: This is a placeholder source.`).join('\n')}\n` : ''}`,
  };
}

/** Create the story folder; returns its path, or throws an Error whose message says what is wrong. */
export function newStory(root: string, id: string | undefined, languages: readonly string[], now = new Date()): string {
  if (!id) throw new Error('usage: npm run new-story -- <id> [language …]   (e.g. npm run new-story -- election-night en nl)');
  if (!ID.test(id)) throw new Error(`"${id}" is not a story id: use lower-case letters, digits and single hyphens (e.g. "election-night")`);
  if (RESERVED_IDS.has(id)) throw new Error(`"${id}" is reserved for the site's own files; choose another id`);
  const dir = join(storiesDir(root), id);
  if (existsSync(dir)) throw new Error(`${relative(root, dir)} already exists: choose another id, or edit that story`);
  const missing = languages.filter((l) => !catalogueFor(l));
  if (missing.length > 0) throw new Error(`no interface catalogue for ${missing.join(', ')}: see README.md, "Languages"`);
  // Another folder may declare the id; a folder that does not parse yet is the build's to report, not ours.
  const taken = (() => {
    try {
      return listStories(root).includes(id);
    } catch {
      return false;
    }
  })();
  if (taken) throw new Error(`a story with id "${id}" already exists`);
  const month = now.toISOString().slice(0, 7);
  mkdirSync(join(dir, 'sources'), { recursive: true });
  for (const [file, content] of Object.entries(scaffold(id, languages.length > 0 ? languages : ['en'], month))) writeFileSync(join(dir, file), content);
  return dir;
}

if (process.argv[1]?.endsWith('newStory.ts')) {
  const [id, ...languages] = process.argv.slice(2);
  try {
    const dir = newStory(process.cwd(), id, languages);
    console.log(`Created ${relative(process.cwd(), dir)}/ — run \`npm run dev\` and open /${id}/ to see it and frame its steps in author mode.`);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
