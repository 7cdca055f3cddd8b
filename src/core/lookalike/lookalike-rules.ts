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

/**
 * How sure a finding is. `high`: the name is the target's as a reader sees it (borrowed
 * letters, digits, decorations, the real address inside a longer one). `medium`: one typo,
 * another ending, the brand beside a sign-in or lure word. `low`: one arbitrary letter from a
 * short name, a generic word beside the brand, a typo under another ending: real sites live
 * at such names too (xoom.com near zoom.com), so a low finding is shown only where it matters:
 * findings/assess says where.
 */
export type LookalikeConfidence = 'high' | 'medium' | 'low';

const HIGH: ReadonlySet<LookalikeRule> = new Set<LookalikeRule>([
  'unicode-homoglyph', 'mixed-script', 'whole-script-confusable', 'digit-for-letter', 'ascii-lookalike', 'accents-left-off',
  'hyphenation', 'dot-insertion', 'dot-shift', 'target-embedding', 'decoration',
]);

/** A rule's tier where the finding says no other. */
export function ruleConfidence(rule: LookalikeRule): LookalikeConfidence {
  return HIGH.has(rule) ? 'high' : 'medium';
}
