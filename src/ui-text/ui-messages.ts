import { nativeBrowserOf } from '../extension-api/native-browser';
import { ownGlobal } from '../extension-api/own-global';
import type { Messages } from '../core/i18n/messages';
import { messagesFromI18n, type I18nApi } from './i18n-messages';

let messages: Messages | undefined;

/**
 * The extension's messages, in every context that shows text (background, pages, content
 * scripts): `i18n` is there in all of them, and reading it builds no other API namespace.
 * The unit tests put the English catalog in this module's place (vitest.config.ts).
 */
export function uiMessages(): Messages {
  if (messages) return messages;
  // Own properties only: a page's `<form name="chrome">` is no API (see own-global).
  const i18n = (nativeBrowserOf(globalThis) as { i18n?: I18nApi } | undefined)?.i18n ?? (ownGlobal(globalThis, 'chrome') as { i18n?: I18nApi } | undefined)?.i18n;
  if (!i18n) throw new Error('no i18n API in this context');
  messages = messagesFromI18n(i18n);
  return messages;
}
