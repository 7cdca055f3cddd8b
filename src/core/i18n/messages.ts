import type english from '../../../assets/static/_locales/en/messages.json';

/** The name of a message in `_locales/<lang>/messages.json`: English is the reference catalog. */
export type MessageKey = keyof typeof english;

/** A message chosen by a count: `fooOne`, `fooOther` (and whichever other categories a language adds). */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}Other` ? Base : never }[MessageKey];

export type Substitution = string | number;

/**
 * The text a person sees, in one language. The core takes it as an argument, so it stays
 * pure: the extension reads the browser's own i18n (ui-text/ui-messages), the command line
 * and the unit tests the English catalog (english-messages), both from the same files.
 */
export interface Messages {
  /** BCP 47 tag of the messages in use ("en", "es", "zh-CN"): for `lang` and for Intl. */
  readonly lang: string;
  /** One whole sentence with its substitutions ($1..$9); numbers are written the language's way. */
  text(key: MessageKey, ...substitutions: Substitution[]): string;
  /** The sentence for `count` (Intl.PluralRules), with the count as $1 and the rest after it. */
  count(key: PluralKey, count: number, ...substitutions: Substitution[]): string;
  /** "a, b and c" in the language's own way (Intl.ListFormat). */
  list(items: readonly string[]): string;
  /** A day as people read it, "December 4, 2026" (Intl.DateTimeFormat); `utc` for a day an ISO timestamp names. */
  day(at: Date | number | string, zone?: 'local' | 'utc'): string;
  /** A day and time, "Dec 4, 2026, 8:30:00 PM". */
  time(at: Date | number | string): string;
}

/**
 * A stand-in substitution, to find where a language put one in its sentence (to show it in bold,
 * or to see where sentences differ): a private-use character, since Chrome's getMessage drops
 * a NUL from a substitution.
 */
export const SUBSTITUTION_MARK = '\uE000';
