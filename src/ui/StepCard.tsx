import { For, Show, type JSX } from 'solid-js';
import type { Calculation, Citation, Lang, Place, Source, Step, Story } from '../story/model';
import { formatDate, formatDuration, formatNumber, ui } from './i18n';

export interface StepCardProps {
  step: Step;
  index: number;
  total: number;
  active: boolean;
  lang: Lang;
  story: Story;
  /** Element id for `#step-id` deep links; omitted in embeds, where ids could clash with the host. */
  anchorId?: string | undefined;
  ref(el: HTMLElement): void;
  /** A drawing of the step's map, shown in print. */
  figure?: JSX.Element;
  onOpenPlace(id: string, opener: HTMLElement): void;
  onOpenCitation(citation: Citation, opener: HTMLElement): void;
  /** Author mode's controls for the step (`npm run dev` only), under its title. */
  tools?: JSX.Element;
}

const paragraphsOf = (text: string) => text.split(/\n\s*\n/u).filter((p) => p.trim().length > 0);

/** A figure computed at build time, said in words, marked as our calculation with its assumption. */
function CalculationFigure(props: { calculation: Calculation; lang: Lang }) {
  const t = () => ui(props.lang);
  const sentence = () => {
    const c = props.calculation;
    const [km, from, to] = [formatNumber(c.distanceKm, props.lang), c.from.name[props.lang]!, c.to.name[props.lang]!];
    const distance = c.kind === 'distance' ? t().distanceEstimate(km, from, to) : t().routeEstimate(km, from, to);
    if (c.speedKmh === undefined || c.minutes === undefined) return distance;
    const duration = t().durationEstimate(formatNumber(c.speedKmh, props.lang), c.assumption?.[props.lang] ?? '', formatDuration(c.minutes, props.lang));
    return `${distance} ${duration}`;
  };
  return (
    <aside class="sm-calc" aria-label={t().ourCalculation} data-calculation={props.calculation.id}>
      <p class="sm-calc__label">{t().ourCalculation}</p>
      <p>{sentence()}</p>
    </aside>
  );
}

function CitationFigure(props: { citation: Citation; source: Source | undefined; lang: Lang; onOpen(opener: HTMLElement): void }) {
  const t = () => ui(props.lang);
  return (
    <figure class="sm-quote sm-citation">
      <blockquote lang={props.source?.language}>
        <p>{props.citation.quote}</p>
      </blockquote>
      <Show when={props.citation.translation?.[props.lang]}>
        {(tr) => (
          <p class="sm-quote__translation" lang={props.lang}>
            <span class="sm-visually-hidden">{t().translation}: </span>
            {tr()}
          </p>
        )}
      </Show>
      <figcaption>
        <Show when={props.source}>
          {(s) => (
            <>
              <span class="sm-quote__source">{s().label[props.lang]}</span>
              {' · '}
              <time datetime={s().date}>{formatDate(s().date, props.lang)}</time>
            </>
          )}
        </Show>{' '}
        <button type="button" class="sm-link-button" onClick={(e) => props.onOpen(e.currentTarget)}>
          {t().readSource}
        </button>
      </figcaption>
    </figure>
  );
}

/** One step of the story: date, title, text, context, places and its cited quotes. */
export function StepCard(props: StepCardProps) {
  const t = () => ui(props.lang);
  const titleId = () => `sm-title-${props.step.id}`;
  const places = () =>
    props.step.places
      .map((id) => props.story.places.find((p) => p.id === id))
      .filter((p): p is Place => p !== undefined);
  return (
    <article
      ref={props.ref}
      id={props.anchorId}
      class="sm-step"
      classList={{ 'sm-step--active': props.active }}
      data-step={props.step.id}
      aria-current={props.active ? 'step' : undefined}
      aria-labelledby={titleId()}
      tabindex="-1"
    >
      <div class="sm-card">
        <p class="sm-kicker">
          <span class="sm-visually-hidden">{t().stepOf(props.index + 1, props.total)}. </span>
          <time datetime={props.step.date}>{formatDate(props.step.date, props.lang)}</time>
        </p>
        <h2 id={titleId()}>{props.step.title[props.lang]}</h2>
        {props.tools}
        <Show when={props.figure}>
          <div class="sm-print-map">{props.figure}</div>
        </Show>
        <For each={paragraphsOf(props.step.text[props.lang] ?? '')}>{(p) => <p>{p}</p>}</For>
        <Show when={props.story.calculations[props.step.calculation ?? '']}>
          {(c) => <CalculationFigure calculation={c()} lang={props.lang} />}
        </Show>
        <Show when={props.step.context}>
          {(c) => (
            <aside class="sm-context" aria-label={t().context}>
              <p>
                <strong>{t().context}: </strong>
                {c()[props.lang]}
              </p>
            </aside>
          )}
        </Show>
        <Show when={places().length > 0}>
          <div class="sm-step-places">
            <span class="sm-step-places__label">{t().placesInStep}:</span>
            <ul>
              <For each={places()}>
                {(place) => (
                  <li>
                    <button
                      type="button"
                      class="sm-chip"
                      data-place={place.id}
                      onClick={(e) => props.onOpenPlace(place.id, e.currentTarget)}
                    >
                      {place.name[props.lang]}
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </div>
        </Show>
        <For each={props.step.citations}>
          {(citation) => (
            <CitationFigure
              citation={citation}
              source={props.story.sources.find((s) => s.id === citation.source)}
              lang={props.lang}
              onOpen={(opener) => props.onOpenCitation(citation, opener)}
            />
          )}
        </For>
      </div>
    </article>
  );
}
