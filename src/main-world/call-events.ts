/**
 * What the page-world hook and the content script say over their private channel
 * (private-channel.ts): JSON strings. The page cannot reach the channel, so it can neither
 * read these nor forge them; the content script still checks each one, and the background
 * decides from what the browser reports.
 */
/** Hook → content script. A `media-request` waits for a decision with its `id`. */
export type HookMessage =
  | { type: 'media-request'; id: number; activity: 'camera-or-microphone' | 'screen' }
  | { type: 'activity'; activity: 'peer-connection' | 'frame-encryption' }
  /** The page opened its document again (document.open), which took every event listener off the window. */
  | { type: 'document-opened' };

/** Content script → hook: `received` at once, then `allow` or `deny` for a request. */
export type DecisionDetail = { id: number; decision: 'received' | 'allow' | 'deny' };

export function parseHookMessage(detail: unknown): HookMessage | undefined {
  if (typeof detail !== 'string' || detail.length > 256) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(detail);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  if (message.type === 'media-request' && typeof message.id === 'number' && (message.activity === 'camera-or-microphone' || message.activity === 'screen')) {
    return { type: 'media-request', id: message.id, activity: message.activity };
  }
  if (message.type === 'activity' && (message.activity === 'peer-connection' || message.activity === 'frame-encryption')) {
    return { type: 'activity', activity: message.activity };
  }
  if (message.type === 'document-opened') return { type: 'document-opened' };
  return undefined;
}

/** The hook's reading of a decision; `parse` is JSON.parse as the hook took it before the page ran. */
export function parseDecision(detail: unknown, parse: (text: string) => unknown = JSON.parse): DecisionDetail | undefined {
  if (typeof detail !== 'string' || detail.length > 128) return undefined;
  try {
    // Own data properties of a fresh object: no getter of the page's is involved in reading them.
    const value = parse(detail) as Partial<DecisionDetail> | null;
    if (value && typeof value.id === 'number' && (value.decision === 'received' || value.decision === 'allow' || value.decision === 'deny')) {
      return { id: value.id, decision: value.decision };
    }
  } catch {
    // fall through: not ours
  }
  return undefined;
}

/**
 * The hook's messages, written without JSON.stringify: the page could have put a `toJSON` on
 * Object.prototype and changed (or dropped) what the hook says.
 */
export const mediaRequestText = (id: number, activity: 'camera-or-microphone' | 'screen'): string => `{"type":"media-request","id":${id},"activity":"${activity}"}`;
export const activityText = (activity: 'peer-connection' | 'frame-encryption'): string => `{"type":"activity","activity":"${activity}"}`;
export const DOCUMENT_OPENED_TEXT = '{"type":"document-opened"}';
