/**
 * Which alphabets a label's letters come from. Mixing Latin with Cyrillic or Greek in one
 * label, or writing a whole label in Cyrillic or Greek letters that pass for Latin, is how
 * homoglyph names are made; browsers show such names in punycode for that reason.
 */
export type LabelScript = 'ascii' | 'latin' | 'mixed' | 'cyrillic' | 'greek' | 'other';

export function scriptOfLabel(label: string): LabelScript {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(label)) return 'ascii';
  const scripts = new Set<string>();
  for (const char of label) {
    if (/\p{Script=Latin}/u.test(char)) scripts.add('latin');
    else if (/\p{Script=Cyrillic}/u.test(char)) scripts.add('cyrillic');
    else if (/\p{Script=Greek}/u.test(char)) scripts.add('greek');
    else if (/\p{L}/u.test(char)) scripts.add('other');
  }
  if (scripts.size > 1) return 'mixed';
  const [only] = scripts as Set<LabelScript>;
  return only ?? 'other';
}
