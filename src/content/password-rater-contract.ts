import type { Strength } from '../core/passwords/strength';
import { ownGlobal } from '../extension-api/own-global';

/**
 * The new-password rater: a bundle of its own (password-rater.ts, zxcvbn-ts and its
 * dictionaries), injected by the background into a verified platform's sign-up or
 * change-password form only, which puts this under RATER_KEY on its world's global.
 */
export const RATER_KEY = 'telehealthGuardRater';

export interface PasswordRater {
  rate(password: string, userInputs: readonly string[]): Strength;
}

export function passwordRater(scope: object = globalThis): PasswordRater | undefined {
  return ownGlobal(scope, RATER_KEY) as PasswordRater | undefined;
}
