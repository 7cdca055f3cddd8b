import { englishMessages } from '../../src/core/i18n/english-messages';

/** The unit tests' stand-in for src/ui-text/ui-messages (vitest.config.ts): the English catalog, no browser. */
export function uiMessages() {
  return englishMessages;
}
