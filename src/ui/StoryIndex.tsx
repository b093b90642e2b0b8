import { For } from 'solid-js';
import type { Story } from '../story/model';
import { formatDate, ui } from './i18n';
import { embedSnippets, EXAMPLE_BASE } from '../embed/snippets';

const span = (story: Story, lang: string) => {
  const start = story.steps[0]!.date.split('/')[0]!;
  const end = story.steps.at(-1)!.date.split('/').at(-1)!;
  return formatDate(start === end ? start : `${start}/${end}`, lang);
};

/** The site's front page: every story with its title, intro, dates, languages, link and embed code. */
export function StoryIndex(props: { stories: readonly Story[] }) {
  const t = ui('en');
  return (
    <>
      <header class="sx-header">
        <h1>{t.storiesTitle}</h1>
        <p>{t.storiesIntro}</p>
      </header>
      <ul class="sx-list">
        <For each={props.stories}>
          {(story) => {
            const lang = story.languages[0]!;
            const code = embedSnippets(story, EXAMPLE_BASE, ui(lang));
            return (
              <li class="sx-story" data-story={story.id} lang={lang}>
                <h2>
                  <a href={`./${story.id}/`}>{story.title[lang]}</a>
                </h2>
                <p class="sx-meta" lang="en">
                  <time>{span(story, 'en')}</time> · {t.languages}:{' '}
                  {story.languages.map((l) => ui(l).languageName).join(', ')} · {story.steps.length} steps
                </p>
                <p>{story.intro[lang]}</p>
                <details lang="en">
                  <summary>{t.embedCode}</summary>
                  <pre>
                    <code data-embed="element">{code.element}</code>
                  </pre>
                  <pre>
                    <code data-embed="iframe">{code.iframe}</code>
                  </pre>
                </details>
              </li>
            );
          }}
        </For>
      </ul>
    </>
  );
}
