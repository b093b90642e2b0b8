import { For, Show } from 'solid-js';
import type { Problem } from './protocol';

/**
 * Build problems as the author fixes them: where (file, line, column), which
 * field, what is wrong and, for a misquote, the source's closest passage.
 * A step that lacks a camera gets one from the live map, if asked.
 */
export function ProblemList(props: { problems: readonly Problem[]; onUseView?: ((stepId: string) => void) | undefined }) {
  return (
    <Show when={props.problems.length > 0}>
      <ul class="sm-author-problems" lang="en">
        <For each={props.problems}>
          {(p) => (
            <li class="sm-author-problem" data-problem-field={p.field}>
              <p class="sm-author-problem__where">
                <code>{p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file}</code>
                <Show when={p.field}>
                  {' '}
                  <code class="sm-author-problem__field">{p.field}</code>
                </Show>
              </p>
              <p class="sm-author-problem__message">{p.message}</p>
              <Show when={p.closest}>
                {(closest) => (
                  <figure class="sm-author-problem__closest">
                    <figcaption>Closest passage in the source</figcaption>
                    <blockquote>{closest()}</blockquote>
                  </figure>
                )}
              </Show>
              <Show when={props.onUseView && p.step?.id && p.field === `steps[${p.step.index}].camera`}>
                <button type="button" class="sm-author__button" onClick={() => props.onUseView!(p.step!.id!)}>
                  Use the map's view as its camera
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
