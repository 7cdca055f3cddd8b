import { createMessages } from '../core/i18n/create-messages';
import type { Messages } from '../core/i18n/messages';

/** The part of `browser.i18n` / `chrome.i18n` the messages need. */
export interface I18nApi {
  getMessage(name: string, substitutions?: string | string[]): string;
}

/**
 * The messages of the browser's own i18n: the language the browser's UI is in, where the
 * extension has it, else English (`default_locale`). Each catalog names its own language in
 * `languageTag`, so `lang` is the language of the text actually shown, also when the browser's
 * is one the extension lacks (getMessage('@@ui_locale') would name the browser's).
 */
export function messagesFromI18n(i18n: I18nApi): Messages {
  const lang = i18n.getMessage('languageTag') || 'en';
  return createMessages(lang, (key, substitutions) => i18n.getMessage(key, substitutions));
}
