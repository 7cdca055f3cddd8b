import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary, translations as englishTranslations } from '@zxcvbn-ts/language-en';
import { strengthTranslations } from './strength-tips';
import type { Messages } from '../i18n/messages';

/**
 * How easy a new password is to guess: zxcvbn-ts with its common and English dictionaries and
 * keyboard graphs; its feedback in the language of the messages it is given (strength-tips),
 * English by default. Big (its dictionaries are most of it), so only
 * the rater bundle that the background injects into a verified platform's sign-up or
 * change-password form imports this (content/password-rater): never the content script every
 * page runs.
 */

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

export interface Strength {
  score: StrengthScore;
  /** What makes it weak, in zxcvbn's words (in the rater's language); absent when it says nothing. */
  warning?: string | undefined;
  suggestions: string[];
}

/** One rater per language of feedback (a page shows one language, so one is made). */
const raters = new Map<string, ZxcvbnFactory>();

/**
 * `userInputs`: words of the page a guesser would try first (the email, the platform's name).
 * `m`: the messages whose language the warning and suggestions are in; English without them.
 */
export function ratePassword(password: string, userInputs: readonly string[] = [], m?: Messages): Strength {
  const lang = m?.lang ?? 'en';
  let rater = raters.get(lang);
  if (!rater) {
    rater = new ZxcvbnFactory({
      translations: m ? strengthTranslations(m) : englishTranslations,
      graphs: adjacencyGraphs,
      dictionary: { ...commonDictionary, ...englishDictionary },
    });
    raters.set(lang, rater);
  }
  const { score, feedback } = rater.check(password, [...userInputs]);
  return {
    score: score,
    ...(feedback.warning ? { warning: feedback.warning } : {}),
    suggestions: [...feedback.suggestions],
  };
}
