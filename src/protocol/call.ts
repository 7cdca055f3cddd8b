import type { Verdict } from '../core/findings/assess';

/**
 * What the background answers when a page starts a call: go ahead, ask the user first, or
 * refuse (the clinic's policy blocks unverified video platforms). Kept out of messages.ts's
 * zod schemas so the content script carries no schema library.
 */
export type CallAction = 'allow' | 'prompt' | 'block';

export interface CallReply {
  action: CallAction;
  verdict: Verdict;
}
