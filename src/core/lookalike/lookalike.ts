import type { Allowlist } from '../lists/allowlist';
import { hostToUnicode, splitHost } from '../hostname';
import { LookalikeIndex } from './lookalike-index';
import { ruleConfidence, type LookalikeConfidence, type LookalikeRule } from './lookalike-rules';

export interface LookalikeMatch {
  /** The real domain the host imitates. */
  target: string;
  targetName: string;
  rule: LookalikeRule;
  /** What differs, in words: `"0" instead of "o"`. */
  evidence: string;
  /** How sure the finding is (lookalike-rules' LookalikeConfidence). */
  confidence: LookalikeConfidence;
}

const indexCache = new WeakMap<Allowlist, LookalikeIndex>();

/** The index for an allowlist, built on first use and kept as long as the allowlist lives. */
export function lookalikeIndexFor(allowlist: Allowlist): LookalikeIndex {
  let index = indexCache.get(allowlist);
  if (!index) {
    index = new LookalikeIndex(allowlist);
    indexCache.set(allowlist, index);
  }
  return index;
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
 * Does `host` imitate a domain the allowlist knows? Hosts the allowlist covers, and other
 * subdomains of the same registrable domain, are never lookalikes.
 */
export function findLookalike(allowlist: Allowlist, host: string): LookalikeMatch | undefined {
  const hit = lookalikeIndexFor(allowlist).find(host);
  if (!hit) return undefined;
  // A dot inside the name moves it out of the registrable domain: compare whole hosts then.
  const shown = hit.rule === 'dot-insertion' ? host : (splitHost(host)?.registrable ?? host);
  return {
    target: hit.target.domain,
    targetName: hit.target.platformName,
    rule: hit.rule,
    evidence: hit.evidence ?? describeDifference(hostToUnicode(shown), hostToUnicode(hit.target.registrable)),
    confidence: hit.confidence ?? ruleConfidence(hit.rule),
  };
}
