/**
 * Author mode, started by the story page in the dev server only (`src/main.tsx`
 * imports this behind `import.meta.env.DEV`, which the build removes). The
 * story module the dev server made (`src/build/authorPlugin.ts`) carries the
 * files' hashes and the build problems in its export `author`.
 */
import stories from 'virtual:stories';
import { render } from 'solid-js/web';
import type { Story } from '../story/model';
import type { StoryTools } from '../ui/App';
import { loadCatalogues } from '../ui/i18n';
import { TOKEN_META, type AuthorMeta } from './protocol';
import { createSession } from './session';
import { AuthorBar } from './AuthorBar';
import { StepTools } from './StepTools';
import { ErrorPage } from './ErrorPage';
import './author.css';

/**
 * The story to show and the tools to lay out with it; null when the story
 * has never built (the page then shows its problems instead); undefined when
 * the module carries nothing for authors.
 */
export async function startAuthor(container: HTMLElement, id: string): Promise<{ story: Story; tools: StoryTools } | null | undefined> {
  // The dev server's story module: the story (null while it does not build), the last version that built, and `author`.
  const mod = (await stories[id]!()) as unknown as { default: Story | null; lastGood?: Story | null; author?: AuthorMeta };
  const meta = mod.author;
  if (!meta) return undefined;
  const story = mod.default ?? mod.lastGood;
  if (!story) {
    container.classList.add('sm-root');
    render(() => <ErrorPage id={id} problems={meta.problems} />, container);
    return null;
  }
  await loadCatalogues(story.languages);
  const token = document.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META}"]`)?.content ?? '';
  const session = createSession({ id, story, meta, token });
  return {
    story,
    tools: {
      header: () => <AuthorBar session={session} />,
      step: (step, _index, active) => <StepTools session={session} step={step} active={active} />,
    },
  };
}
