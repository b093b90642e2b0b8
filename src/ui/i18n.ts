import type { Lang } from '../story/model';

/** Interface strings; story content carries its own translations. */
export const UI = {
  nl: {
    language: 'Taal',
    skipToStory: 'Naar het verhaal',
    mapLabel: 'Kaart bij het verhaal',
    mapLoading: 'De kaart wordt geladen…',
    noWebgl:
      'Deze browser kan de interactieve kaart niet tonen (WebGL ontbreekt). U ziet een eenvoudige tekening van de kaart; het verhaal, de citaten en de bronnen werken gewoon.',
    contextLost: 'De kaart is even niet beschikbaar. U ziet een eenvoudige tekening tot hij terug is.',
    staticMapLabel: 'Tekening van de kaart bij deze stap',
    mapError: 'De interactieve kaart kon niet worden geladen. U ziet een eenvoudige tekening; het verhaal blijft volledig leesbaar.',
    legend: 'Legenda',
    provenance: 'Herkomst van de lijnen',
    legendPlace: 'Plaats (klik voor fragmenten)',
    legendBorder: 'Landsgrens',
    legendDemarcation: 'Demarcatielijn tussen Noord- en Zuid-Korea',
    legendTrain: 'Route van Kims trein, bij benadering',
    legendGhost: 'Aangeboden vlucht die nooit plaatsvond',
    legendAf1: 'Trumps vlucht naar huis (begin van de grootcirkel)',
    trainProvenance:
      'Stations zoals media in februari 2019 meldden, verbonden met rechte lijnen; het laatste stuk, Dong Dang–Hanoi, per auto.',
    ghostProvenance: 'Grootcirkel Hanoi–Pyongyang, door ons berekend.',
    af1Provenance: 'Grootcirkel richting Washington, door ons berekend; niet de werkelijke vliegroute.',
    basemapProvenance: 'Grens volgens Natural Earth (schaal 1:10 miljoen).',
    approximate: 'Bij benadering',
    context: 'Context, niet uit de bronnen',
    source: 'Bron',
    sourceLabelNote: 'omschrijving van de redactie',
    readSource: 'Lees de bron',
    translation: 'Vertaling',
    placesInStep: 'Plaatsen in deze stap',
    excerptsAbout: 'Fragmenten over',
    excerptsIntro: (n: number) =>
      n === 1 ? '1 passage uit de bronnen noemt deze plaats.' : `${n} passages uit de bronnen noemen deze plaats.`,
    noExcerpts: 'Geen van de bronnen noemt deze plaats bij naam.',
    close: 'Sluiten',
    article: 'Artikel',
    quoteHighlighted: 'Het geciteerde fragment is gemarkeerd.',
    ourCalculation: 'Onze berekening, niet uit de bronnen',
    flightEstimate: (km: string, h: string, speed: string) =>
      `Hemelsbreed (grootcirkel) is het ${km} km van Hanoi naar Pyongyang. Bij een kruissnelheid van ${speed} km/u, gangbaar voor een groot straalvliegtuig, duurt zo’n vlucht ongeveer ${h}.`,
    hours: (h: number, m: number) => (m === 0 ? `${h} uur` : `${h} uur en ${m} minuten`),
    stepOf: (i: number, n: number) => `Stap ${i} van ${n}`,
    keyboardHint: 'Gebruik de pijltjestoetsen of j en k om door het verhaal te gaan.',
    mapShows: 'De kaart toont',
    placeButton: (name: string) => `${name}: fragmenten uit de bronnen`,
    sourcesHeading: 'Bronnen',
    readFullStory: 'Lees het hele verhaal',
    unknownStory: 'Dit verhaal kon niet worden geladen.',
    sourcesIntro:
      'Vijf Nederlandstalige nieuwsberichten uit 2019–2021. De omschrijvingen zijn van de redactie; de artikelen hebben geen kop.',
  },
  en: {
    language: 'Language',
    skipToStory: 'Skip to the story',
    mapLabel: 'Map for the story',
    mapLoading: 'Loading the map…',
    noWebgl:
      'This browser cannot show the interactive map (WebGL is missing). You see a simple drawing of the map; the story, its quotes and its sources work as usual.',
    contextLost: 'The map is briefly unavailable. You see a simple drawing until it is back.',
    staticMapLabel: "Drawing of this step's map",
    mapError: 'The interactive map could not be loaded. You see a simple drawing; the story remains fully readable.',
    legend: 'Legend',
    provenance: 'Where the lines come from',
    legendPlace: 'Place (click for excerpts)',
    legendBorder: 'Country border',
    legendDemarcation: 'Demarcation line between North and South Korea',
    legendTrain: "Route of Kim's train, approximate",
    legendGhost: 'Offered flight that never happened',
    legendAf1: "Trump's flight home (start of the great circle)",
    trainProvenance:
      'Stations as media reported them in February 2019, joined by straight lines; the last leg, Dong Dang–Hanoi, by car.',
    ghostProvenance: 'Great circle Hanoi–Pyongyang, calculated by us.',
    af1Provenance: 'Great circle towards Washington, calculated by us; not the actual flight path.',
    basemapProvenance: 'Border according to Natural Earth (1:10 million scale).',
    approximate: 'Approximate',
    context: 'Context, not from the sources',
    source: 'Source',
    sourceLabelNote: "editors' description",
    readSource: 'Read the source',
    translation: 'Translation',
    placesInStep: 'Places in this step',
    excerptsAbout: 'Excerpts about',
    excerptsIntro: (n: number) =>
      n === 1 ? '1 passage in the sources mentions this place.' : `${n} passages in the sources mention this place.`,
    noExcerpts: 'None of the sources mentions this place by name.',
    close: 'Close',
    article: 'Article',
    quoteHighlighted: 'The quoted passage is highlighted.',
    ourCalculation: 'Our calculation, not from the sources',
    flightEstimate: (km: string, h: string, speed: string) =>
      `As the crow flies (great circle) it is ${km} km from Hanoi to Pyongyang. At a cruise speed of ${speed} km/h, typical of a large jet, such a flight takes about ${h}.`,
    hours: (h: number, m: number) =>
      `${h} hour${h === 1 ? '' : 's'}${m === 0 ? '' : ` ${m} minute${m === 1 ? '' : 's'}`}`,
    stepOf: (i: number, n: number) => `Step ${i} of ${n}`,
    keyboardHint: 'Use the arrow keys or j and k to move through the story.',
    mapShows: 'The map shows',
    placeButton: (name: string) => `${name}: excerpts from the sources`,
    sourcesHeading: 'Sources',
    readFullStory: 'Read the whole story',
    unknownStory: 'This story could not be loaded.',
    sourcesIntro:
      "Five Dutch-language news reports from 2019–2021. The descriptions are the editors'; the articles have no headlines.",
  },
} satisfies Record<Lang, unknown>;

export type UiStrings = (typeof UI)[Lang];

const LOCALE: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang]).format(n);
}

/** A `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date in words, e.g. "juni 2018". */
function formatOne(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (m === undefined) return String(y);
  // Noon UTC so no time zone moves the date to a neighbouring day.
  const date = new Date(Date.UTC(y!, m - 1, d ?? 1, 12));
  const opts: Intl.DateTimeFormatOptions = d === undefined ? { month: 'long', year: 'numeric' } : { day: 'numeric', month: 'long', year: 'numeric' };
  return new Intl.DateTimeFormat(LOCALE[lang], { ...opts, timeZone: 'UTC' }).format(date);
}

/** A step date or interval `start/end` in words. */
export function formatDate(date: string, lang: Lang): string {
  const [start, end] = date.split('/');
  return end ? `${formatOne(start!, lang)} – ${formatOne(end, lang)}` : formatOne(start!, lang);
}
