import { formatEntry, type Catalog } from './format-message';
import type { Messages, Substitution } from './messages';
import { pluralKey } from './plural-key';

/** Looks a message up with its substitutions already written as text; '' when there is none. */
export type Lookup = (key: string, substitutions: string[]) => string;

/**
 * Messages in `lang` from any lookup: the browser's `i18n.getMessage` or a catalog read from
 * its file. Numbers, plurals, lists and dates are the language's own (Intl), never English
 * written into another language's sentence.
 */
export function createMessages(lang: string, lookup: Lookup): Messages {
  const numbers = new Intl.NumberFormat(lang);
  // Each formatter is made at its first use, once per set of messages (a page has one), not at every call.
  const dayOptions: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric' };
  const lists = once(() => new Intl.ListFormat(lang, { type: 'conjunction' }));
  const localDays = once(() => new Intl.DateTimeFormat(lang, dayOptions));
  const utcDays = once(() => new Intl.DateTimeFormat(lang, { ...dayOptions, timeZone: 'UTC' }));
  const times = once(() => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium' }));
  const written = (value: Substitution): string => (typeof value === 'number' ? numbers.format(value) : value);
  const text = (key: string, substitutions: readonly Substitution[]): string => lookup(key, substitutions.map(written));
  return {
    lang,
    text: (key, ...substitutions) => text(key, substitutions),
    count: (key, count, ...substitutions) => text(pluralKey(key, count, lang, (name) => lookup(name, []) !== ''), [count, ...substitutions]),
    list: (items) => lists().format(items),
    day: (at, zone) => (zone === 'utc' ? utcDays() : localDays()).format(new Date(at)),
    time: (at) => times().format(new Date(at)),
  };
}

function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

/** Messages from a catalog file's contents: what the command line and the unit tests use. */
export function catalogMessages(catalog: Catalog, lang: string): Messages {
  return createMessages(lang, (key, substitutions) => {
    const entry = catalog[key];
    return entry ? formatEntry(entry, substitutions) : '';
  });
}
