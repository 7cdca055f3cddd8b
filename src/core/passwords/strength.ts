import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary, translations } from '@zxcvbn-ts/language-en';

/**
 * How easy a new password is to guess: zxcvbn-ts with its common and English dictionaries and
 * keyboard graphs, and its English feedback. Big (its dictionaries are most of it), so only
 * the rater bundle that the background injects into a verified platform's sign-up or
 * change-password form imports this (content/password-rater): never the content script every
 * page runs.
 */

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

export interface Strength {
  score: StrengthScore;
  /** What makes it weak, in zxcvbn's words; absent when it says nothing. */
  warning?: string | undefined;
  suggestions: string[];
}

let rater: ZxcvbnFactory | undefined;

/** `userInputs`: words of the page a guesser would try first (the email, the platform's name). */
export function ratePassword(password: string, userInputs: readonly string[] = []): Strength {
  rater ??= new ZxcvbnFactory({
    translations,
    graphs: adjacencyGraphs,
    dictionary: { ...commonDictionary, ...englishDictionary },
  });
  const { score, feedback } = rater.check(password, [...userInputs]);
  return {
    score: score,
    ...(feedback.warning ? { warning: feedback.warning } : {}),
    suggestions: [...feedback.suggestions],
  };
}
