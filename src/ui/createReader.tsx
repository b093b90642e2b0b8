import { createSignal, createUniqueId } from 'solid-js';
import type { Citation, Excerpt, Lang, Story } from '../story/model';
import { findQuote, type TextRange } from '../story/citations';
import { paragraphRanges } from '../story/highlight';
import { ExcerptPanel } from './ExcerptPanel';
import { SourceReader } from './SourceReader';

/**
 * The two reading dialogs every view offers: a place's excerpts and a
 * source article with a passage highlighted. Returns the openers and a
 * component that renders the dialogs.
 */
export function createReader(story: Story, lang: () => Lang) {
  // The same on the server and in hydration, however many stories a build prerenders.
  const idPrefix = `sm${createUniqueId()}`;
  const [place, setPlace] = createSignal<{ id: string; opener: HTMLElement }>();
  const [source, setSource] = createSignal<{ id: string; range: TextRange | undefined; opener: HTMLElement }>();
  const sourceById = (id: string | undefined) => story.sources.find((s) => s.id === id);

  const openPlace = (id: string, opener: HTMLElement) => setPlace({ id, opener });
  const openCitation = (citation: Citation, opener: HTMLElement) => {
    const text = sourceById(citation.source)?.text;
    setSource({ id: citation.source, range: text ? (findQuote(text, citation.quote) ?? undefined) : undefined, opener });
  };
  const openExcerpt = (excerpt: Excerpt, opener: HTMLElement) => {
    const text = sourceById(excerpt.source)?.text;
    setSource({ id: excerpt.source, range: text ? paragraphRanges(text)[excerpt.paragraph] : undefined, opener });
  };
  const openSource = (id: string, opener: HTMLElement) => setSource({ id, range: undefined, opener });

  function Dialogs() {
    return (
      <>
        <ExcerptPanel
          place={story.places.find((p) => p.id === place()?.id)}
          excerpts={story.excerpts[place()?.id ?? ''] ?? []}
          sources={story.sources}
          lang={lang()}
          idPrefix={idPrefix}
          returnFocus={place()?.opener}
          onClose={() => setPlace(undefined)}
          onReadSource={openExcerpt}
        />
        <SourceReader
          source={sourceById(source()?.id)}
          highlight={source()?.range}
          lang={lang()}
          idPrefix={idPrefix}
          returnFocus={source()?.opener}
          onClose={() => setSource(undefined)}
        />
      </>
    );
  }

  return {
    openPlace,
    openCitation,
    openSource,
    isOpen: () => place() !== undefined || source() !== undefined,
    Dialogs,
  };
}
