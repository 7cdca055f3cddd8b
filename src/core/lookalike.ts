import { matchPlatform, type Allowlist, type Platform } from './allowlist';
import { editDistance } from './edit-distance';
import { domainNameOf, hostToUnicode, publicSuffixOf, registrableDomainOf } from './hostname';
import { homoglyphKind, skeletonOf } from './skeleton';

export type LookalikeRule =
  | 'unicode-homoglyph'
  | 'digit-for-letter'
  | 'ascii-lookalike'
  | 'transposition'
  | 'repetition'
  | 'omission'
  | 'edit-distance';

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
    if (!registrable || !name || !suffix || byRegistrable.has(registrable)) continue;
    byRegistrable.set(registrable, { registrable, name, suffix, skeleton: skeletonOf(registrable), platform });
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

/** Classifies a one-edit difference between two ASCII names, for the short-name rule. */
function oneEditKind(name: string, target: string): LookalikeRule | undefined {
  if (name.length === target.length) {
    const diff = [...name].flatMap((char, i) => (char === target[i] ? [] : [i]));
    if (diff.length === 2 && diff[1] === diff[0]! + 1 && name[diff[0]!] === target[diff[1]] && name[diff[1]] === target[diff[0]!]) {
      return 'transposition';
    }
    return diff.length === 1 && diff[0]! > 0 ? 'edit-distance' : undefined;
  }
  if (name.length === target.length + 1) {
    for (let i = 1; i < name.length; i++) {
      if (name.slice(0, i) + name.slice(i + 1) === target) return name[i] === name[i - 1] ? 'repetition' : 'edit-distance';
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
 * Short names (doxy, vsee) are one typo away from many real words, so only the tricks that
 * keep the name's look count: swapped, doubled or dropped letters, never the first one.
 */
const SHORT_NAME = 5;

function editRule(name: string, target: Target): LookalikeRule | undefined {
  if (target.name.length <= SHORT_NAME) {
    const kind = oneEditKind(name, target.name);
    return kind === 'edit-distance' && name.length !== target.name.length + 1 ? undefined : kind;
  }
  const limit = target.name.length >= 10 ? 2 : 1;
  if (name[0] !== target.name[0] && name.length === target.name.length) return undefined;
  const distance = editDistance(name, target.name, limit);
  if (distance > limit) return undefined;
  return oneEditKind(name, target.name) ?? 'edit-distance';
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
    const rule = editRule(name, target) ?? editRule(skeletonOf(hostToUnicode(name)), { ...target, name: skeletonOf(target.name) });
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
