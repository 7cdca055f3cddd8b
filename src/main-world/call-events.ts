/**
 * The page-world hook and the content script talk through DOM events on `document`, with
 * JSON strings as detail (objects do not cross from the page's world into the extension's).
 * The page can read and forge these events: what they say is a hint, and the background
 * decides from what the browser reports.
 */
export const CALL_EVENT = 'telehealth-guard:call';
export const DECISION_EVENT = 'telehealth-guard:decision';

export type CallActivity = 'camera-or-microphone' | 'screen' | 'peer-connection' | 'frame-encryption';

/** Page world → content script. A `media-request` waits for a decision with its `id`. */
export type CallEventDetail =
  | { type: 'media-request'; id: number; activity: 'camera-or-microphone' | 'screen' }
  | { type: 'activity'; activity: 'peer-connection' | 'frame-encryption' };

/** Content script → page world: `received` at once, then `allow` or `deny` for a request. */
export type DecisionDetail = { id: number; decision: 'received' | 'allow' | 'deny' };

export function parseCallEvent(detail: unknown): CallEventDetail | undefined {
  if (typeof detail !== 'string' || detail.length > 256) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(detail);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const event = value as Record<string, unknown>;
  if (event.type === 'media-request' && typeof event.id === 'number' && (event.activity === 'camera-or-microphone' || event.activity === 'screen')) {
    return { type: 'media-request', id: event.id, activity: event.activity };
  }
  if (event.type === 'activity' && (event.activity === 'peer-connection' || event.activity === 'frame-encryption')) {
    return { type: 'activity', activity: event.activity };
  }
  return undefined;
}

export function parseDecision(detail: unknown): DecisionDetail | undefined {
  if (typeof detail !== 'string' || detail.length > 128) return undefined;
  try {
    const value = JSON.parse(detail) as Partial<DecisionDetail>;
    if (typeof value.id === 'number' && (value.decision === 'received' || value.decision === 'allow' || value.decision === 'deny')) {
      return { id: value.id, decision: value.decision };
    }
  } catch {
    // fall through: not ours
  }
  return undefined;
}
