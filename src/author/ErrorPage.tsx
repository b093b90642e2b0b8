import { For, Show } from 'solid-js';
import type { Problem } from './protocol';
import { ProblemList } from './ProblemList';

/**
 * The page of a story that has not built since the dev server started: its
 * problems, grouped by the step (as written in the file) they are in. It
 * reloads by itself when a story file is saved.
 */
export function ErrorPage(props: { id: string; problems: readonly Problem[] }) {
  const steps = () => [...new Set(props.problems.flatMap((p) => (p.step ? [p.step.index] : [])))].sort((a, b) => a - b);
  const general = () => props.problems.filter((p) => !p.step);
  return (
    <main class="sm-author-page" lang="en">
      <h1>“{props.id}” does not build yet</h1>
      <p role="alert">
        {props.problems.length === 1 ? 'One problem' : `${props.problems.length} problems`} to fix before the story can be shown. Save the file and this page
        reloads by itself.
      </p>
      <Show when={general().length > 0}>
        <section aria-labelledby="sm-author-general">
          <h2 id="sm-author-general">The story</h2>
          <ProblemList problems={general()} />
        </section>
      </Show>
      <For each={steps()}>
        {(index) => {
          const problems = () => props.problems.filter((p) => p.step?.index === index);
          const label = () => `Step ${index + 1}${problems()[0]?.step?.id ? ` “${problems()[0]!.step!.id}”` : ''}`;
          return (
            <section class="sm-author-page__step" data-author-step={problems()[0]?.step?.id} aria-label={label()}>
              <h2>{label()}</h2>
              <ProblemList problems={problems()} />
            </section>
          );
        }}
      </For>
    </main>
  );
}
