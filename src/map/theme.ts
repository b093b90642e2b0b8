import type { ArcStatus, TravelMode } from '../story/model';

/** Colours of the offline basemap and the story's features, chosen for contrast on a light sea. */
export const THEME = {
  sea: '#d7e4ec',
  land: '#f3efe6',
  landFocus: '#fbf8f1',
  coast: '#8fa7b5',
  border: '#a3978a',
  demarcation: '#9b1c1c',
  route: '#9a4a00',
  routePlanned: '#c9a27a',
  stop: '#6b3300',
  offered: '#5b3d99',
  flown: '#1d4e89',
  line: '#9b1c1c',
  area: '#c2410c',
  placeHalo: '#c2410c',
} as const;

export type Theme = { readonly [K in keyof typeof THEME]: string };

/** How a route's segments look by mode: a dash pattern (in line widths) and a width; rail is solid. */
export const MODE_STYLE: Readonly<Record<TravelMode, { width: number; dash?: [number, number] }>> = {
  rail: { width: 4 },
  road: { width: 3, dash: [1.2, 1] },
  sea: { width: 3, dash: [0.4, 1.6] },
  air: { width: 2.5, dash: [3, 1.5] },
};

/** How an arc looks by status: an offered flight is a ghost (dotted), a flown one solid. */
export const ARC_STYLE: Readonly<Record<ArcStatus, { color: keyof Theme; dash?: [number, number] }>> = {
  offered: { color: 'offered', dash: [0.5, 2] },
  flown: { color: 'flown' },
};

/** Countries drawn a shade lighter because the story happens there (ISO 3166 numeric, as in Natural Earth). */
export const FOCUS_COUNTRIES = ['408', '410', '156', '704', '702'] as const;
