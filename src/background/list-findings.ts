import type { Verdict } from '../core/findings/assess';
import { withStaleListFinding } from '../core/findings/stale-list';
import { getStaleList } from './allowlist-state';

/** What the lists themselves add to a page's verdict: ALLOWLIST_STALE while the remote list in force is expired. */
export function withListFindings(verdict: Verdict): Verdict {
  return withStaleListFinding(verdict, getStaleList());
}
