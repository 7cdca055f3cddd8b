import type { MessageKey } from './i18n/messages';

/**
 * The short list the popup shows during a video visit: the advice on protecting a
 * telehealth session that this project starts from, one line each, in plain words.
 */
export const SESSION_CHECKLIST: readonly MessageKey[] = [
  'checklistPassword',
  'checklistMfa',
  'checklistUpdates',
  'checklistNetwork',
  'checklistEncrypted',
  'checklistProvider',
];
