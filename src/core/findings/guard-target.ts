import type { Verdict } from './assess';
import type { FindingOf } from './findings';
import type { PolicyAction } from '../lists/policy';

/** What a password-field guard needs: the look-alike site, and the real one to go to. */
export interface GuardTarget {
  /** The look-alike host as the browser reported it; the user's "trust this site" names it. */
  site: string;
  /** The real domain it imitates ("Go to doxy.me"). */
  target: string;
  targetName: string;
  /**
   * The clinic's policy blocks passwords on look-alikes (`actions.passwordOnLookalike:
   * "block"`): the overlay offers no "I trust this site", and the background refuses one.
   */
  locked?: true;
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

/**
 * The guard a frame gets under the clinic's `passwordOnLookalike` action: `warn` (the
 * default) guards unless the user trusts the site; `block` guards whatever the user said
 * before, with no way to trust the site; `off` never guards (the finding and the alert stay).
 */
export function guardUnderPolicy(guard: GuardTarget | undefined, action: PolicyAction, isTrusted: (host: string) => boolean): GuardTarget | null {
  if (!guard || action === 'off') return null;
  if (action === 'block') return { ...guard, locked: true };
  return isTrusted(guard.site) ? null : guard;
}
