/** The reader interface in English. Every catalogue has exactly these keys (`Catalogue`). */
export const en = {
  /** For dates and numbers when the story's tag names no region. */
  locale: 'en-GB',
  languageName: 'English',
  language: 'Language',
  skipToStory: 'Skip to the story',
  mapLabel: 'Map for the story',
  mapLoading: 'Loading the map…',
  noWebgl:
    'This browser cannot show the interactive map (WebGL is missing). You see a simple drawing of the map; the story, its quotes and its sources work as usual.',
  contextLost: 'The map is briefly unavailable. You see a simple drawing until it is back.',
  staticMapLabel: "Drawing of this step's map",
  mapError: 'The interactive map could not be loaded. You see a simple drawing; the story remains fully readable.',
  noScript: 'The map needs JavaScript; the text and the sources are below.',
  gestureWindows: 'Use Ctrl + scroll to zoom the map',
  gestureMac: 'Use ⌘ + scroll to zoom the map',
  gestureMobile: 'Use two fingers to move the map',
  legend: 'Legend',
  provenance: 'Where the lines come from',
  legendPlace: 'Place (click for excerpts)',
  legendBorder: 'Country border',
  modeName: (mode: 'rail' | 'road' | 'sea' | 'air') => ({ rail: 'by rail', road: 'by road', sea: 'by sea', air: 'by air' })[mode],
  routeStraight: 'Drawn as straight lines between the stops, not the actual track.',
  routeInferred: (names: string) => `Not reported but inferred: ${names}.`,
  routeSegments: (mode: string, segments: string) => `${mode[0]!.toUpperCase()}${mode.slice(1)}: ${segments}.`,
  arcNote: (from: string, to: string) => `Great circle ${from}–${to}, calculated by us.`,
  arcShown: (km: string) => `Only its first ${km} km are drawn; not the actual flight path.`,
  naturalEarth: 'According to Natural Earth (1:10 million scale).',
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
  distanceEstimate: (km: string, from: string, to: string) => `As the crow flies (great circle) it is ${km} km from ${from} to ${to}.`,
  routeEstimate: (km: string, from: string, to: string) =>
    `Along straight lines between the stops it is ${km} km from ${from} to ${to}; the real way is longer.`,
  durationEstimate: (speed: string, assumption: string, duration: string) =>
    `At ${speed} km/h, ${assumption}, that takes about ${duration}.`,
  hours: (h: number, m: number) => `${h} hour${h === 1 ? '' : 's'}${m === 0 ? '' : ` ${m} minute${m === 1 ? '' : 's'}`}`,
  stepOf: (i: number, n: number) => `Step ${i} of ${n}`,
  keyboardHint: 'Use the arrow keys or j and k to move through the story.',
  mapShows: 'The map shows',
  placeButton: (name: string) => `${name}: excerpts from the sources`,
  sourcesHeading: 'Sources',
  sourcesIntro: (n: number) =>
    `The ${n === 1 ? 'article' : `${n} articles`} this story quotes. The descriptions are the editors'; the quotes are verbatim.`,
  readFullStory: 'Read the whole story',
  unknownStory: 'This story could not be loaded.',
  storiesTitle: 'Story maps',
  storiesIntro: 'Every story of this site, with a link and the code to embed it in an article.',
  readStory: 'Read the story',
  languages: 'Languages',
  embedCode: 'Embed code',
};

export type Catalogue = typeof en;

export default en;
