import type { CallActivityName } from '../findings/findings';

/**
 * What the page-world hook reported of a call on the page, kept per tab: hints the page can
 * forge (it can only make itself look more like a call, which draws more warnings, or claim
 * frame encryption, which only changes a line in the popup, never a level).
 */
export interface CallState {
  activities: CallActivityName[];
  /** The page used RTCRtpScriptTransform or createEncodedStreams: it encrypts media itself. */
  frameEncryption: boolean;
}

export const NO_CALL: CallState = { activities: [], frameEncryption: false };

export function isInCall(call: CallState | undefined): boolean {
  return (call?.activities.length ?? 0) > 0;
}

export function withActivity(call: CallState | undefined, activity: CallActivityName | 'frame-encryption'): CallState {
  const base = call ?? NO_CALL;
  if (activity === 'frame-encryption') return { ...base, frameEncryption: true };
  return base.activities.includes(activity) ? base : { ...base, activities: [...base.activities, activity] };
}
