import { translations as englishTranslations } from '@zxcvbn-ts/language-en';
import type { MessageKey, Messages } from '../i18n/messages';

/**
 * The strength rater's warnings and suggestions (zxcvbn-ts `translations`) in the language of
 * the messages: English from zxcvbn's own English pack, any other language from our catalog's
 * `strengthTip…` messages. Its time estimates stay English: nothing shows them.
 */

type Tips = Record<string, string>;

/** zxcvbn-ts's warning keys, each with its message. */
export const WARNING_KEYS: Readonly<Record<keyof typeof englishTranslations.warnings, MessageKey>> = {
  straightRow: 'strengthTipWarningStraightRow',
  keyPattern: 'strengthTipWarningKeyPattern',
  simpleRepeat: 'strengthTipWarningSimpleRepeat',
  extendedRepeat: 'strengthTipWarningExtendedRepeat',
  sequences: 'strengthTipWarningSequences',
  recentYears: 'strengthTipWarningRecentYears',
  dates: 'strengthTipWarningDates',
  topTen: 'strengthTipWarningTopTen',
  topHundred: 'strengthTipWarningTopHundred',
  common: 'strengthTipWarningCommon',
  similarToCommon: 'strengthTipWarningSimilarToCommon',
  wordByItself: 'strengthTipWarningWordByItself',
  namesByThemselves: 'strengthTipWarningNamesByThemselves',
  commonNames: 'strengthTipWarningCommonNames',
  userInputs: 'strengthTipWarningUserInputs',
  pwned: 'strengthTipWarningPwned',
};

/** zxcvbn-ts's suggestion keys, each with its message. */
export const SUGGESTION_KEYS: Readonly<Record<keyof typeof englishTranslations.suggestions, MessageKey>> = {
  l33t: 'strengthTipSuggestionL33t',
  reverseWords: 'strengthTipSuggestionReverseWords',
  allUppercase: 'strengthTipSuggestionAllUppercase',
  capitalization: 'strengthTipSuggestionCapitalization',
  dates: 'strengthTipSuggestionDates',
  recentYears: 'strengthTipSuggestionRecentYears',
  associatedYears: 'strengthTipSuggestionAssociatedYears',
  sequences: 'strengthTipSuggestionSequences',
  repeated: 'strengthTipSuggestionRepeated',
  longerKeyboardPattern: 'strengthTipSuggestionLongerKeyboardPattern',
  anotherWord: 'strengthTipSuggestionAnotherWord',
  useWords: 'strengthTipSuggestionUseWords',
  noNeed: 'strengthTipSuggestionNoNeed',
  pwned: 'strengthTipSuggestionPwned',
};

export type StrengthTranslations = typeof englishTranslations;

const inWords = (keys: Readonly<Record<string, MessageKey>>, m: Messages): Tips => Object.fromEntries(Object.entries(keys).map(([key, message]) => [key, m.text(message)]));

/** The rater's `translations` for `m`'s language: English as zxcvbn writes it, else our messages. */
export function strengthTranslations(m: Messages): StrengthTranslations {
  if (m.lang === 'en') return englishTranslations;
  return {
    ...englishTranslations,
    warnings: inWords(WARNING_KEYS, m) as StrengthTranslations['warnings'],
    suggestions: inWords(SUGGESTION_KEYS, m) as StrengthTranslations['suggestions'],
  };
}
