import type { Verdict } from './assess';
import type { FindingOf } from './findings';

/** What a password-field guard needs: the look-alike site, and the real one to go to. */
export interface GuardTarget {
  /** The look-alike host as the browser reported it; the user's "trust this site" names it. */
  site: string;
  /** The real domain it imitates ("Go to doxy.me"). */
  target: string;
  targetName: string;
}

/** The verdict's look-alike finding for its own address (not one a frame added). */
export function ownLookalike(verdict: Verdict | undefined): FindingOf<'LOOKALIKE_DOMAIN'> | undefined {
  return verdict?.findings.find((f): f is FindingOf<'LOOKALIKE_DOMAIN'> => f.code === 'LOOKALIKE_DOMAIN' && f.frame === undefined);
}

/**
 * Which look-alike a frame's password fields are guarded against: the frame's own address
 * first (a d0xy.me login framed by any page), then its tab's (any frame of a d0xy.me tab,
 * since the address bar is what the user trusts). Both verdicts come from addresses the
 * browser reported; pass the same verdict twice for a top frame.
 */
export function guardTargetFor(frame: Verdict, tab: Verdict | undefined): GuardTarget | undefined {
  for (const verdict of [frame, tab]) {
    const lookalike = ownLookalike(verdict);
    if (verdict && lookalike) return { site: verdict.host, target: lookalike.target, targetName: lookalike.targetName };
  }
  return undefined;
}
