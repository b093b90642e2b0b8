import { For, Show } from 'solid-js';
import type { Excerpt, Lang, Place, Source } from '../story/model';
import { paragraphRanges, segments } from '../story/highlight';
import { Dialog } from './Dialog';
import { formatDate, ui } from './i18n';

export interface ExcerptPanelProps {
  place: Place | undefined;
  excerpts: readonly Excerpt[];
  sources: readonly Source[];
  lang: Lang;
  idPrefix: string;
  returnFocus: HTMLElement | undefined;
  onClose(): void;
  onReadSource(excerpt: Excerpt, opener: HTMLElement): void;
}

/** What the sources say about one place: every passage naming it, with its source and date. */
export function ExcerptPanel(props: ExcerptPanelProps) {
  const t = () => ui(props.lang);
  const titleId = () => `${props.idPrefix}-excerpts-title`;
  const sourceOf = (id: string) => props.sources.find((s) => s.id === id);
  return (
    <Dialog
      open={props.place !== undefined}
      onClose={props.onClose}
      labelledBy={titleId()}
      returnFocus={props.returnFocus}
      class="sm-excerpts"
      closeLabel={t().close}
    >
      <Show when={props.place}>
        {(place) => (
          <>
            <p class="sm-kicker">{t().excerptsAbout}</p>
            <h2 id={titleId()}>{place().name[props.lang]}</h2>
            <p class="sm-note">{props.excerpts.length > 0 ? t().excerptsIntro(props.excerpts.length) : t().noExcerpts}</p>
            <Show when={place().note?.[props.lang]}>
              {(note) => (
                <aside class="sm-context" aria-label={t().context}>
                  <p>
                    <strong>{t().context}: </strong>
                    {note()}
                  </p>
                </aside>
              )}
            </Show>
            <ol class="sm-excerpts__list">
              <For each={props.excerpts}>
                {(excerpt) => {
                  const source = sourceOf(excerpt.source);
                  const text = source?.text ?? '';
                  const range = paragraphRanges(text)[excerpt.paragraph] ?? { start: 0, end: 0 };
                  const parts = segments(
                    text,
                    range,
                    excerpt.matches.map(([start, end]) => ({ start: range.start + start, end: range.start + end })),
                  );
                  return (
                    <li>
                      <figure class="sm-quote">
                        <blockquote lang={source?.language}>
                          <p>
                            <For each={parts}>{(part) => (part.marked ? <mark>{part.text}</mark> : part.text)}</For>
                          </p>
                        </blockquote>
                        <figcaption>
                          <Show when={source}>
                            {(s) => (
                              <>
                                <span class="sm-quote__source">{s().label[props.lang]}</span>
                                {' · '}
                                <time datetime={s().date}>{formatDate(s().date, props.lang)}</time>
                              </>
                            )}
                          </Show>{' '}
                          <button
                            type="button"
                            class="sm-link-button"
                            onClick={(e) => props.onReadSource(excerpt, e.currentTarget)}
                          >
                            {t().readSource}
                          </button>
                        </figcaption>
                      </figure>
                    </li>
                  );
                }}
              </For>
            </ol>
          </>
        )}
      </Show>
    </Dialog>
  );
}
