/**
 * The tricks a lookalike name can use, each with the words the popup and the alert show
 * ("it uses a digit in place of a letter").
 */
export const LOOKALIKE_RULES = {
  'unicode-homoglyph': 'letters from another alphabet that look the same',
  'mixed-script': 'letters from two alphabets mixed in one name',
  'whole-script-confusable': 'a whole name written in another alphabet that looks the same',
  'digit-for-letter': 'a digit in place of a letter',
  'ascii-lookalike': 'letters that look like others side by side',
  'accents-left-off': 'the real name written without its accents',
  transposition: 'two letters swapped',
  repetition: 'a letter doubled',
  omission: 'a letter left out',
  insertion: 'a letter added',
  replacement: 'a letter changed',
  'keyboard-neighbour': 'a neighbouring key on the keyboard',
  'vowel-swap': 'one vowel in place of another',
  bitsquatting: 'one letter changed by a single-bit memory error',
  hyphenation: 'a hyphen added inside the name',
  'dot-insertion': 'a dot added inside the name',
  'tld-swap': 'the same name under another ending',
  'dot-shift': 'the same letters with the dot moved',
  'target-embedding': 'the real address embedded in a longer one',
  combosquatting: 'the real name joined with a word like "login" or "portal"',
  decoration: 'the real address dressed up with symbols, or with characters that pass for a slash or a dot',
  'edit-distance': 'a small change of letters',
} as const;

export type LookalikeRule = keyof typeof LOOKALIKE_RULES;

export function describeRule(rule: LookalikeRule): string {
  return LOOKALIKE_RULES[rule];
}
