import { matchPlatform, type Allowlist, type Platform } from './allowlist';
import { editDistance } from './edit-distance';
import { domainNameOf, hostToUnicode, publicSuffixOf, registrableDomainOf } from './hostname';
import { areBothVowels, areKeyboardNeighbours } from './keyboard';
import type { LookalikeRule } from './lookalike-rules';
import { homoglyphKind, skeletonOf } from './skeleton';

export interface LookalikeMatch {
  /** The real domain the host imitates. */
  target: string;
  targetName: string;
  rule: LookalikeRule;
  /** What differs, in words: `"0" instead of "o"`. */
  evidence: string;
}

interface Target {
  registrable: string;
  name: string;
  suffix: string;
  skeleton: string;
  platform: Platform;
  /**
   * Only a platform that owns its whole registrable domain is a target for typos: Teams
   * lives on teams.live.com, and a typo of live.com (lime.com) imitates no platform.
   */
  editTarget: boolean;
}

const targetCache = new WeakMap<Allowlist, Target[]>();

/** One target per registrable domain the allowlist knows (verified or general-purpose). */
function targetsOf(allowlist: Allowlist): Target[] {
  let targets = targetCache.get(allowlist);
  if (targets) return targets;
  const byRegistrable = new Map<string, Target>();
  for (const [domain, platform] of allowlist.byDomain) {
    const registrable = registrableDomainOf(domain);
    const name = domainNameOf(domain);
    const suffix = publicSuffixOf(domain);
    if (!registrable || !name || !suffix) continue;
    const editTarget = registrable === domain || byRegistrable.get(registrable)?.editTarget === true;
    byRegistrable.set(registrable, { registrable, name, suffix, skeleton: skeletonOf(registrable), platform, editTarget });
  }
  targets = [...byRegistrable.values()];
  targetCache.set(allowlist, targets);
  return targets;
}

/** `"0" instead of "o"`: the part of `lookalike` that differs from `target`. */
export function describeDifference(lookalike: string, target: string): string {
  const a = [...lookalike];
  const b = [...target];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const extra = a.slice(start, endA).join('');
  const missing = b.slice(start, endB).join('');
  if (extra === '') return `"${missing}" left out`;
  if (missing === '') return `"${extra}" added`;
  return `"${extra}" instead of "${missing}"`;
}

/**
 * Names one typo away from a target, by the kind of typo. The first character never
 * differs: Chromium's lookalike checks found first-letter changes mostly real other names.
 */
export function oneEditKind(name: string, target: string): LookalikeRule | undefined {
  if (name.length === target.length) {
    const diff = [...name].flatMap((char, i) => (char === target[i] ? [] : [i]));
    const [i, j] = diff as [number, number | undefined];
    if (diff.length === 2 && j === i + 1 && name[i] === target[j] && name[j] === target[i]) return 'transposition';
    if (diff.length !== 1 || i === 0) return undefined;
    if (areKeyboardNeighbours(name[i]!, target[i]!)) return 'keyboard-neighbour';
    if (areBothVowels(name[i]!, target[i]!)) return 'vowel-swap';
    return 'replacement';
  }
  if (name.length === target.length + 1) {
    for (let i = 1; i < name.length; i++) {
      if (name.slice(0, i) + name.slice(i + 1) !== target) continue;
      if (name[i] === name[i - 1] || name[i] === name[i + 1]) return 'repetition';
      const beside = [name[i - 1], name[i + 1]].some((near) => near !== undefined && areKeyboardNeighbours(name[i]!, near));
      return beside ? 'keyboard-neighbour' : 'insertion';
    }
    return undefined;
  }
  if (name.length + 1 === target.length) {
    for (let i = 1; i < target.length; i++) {
      if (target.slice(0, i) + target.slice(i + 1) === name) return 'omission';
    }
  }
  return undefined;
}

/**
 * Short names (doxy, vsee, klara) are one edit away from many real names (klarna), so for
 * them only the typos that keep the name's look count; longer names allow any one edit, and
 * two from ten characters on.
 */
const SHORT_NAME = 5;
const SHORT_NAME_RULES: ReadonlySet<LookalikeRule> = new Set(['transposition', 'repetition', 'omission', 'keyboard-neighbour', 'vowel-swap']);

function editRule(name: string, targetName: string): LookalikeRule | undefined {
  if (targetName.length <= SHORT_NAME) {
    const kind = oneEditKind(name, targetName);
    return kind && SHORT_NAME_RULES.has(kind) && targetName.length >= 4 ? kind : undefined;
  }
  if (name[0] !== targetName[0]) return undefined;
  const limit = targetName.length >= 10 ? 2 : 1;
  if (editDistance(name, targetName, limit) > limit) return undefined;
  return oneEditKind(name, targetName) ?? 'edit-distance';
}

/**
 * Does `host` imitate a domain the allowlist knows? Hosts the allowlist covers, and other
 * subdomains of the same registrable domain, are never lookalikes.
 */
export function findLookalike(allowlist: Allowlist, host: string): LookalikeMatch | undefined {
  if (matchPlatform(allowlist, host)) return undefined;
  const registrable = registrableDomainOf(host);
  const name = domainNameOf(host);
  const suffix = publicSuffixOf(host);
  if (!registrable || !name || !suffix || allowlist.ownedRegistrableDomains.has(registrable)) return undefined;
  const unicodeRegistrable = hostToUnicode(registrable);
  const skeleton = skeletonOf(unicodeRegistrable);

  let best: LookalikeMatch | undefined;
  for (const target of targetsOf(allowlist)) {
    if (skeleton === target.skeleton) {
      return {
        target: target.registrable,
        targetName: target.platform.name,
        rule: homoglyphKind(unicodeRegistrable),
        evidence: describeDifference(unicodeRegistrable, target.registrable),
      };
    }
    if (best || suffix !== target.suffix) continue;
    if (!target.editTarget) continue;
    const rule = editRule(name, target.name) ?? editRule(skeletonOf(hostToUnicode(name)), skeletonOf(target.name));
    if (rule) {
      best = {
        target: target.registrable,
        targetName: target.platform.name,
        rule,
        evidence: describeDifference(unicodeRegistrable, target.registrable),
      };
    }
  }
  return best;
}
