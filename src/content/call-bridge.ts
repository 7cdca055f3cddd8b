import type { CallActivityName } from '../core/findings/findings';
import { parseHookMessage, type DecisionDetail } from '../main-world/call-events';
import type { HookChannel } from '../main-world/private-channel';
import type { CallReply } from '../protocol/call';
import type { PromptAnswer } from './page-ui-contract';
import type { Verdict } from '../core/findings/assess';

export interface CallBridgeDeps {
  /** Tells the background; it answers with the action for a camera request. */
  report: (activity: CallActivityName | 'frame-encryption') => Promise<CallReply | undefined>;
  ask: (verdict: Verdict, activity: 'camera-or-microphone' | 'screen') => Promise<PromptAnswer>;
  /** The user chose to leave: take them off the page. */
  leave: () => void;
  /** The clinic blocks this: say so in the page. */
  showBlocked: (verdict: Verdict) => void;
  /** The page opened its document again: every listener on the window is gone. */
  onDocumentOpened: () => void;
}

/**
 * Listens to the page-world hook over the private channel (main-world/private-channel): passes
 * call activity to the background and answers each camera request, after the user's choice
 * where the background asks for a prompt. One "continue" covers the rest of the page's
 * requests: people are asked once, not per track.
 */
export function startCallBridge(channel: HookChannel, deps: CallBridgeDeps): void {
  let continued = false;
  const decide = (detail: DecisionDetail): void => {
    channel.send(JSON.stringify(detail));
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
      // No answer (the extension is going away under the page, or the document is judged by
      // nothing): nothing to ask the user with, and no verdict to open the camera on.
      decide({ id, decision: 'deny' });
      return;
    }
    const answer = await deps.ask(reply.verdict, activity);
    continued = answer === 'continue';
    decide({ id, decision: continued ? 'allow' : 'deny' });
    if (!continued) deps.leave();
  };

  channel.onMessage((raw) => {
    const message = parseHookMessage(raw);
    if (!message) return;
    if (message.type === 'document-opened') deps.onDocumentOpened();
    else if (message.type === 'activity') void deps.report(message.activity).catch(() => undefined);
    else void handleRequest(message.id, message.activity);
  });
}
