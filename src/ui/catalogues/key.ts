/** The catalogue key for a language tag: the tag itself, else its primary language (`en-GB` → `en`). */
export function catalogueKey(lang: string, keys: readonly string[]): string | undefined {
  if (keys.includes(lang)) return lang;
  const primary = lang.split('-')[0]!.toLowerCase();
  return keys.includes(primary) ? primary : undefined;
}
