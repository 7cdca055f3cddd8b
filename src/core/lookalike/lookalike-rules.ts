import type { MessageKey, Messages } from '../i18n/messages';

/**
 * The tricks a lookalike name can use, each with the message the popup and the alert show
 * ("it uses a digit in place of a letter"; _locales/<lang>/messages.json).
 */
export const LOOKALIKE_RULES = {
  'unicode-homoglyph': 'ruleUnicodeHomoglyph',
  'mixed-script': 'ruleMixedScript',
  'whole-script-confusable': 'ruleWholeScriptConfusable',
  'digit-for-letter': 'ruleDigitForLetter',
  'ascii-lookalike': 'ruleAsciiLookalike',
  'accents-left-off': 'ruleAccentsLeftOff',
  transposition: 'ruleTransposition',
  repetition: 'ruleRepetition',
  omission: 'ruleOmission',
  insertion: 'ruleInsertion',
  replacement: 'ruleReplacement',
  'keyboard-neighbour': 'ruleKeyboardNeighbour',
  'vowel-swap': 'ruleVowelSwap',
  bitsquatting: 'ruleBitsquatting',
  hyphenation: 'ruleHyphenation',
  'dot-insertion': 'ruleDotInsertion',
  'tld-swap': 'ruleTldSwap',
  'dot-shift': 'ruleDotShift',
  'target-embedding': 'ruleTargetEmbedding',
  combosquatting: 'ruleCombosquatting',
  decoration: 'ruleDecoration',
  'edit-distance': 'ruleEditDistance',
} as const satisfies Record<string, MessageKey>;

export type LookalikeRule = keyof typeof LOOKALIKE_RULES;

export function describeRule(rule: LookalikeRule, m: Messages): string {
  return m.text(LOOKALIKE_RULES[rule]);
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
