import { onCleanup, onMount, Show } from 'solid-js';
import { Portal } from 'solid-js/web';
import type { AuthorSession } from './session';
import { ProblemList } from './ProblemList';

/**
 * Author mode's bar above the story: that the page is in author mode, the
 * notices of saved and refused edits, undo, the build problems not at a step
 * the page shows — and, when the story does not build, that the page shows
 * the last version that did. It also puts a cross at the map's centre.
 */
export function AuthorBar(props: { session: AuthorSession }) {
  const s = props.session;
  let bar!: HTMLDivElement;
  let mapEl: HTMLElement | undefined;
  onMount(() => {
    const app = bar.closest<HTMLElement>('.sm-app');
    if (!app) return;
    mapEl = app.querySelector<HTMLElement>('.sm-map') ?? undefined;
    onCleanup(s.attach(app));
  });
  const count = s.meta.problems.length;
  const where = s.unplaced.length === count ? 'below' : s.unplaced.length > 0 ? 'below and at steps' : count === 1 ? 'at its step' : 'at their steps';
  return (
    <div ref={bar} class="sm-author-bar" role="region" aria-label="Author mode" lang="en">
      <div class="sm-author-bar__row">
        <p class="sm-author-bar__title">
          <strong>Author mode</strong>
        </p>
        <div class="sm-author-bar__actions">
          <button
            type="button"
            class="sm-author__button"
            disabled={!s.meta.undo || s.busy()}
            aria-keyshortcuts="Control+Z Meta+Z"
            title={s.meta.undo ? `Undo ${s.meta.undo} (Ctrl/⌘+Z)` : 'Nothing to undo'}
            onClick={() => void s.undo()}
          >
            Undo
          </button>
          <button type="button" class="sm-author__button" aria-pressed={s.hidden() ? 'true' : 'false'} onClick={() => s.setHidden(!s.hidden())}>
            Hide tools
          </button>
        </div>
      </div>
      <Show when={s.meta.stale}>
        <p class="sm-author-bar__stale" role="alert">
          The story does not build: {count === 1 ? 'one problem' : `${count} problems`}, {where}. This page shows it as it last built.
        </p>
      </Show>
      <ProblemList problems={s.unplaced} onUseView={(id) => void s.useView(id)} />
      {/* Two live regions, there from the start: saved edits are announced politely, refusals at once. */}
      <p class="sm-author-bar__notice" classList={{ 'sm-author-bar__notice--ok': s.notice()?.kind === 'ok' }} role="status">
        {s.notice()?.kind === 'ok' || s.notice()?.kind === 'info' ? s.notice()!.text : ''}
      </p>
      <p class="sm-author-bar__notice sm-author-bar__notice--error" role="alert" data-notice={s.notice()?.kind}>
        {s.notice()?.kind === 'error' || s.notice()?.kind === 'conflict' ? s.notice()!.text : ''}
      </p>
      <Show when={s.map() && !s.hidden() && mapEl}>
        <Portal mount={mapEl}>
          <div class="sm-author-cross" aria-hidden="true" />
        </Portal>
      </Show>
    </div>
  );
}
