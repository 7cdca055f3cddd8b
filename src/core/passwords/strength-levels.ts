/**
 * The score from which a new password is strong enough (zxcvbn's scale, 0-4): its 3 is
 * "safely unguessable: moderate protection from offline slow-hash scenario". Apart from the
 * rater (strength.ts) so the content script knows it without the rater's dictionaries.
 */
export const STRONG_ENOUGH = 3;
