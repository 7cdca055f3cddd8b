import unhomoglyph from 'unhomoglyph';

/**
 * Digits that stand in for letters in phishing names (d0xy, 1ogin). Applied after TR39,
 * which already maps 0→O and 1→l.
 */
const DIGIT_LETTERS: Readonly<Record<string, string>> = { '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b' };

/**
 * Multi-character ASCII lookalikes, written in the direction TR39 uses (it maps m→rn), so
 * both sides of a comparison end in the same spelling.
 */
const ASCII_SEQUENCES: readonly (readonly [RegExp, string])[] = [
  [/w/g, 'vv'],
  [/d/g, 'cl'],
];

/**
 * A visual skeleton after Unicode TR39: strip accents (NFD first, or `ö` maps to an Arabic
 * letter), map confusables, fold case, then the digit and multi-letter lookalikes TR39
 * leaves alone. Two names with equal skeletons look alike; compare skeleton to skeleton only.
 */
export function skeletonOf(text: string): string {
  const stripped = text.normalize('NFD').replace(/\p{Mn}/gu, '');
  let skeleton = unhomoglyph(stripped).toLowerCase();
  skeleton = skeleton.replace(/[34578]/g, (digit) => DIGIT_LETTERS[digit] ?? digit);
  for (const [pattern, replacement] of ASCII_SEQUENCES) skeleton = skeleton.replace(pattern, replacement);
  return skeleton;
}

/** Which kind of look-alike trick separates `name` from a target with the same skeleton. */
export function homoglyphKind(name: string): 'unicode-homoglyph' | 'digit-for-letter' | 'ascii-lookalike' {
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(name)) return 'unicode-homoglyph';
  if (/\d/.test(name)) return 'digit-for-letter';
  return 'ascii-lookalike';
}
