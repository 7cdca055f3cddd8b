import type { CallActivityName } from '../core/findings';
import { CALL_EVENT, DECISION_EVENT, parseCallEvent, type DecisionDetail } from '../main-world/call-events';
import type { CallReply } from '../protocol/call';
import type { PromptAnswer } from './page-ui-contract';
import type { Verdict } from '../core/assess';

export interface CallBridgeDeps {
  /** Tells the background; it answers with the action for a camera request. */
  report: (activity: CallActivityName | 'frame-encryption') => Promise<CallReply | undefined>;
  ask: (verdict: Verdict, activity: 'camera-or-microphone' | 'screen') => Promise<PromptAnswer>;
  /** The user chose to leave: take them off the page. */
  leave: () => void;
  /** The clinic blocks this: say so in the page. */
  showBlocked: (verdict: Verdict) => void;
}

/**
 * Listens to the page-world hook: passes call activity to the background and answers each
 * camera request, after the user's choice where the background asks for a prompt. One
 * "continue" covers the rest of the page's requests: people are asked once, not per track.
 * `channel` is where the hook's events go: the window (see main-world/install-call-hook).
 */
export function startCallBridge(channel: EventTarget, deps: CallBridgeDeps): void {
  let continued = false;
  const decide = (detail: DecisionDetail): void => {
    channel.dispatchEvent(new CustomEvent(DECISION_EVENT, { detail: JSON.stringify(detail) }));
  };

  const handleRequest = async (id: number, activity: 'camera-or-microphone' | 'screen'): Promise<void> => {
    decide({ id, decision: 'received' });
    const reply = await deps.report(activity).catch((error: unknown) => {
      console.warn('Telehealth Guard: could not check this site before the camera opens:', error);
      return undefined;
    });
    if (reply?.action === 'allow' || (continued && reply?.action === 'prompt')) {
      decide({ id, decision: 'allow' });
      return;
    }
    if (reply?.action === 'block') {
      decide({ id, decision: 'deny' });
      deps.showBlocked(reply.verdict);
      return;
    }
    if (!reply) {
      // No verdict to show: let the call go rather than hold a camera nobody can release.
      decide({ id, decision: 'allow' });
      return;
    }
    const answer = await deps.ask(reply.verdict, activity);
    continued = answer === 'continue';
    decide({ id, decision: continued ? 'allow' : 'deny' });
    if (!continued) deps.leave();
  };

  channel.addEventListener(CALL_EVENT, (event) => {
    const detail = parseCallEvent((event as CustomEvent<unknown>).detail);
    if (!detail) return;
    if (detail.type === 'activity') {
      void deps.report(detail.activity).catch(() => undefined);
      return;
    }
    void handleRequest(detail.id, detail.activity);
  });
}
