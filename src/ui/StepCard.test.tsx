// @vitest-environment happy-dom
import { render } from 'solid-js/web';
import { afterEach, describe, expect, it } from 'vitest';
import type { Story } from '../story/model';
import { StepCard } from './StepCard';
import { ExcerptPanel } from './ExcerptPanel';
import { SourceReader } from './SourceReader';

const MARKUP = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script><b>bold</b>';

const story: Story = {
  id: 't',
  languages: ['nl', 'en'],
  title: { nl: MARKUP, en: MARKUP },
  intro: { nl: MARKUP, en: MARKUP },
  sources: [{ id: 's', date: '2019-02', language: 'nl', label: { nl: MARKUP, en: MARKUP }, text: `Eerste ${MARKUP} alinea.`, file: 'sources/s.txt' }],
  places: [{ id: 'p', name: { nl: MARKUP, en: MARKUP }, kind: 'city', coordinates: [0, 0], provenance: MARKUP, note: { nl: MARKUP, en: MARKUP } }],
  features: [],
  steps: [
    {
      id: 'one',
      date: '2019-02',
      title: { nl: MARKUP, en: MARKUP },
      text: { nl: `${MARKUP}\n\n${MARKUP}`, en: MARKUP },
      context: { nl: MARKUP, en: MARKUP },
      camera: { center: [0, 0], zoom: 1, bearing: 0, pitch: 0 },
      features: [],
      places: ['p'],
      citations: [{ source: 's', quote: MARKUP, translation: { en: MARKUP } }],
      calculation: 'flight',
    },
  ],
  excerpts: { p: [{ source: 's', paragraph: 0, matches: [[7, 20]] }] },
  calculations: {
    flight: {
      id: 'flight',
      kind: 'distance',
      from: { id: 'p', name: { nl: MARKUP, en: MARKUP } },
      to: { id: 'q', name: { nl: 'Q', en: 'Q' } },
      distanceKm: 2757,
      speedKmh: 900,
      minutes: 184,
      assumption: { nl: MARKUP, en: MARKUP },
    },
  },
  focusCountries: [],
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
    expect(el.querySelector('.sm-quote__translation')!.textContent).toContain(MARKUP);
    expect(el.querySelector('.sm-calc')!.textContent).toContain(MARKUP);
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
    expect(el.textContent).toContain(`${MARKUP}`);
  });
});

describe('a source with markup in it', () => {
  it('is shown as text in the source reader, the quoted passage marked', () => {
    const el = document.createElement('div');
    document.body.append(el);
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
    const source = story.sources[0]!;
    const start = source.text.indexOf('<script>');
    const end = source.text.indexOf('</script>') + '</script>'.length;
    render(
      () => <SourceReader source={source} highlight={{ start, end }} lang="en" idPrefix="r" returnFocus={undefined} onClose={() => {}} />,
      el,
    );
    expect(el.querySelectorAll('img, script, b')).toHaveLength(0);
    expect(el.querySelector('h2')!.textContent).toBe(MARKUP);
    expect(el.querySelector('.sm-reader__text')!.textContent).toBe(source.text);
    expect(el.querySelector('mark')!.textContent).toBe('<script>window.pwned=2</script>');
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });
});

describe('a calculation on a step', () => {
  it('is shown as our calculation: distance, speed, the assumption it rests on and the time that follows, in the reader’s language', () => {
    const el = document.createElement('div');
    document.body.append(el);
    const plain: Story = {
      ...story,
      calculations: { flight: { ...story.calculations.flight!, from: { id: 'p', name: { nl: 'Hanoi', en: 'Hanoi' } }, assumption: { nl: 'x', en: 'typical of a large jet' } } },
    };
    render(
      () => <StepCard step={plain.steps[0]!} index={0} total={1} active lang="en" story={plain} ref={() => {}} onOpenPlace={() => {}} onOpenCitation={() => {}} />,
      el,
    );
    const calc = el.querySelector('.sm-calc')!;
    expect(calc.getAttribute('data-calculation')).toBe('flight');
    expect(calc.textContent).toContain('2,757');
    expect(calc.textContent).toContain('Hanoi');
    expect(calc.textContent).toContain('900');
    expect(calc.textContent).toContain('typical of a large jet');
    expect(calc.textContent).toContain('3 hours 5 minutes');
  });
});
