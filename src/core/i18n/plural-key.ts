/**
 * Which message a count takes: `${base}One`, `${base}Few`... after Intl.PluralRules'
 * category, where the catalog has it, else `${base}Other`, which every plural message has.
 * Chinese only ever says "other"; Spanish says "one", "other" and, in recent CLDR, "many"
 * for round millions, which falls back to "other".
 */
export function pluralKey(base: string, count: number, lang: string, has: (key: string) => boolean): string {
  const category = pluralRulesFor(lang).select(count);
  const key = `${base}${category.charAt(0).toUpperCase()}${category.slice(1)}`;
  return has(key) ? key : `${base}Other`;
}

/** One PluralRules per language, made at its first count, not at every one. */
const pluralRules = new Map<string, Intl.PluralRules>();
function pluralRulesFor(lang: string): Intl.PluralRules {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return rules;
}
