import { areBothVowels, areKeyboardNeighbours } from './keyboard';
import type { LookalikeRule } from './lookalike-rules';

/** Two characters whose codes differ in one bit: what a flipped memory bit turns one into. */
function isBitFlip(a: string, b: string): boolean {
  const x = a.charCodeAt(0) ^ b.charCodeAt(0);
  return x !== 0 && (x & (x - 1)) === 0;
}

function replacementKind(from: string, to: string): LookalikeRule {
  if (areKeyboardNeighbours(from, to)) return 'keyboard-neighbour';
  if (areBothVowels(from, to)) return 'vowel-swap';
  if (isBitFlip(from, to)) return 'bitsquatting';
  return 'replacement';
}

/**
 * The kind of single typo that turns `target` into `name`, or undefined when they are not
 * one typo apart. A swap of neighbours counts as one typo, as people make it.
 */
export function typoKind(name: string, target: string): LookalikeRule | undefined {
  if (name.length === target.length) {
    let first = -1;
    let second = -1;
    for (let i = 0; i < name.length; i++) {
      if (name[i] === target[i]) continue;
      if (first < 0) first = i;
      else if (second < 0) second = i;
      else return undefined;
    }
    if (first < 0) return undefined;
    if (second < 0) return replacementKind(target[first]!, name[first]!);
    const swapped = second === first + 1 && name[first] === target[second] && name[second] === target[first];
    return swapped ? 'transposition' : undefined;
  }
  if (name.length === target.length + 1) {
    // Find the inserted character: the first place the two differ.
    let i = 0;
    while (i < target.length && name[i] === target[i]) i++;
    if (name.slice(i + 1) !== target.slice(i)) return undefined;
    const added = name[i]!;
    if (added === name[i - 1] || added === name[i + 1]) return 'repetition';
    if (added === '-') return 'hyphenation';
    const beside = [target[i - 1], target[i]].some((near) => near !== undefined && areKeyboardNeighbours(added, near));
    return beside ? 'keyboard-neighbour' : 'insertion';
  }
  if (name.length + 1 === target.length) {
    let i = 0;
    while (i < name.length && name[i] === target[i]) i++;
    return target.slice(i + 1) === name.slice(i) ? 'omission' : undefined;
  }
  return undefined;
}
