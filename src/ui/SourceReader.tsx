import { createEffect, createMemo, For, Show } from 'solid-js';
import type { Lang, Source } from '../story/model';
import type { TextRange } from '../story/citations';
import { paragraphRanges, segments } from '../story/highlight';
import { Dialog } from './Dialog';
import { formatDate, ui } from './i18n';

export interface SourceReaderProps {
  source: Source | undefined;
  /** The passage to highlight, as offsets into `source.text`. */
  highlight: TextRange | undefined;
  lang: Lang;
  idPrefix: string;
  returnFocus: HTMLElement | undefined;
  onClose(): void;
}

/** The full article, verbatim, with the cited passage highlighted and scrolled into view. */
export function SourceReader(props: SourceReaderProps) {
  const t = () => ui(props.lang);
  const titleId = () => `${props.idPrefix}-source-title`;
  let body!: HTMLDivElement;
  const blocks = createMemo(() => {
    const source = props.source;
    if (!source) return [];
    const marks = props.highlight ? [props.highlight] : [];
    return paragraphRanges(source.text).map((range) => segments(source.text, range, marks));
  });
  createEffect(() => {
    if (!props.source || !props.highlight) return;
    blocks();
    queueMicrotask(() => body.querySelector('mark')?.scrollIntoView({ block: 'center' }));
  });
  return (
    <Dialog
      open={props.source !== undefined}
      onClose={props.onClose}
      labelledBy={titleId()}
      returnFocus={props.returnFocus}
      class="sm-reader"
      closeLabel={t().close}
    >
      <Show when={props.source}>
        {(source) => (
          <>
            <p class="sm-kicker">
              {t().article} · <time datetime={source().date}>{formatDate(source().date, props.lang)}</time>
            </p>
            <h2 id={titleId()}>{source().label[props.lang]}</h2>
            <p class="sm-note">
              ({t().sourceLabelNote})
              <Show when={props.highlight}> {t().quoteHighlighted}</Show>
            </p>
            <div class="sm-reader__text" lang={source().language} ref={body}>
              <For each={blocks()}>
                {(parts) => (
                  <p>
                    <For each={parts}>{(part) => (part.marked ? <mark>{part.text}</mark> : part.text)}</For>
                  </p>
                )}
              </For>
            </div>
          </>
        )}
      </Show>
    </Dialog>
  );
}
