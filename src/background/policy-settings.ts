import type { ActionKey, PolicyAction } from '../core/lists/policy';
import { supportContactLink } from '../core/lists/policy';
import { allowlistReady, getPolicy } from './allowlist-state';

/**
 * The admin's settings other code reads: what to do on each risk (`actions`) and whom the
 * warnings name. One place, so no caller parses the policy itself. Values come from the
 * policy in force, or the defaults (`"warn"`, no clinic) when it sets none or a bad value.
 *
 * Synchronous: right after a worker start they are the defaults until the cached policy is
 * loaded (a few ms); `await settingsReady()` first where that matters.
 */

export type ActionSettings = Record<ActionKey, PolicyAction>;

export interface ClinicInfo {
  clinicName?: string | undefined;
  supportContact?: string | undefined;
  /** `mailto:`, `tel:` or the https address, for a link. */
  supportHref?: string | undefined;
}

export const settingsReady = allowlistReady;

/** `{passwordOnLookalike, unknownVideoPlatform, trackers}`, each `warn`, `block` or `off`. */
export function getSettings(): ActionSettings {
  return { ...getPolicy().policy.actions };
}

/** For "Managed by <clinic> · contact <support>" and for the warnings' "tell your clinic". */
export function getClinicInfo(): ClinicInfo {
  const { clinicName, supportContact } = getPolicy().policy;
  const link = supportContact === undefined ? undefined : supportContactLink(supportContact);
  return { clinicName, supportContact, supportHref: link?.href };
}
