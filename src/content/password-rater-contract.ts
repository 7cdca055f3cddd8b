import type { Strength } from '../core/passwords/strength';
import { ownGlobal } from '../extension-api/own-global';

/**
 * The new-password rater: a bundle of its own (password-rater.ts: zxcvbn-ts and its
 * dictionaries, and what it does with a rating), injected by the background into a verified
 * platform's sign-up or change-password form only, which puts this under RATER_KEY on its
 * world's global.
 */
export const RATER_KEY = 'telehealthGuardRater';

/** What the rater shows and tells through the content script. */
export interface RaterOutlets {
  /** Shows the weak-password note beside the field, or takes it away (null). */
  show(field: HTMLInputElement, strength: Strength | null): void;
  /** Tells the background the new password's strength (never the password), or that it is no longer weak (null). */
  report(strength: Strength | null): Promise<unknown>;
}

export interface PasswordRater {
  /** The user typed into a new-password field: rated once typing pauses, the note and the background kept up to date. */
  onInput(field: HTMLInputElement, outlets: RaterOutlets): void;
}

export function passwordRater(scope: object = globalThis): PasswordRater | undefined {
  return ownGlobal(scope, RATER_KEY) as PasswordRater | undefined;
}
