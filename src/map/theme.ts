/** Colours of the offline basemap and the story layers, chosen for contrast on a light sea. */
export const THEME = {
  sea: '#d7e4ec',
  land: '#f3efe6',
  landFocus: '#fbf8f1',
  coast: '#8fa7b5',
  border: '#a3978a',
  demarcation: '#9b1c1c',
  train: '#9a4a00',
  trainPlanned: '#c9a27a',
  station: '#6b3300',
  ghost: '#5b3d99',
  af1: '#1d4e89',
  placeHalo: '#c2410c',
} as const;

export type Theme = { readonly [K in keyof typeof THEME]: string };

/** Countries drawn a shade lighter because the story happens there (ISO 3166 numeric, as in Natural Earth). */
export const FOCUS_COUNTRIES = ['408', '410', '156', '704', '702'] as const;
