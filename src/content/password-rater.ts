/**
 * The new-password rater (password-rater-contract), injected by the background where a
 * verified platform's sign-up or change-password form is: it only puts the rater on this
 * world's global. Safe to inject twice: the first copy stays.
 */
import { defineOwnGlobal } from '../extension-api/own-global';
import { ratePassword } from '../core/passwords/strength';
import { passwordRater, RATER_KEY, type PasswordRater } from './password-rater-contract';

const rater: PasswordRater = { rate: (password, userInputs) => ratePassword(password, userInputs) };
if (!passwordRater()) defineOwnGlobal(globalThis, RATER_KEY, rater);
