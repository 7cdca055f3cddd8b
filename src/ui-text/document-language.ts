import type { Messages } from '../core/i18n/messages';

/**
 * An extension page speaks the language of its messages: `lang` on the root element (screen
 * readers pick their voice by it, browsers their fonts and hyphenation), and the page's title.
 */
export function setDocumentLanguage(doc: Document, m: Messages, title: string): void {
  doc.documentElement.lang = m.lang;
  doc.title = title;
}
