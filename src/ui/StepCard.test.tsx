// @vitest-environment happy-dom
import { render } from 'solid-js/web';
import { afterEach, describe, expect, it } from 'vitest';
import type { Story } from '../story/model';
import { StepCard } from './StepCard';
import { ExcerptPanel } from './ExcerptPanel';

const MARKUP = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script><b>bold</b>';

const story: Story = {
  id: 't',
  title: { nl: MARKUP, en: MARKUP },
  intro: { nl: MARKUP, en: MARKUP },
  sources: [{ id: 's', date: '2019-02', language: 'nl', label: { nl: MARKUP, en: MARKUP }, text: `Eerste ${MARKUP} alinea.`, file: 'sources/s.txt' }],
  places: [{ id: 'p', name: { nl: MARKUP, en: MARKUP }, kind: 'city', coordinates: [0, 0], provenance: MARKUP }],
  steps: [
    {
      id: 'one',
      date: '2019-02',
      title: { nl: MARKUP, en: MARKUP },
      text: { nl: `${MARKUP}\n\n${MARKUP}`, en: MARKUP },
      context: { nl: MARKUP, en: MARKUP },
      camera: { center: [0, 0], zoom: 1, bearing: 0, pitch: 0 },
      layers: [],
      places: ['p'],
      citations: [{ source: 's', quote: MARKUP, translation: MARKUP }],
    },
  ],
  excerpts: { p: [{ source: 's', paragraph: 0, matches: [[7, 20]] }] },
  calculations: {},
};

afterEach(() => {
  document.body.replaceChildren();
  delete (window as unknown as { pwned?: number }).pwned;
});

describe('story text with markup in it', () => {
  it('is shown as text by the step card, never parsed as HTML', () => {
    const el = document.createElement('div');
    document.body.append(el);
    render(
      () => (
        <StepCard step={story.steps[0]!} index={0} total={1} active lang="en" story={story} ref={() => {}} onOpenPlace={() => {}} onOpenCitation={() => {}} />
      ),
      el,
    );
    expect(el.querySelectorAll('img, script, b')).toHaveLength(0);
    expect(el.querySelector('h2')!.textContent).toBe(MARKUP);
    expect(el.querySelector('blockquote')!.textContent).toBe(MARKUP);
    expect(el.textContent).toContain('<script>window.pwned=2</script>');
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('is shown as text in the excerpt panel', () => {
    const el = document.createElement('div');
    document.body.append(el);
    // happy-dom's <dialog> lacks showModal in some versions; the panel only needs the content rendered.
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
    render(
      () => (
        <ExcerptPanel
          place={story.places[0]}
          excerpts={story.excerpts.p!}
          sources={story.sources}
          lang="nl"
          idPrefix="x"
          returnFocus={undefined}
          onClose={() => {}}
          onReadSource={() => {}}
        />
      ),
      el,
    );
    expect(el.querySelectorAll('img, script, b')).toHaveLength(0);
    expect(el.querySelector('blockquote')!.textContent).toContain('<img src=x');
    expect(el.querySelector('h2')!.textContent).toBe(MARKUP);
  });
});
