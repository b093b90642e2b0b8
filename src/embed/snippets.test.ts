import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { nl } from '../ui/catalogues/nl';
import { EXAMPLE_BASE, embedSnippets } from './snippets';

const repo = join(import.meta.dirname, '../..');
const flagship = parse(readFileSync(join(repo, 'stories/trump-kim-summits/story.yaml'), 'utf8')) as {
  id: string;
  languages: string[];
  title: Record<string, string>;
};

describe('embedSnippets', () => {
  const code = embedSnippets(flagship, EXAMPLE_BASE, nl);

  it('puts a link to the story inside the element, and a title and a link after the iframe', () => {
    expect(code.element).toMatch(
      /^<script defer src="https:\/\/stories\.example\.org\/maps\/embed\.js"><\/script>\n<story-map story="trump-kim-summits" lang="nl">\n {2}<a href="https:\/\/stories\.example\.org\/maps\/trump-kim-summits\/">Lees het hele verhaal: Twee uur naar huis<\/a>\n<\/story-map>$/,
    );
    expect(code.iframe).toContain('<iframe title="Verhaalkaart: Twee uur naar huis" src="https://stories.example.org/maps/embed.html?story=trump-kim-summits&amp;lang=nl"');
    expect(code.iframe).toMatch(/<\/iframe>\n<p><a href="https:\/\/stories\.example\.org\/maps\/trump-kim-summits\/">Lees het hele verhaal: Twee uur naar huis<\/a><\/p>\n<script defer src="https:\/\/stories\.example\.org\/maps\/embed-host\.js"><\/script>$/);
    // The helper finds its frames: the attribute CMSs strip is not needed.
    expect(code.iframe).not.toContain('data-story-map');
  });

  it('escapes a title that looks like markup', () => {
    const hostile = embedSnippets({ id: 'x', languages: ['en'], title: { en: '"><script>alert(1)</script>' } }, EXAMPLE_BASE, nl);
    expect(hostile.element).not.toContain('<script>alert');
    expect(hostile.iframe).toContain('title="Verhaalkaart: &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('are the snippets the README gives, word for word', () => {
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    expect(readme).toContain(`\`\`\`html\n${code.element}\n\`\`\``);
    expect(readme).toContain(`\`\`\`html\n${code.iframe}\n\`\`\``);
  });
});
