import type { Allowlist } from '../lists/allowlist';
import { hostToUnicode, splitHost } from '../hostname';
import { spellingDifference, type Evidence } from './evidence';
import { LookalikeIndex } from './lookalike-index';
import { ruleConfidence, type LookalikeConfidence, type LookalikeRule } from './lookalike-rules';

export interface LookalikeMatch {
  /** The real domain the host imitates. */
  target: string;
  targetName: string;
  rule: LookalikeRule;
  /** What differs: `"0" instead of "o"` in the command line's words (evidence.ts). */
  evidence: Evidence;
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
    evidence: hit.evidence ?? spellingDifference(hostToUnicode(shown), hostToUnicode(hit.target.registrable)),
    confidence: hit.confidence ?? ruleConfidence(hit.rule),
  };
}
