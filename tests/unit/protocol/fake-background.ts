import { vi } from 'vitest';
import type { ExtensionPageMessage, ReplyTypes } from '../../../src/protocol/messages';
import { failureReply } from '../../../src/protocol/router';
import { pageSender, type PageMessageOf } from '../../../src/protocol/send';

/** Answers to some of the extension pages' messages, typed as the background's handlers are; a thrown error is a refusal. */
export type FakeHandlers = { [K in ExtensionPageMessage['type']]?: (message: PageMessageOf<K>) => ReplyTypes[K] | Promise<ReplyTypes[K]> };

/**
 * A background for the pages' tests: `send` is the pages' own typed sender (protocol/send), over
 * `post`, which records each message and answers as the router would: `{ok, value}` with the
 * handler's value, `{ok: false, error}` for a refusal or a message the test has no answer for.
 */
export function fakeBackground(handlers: FakeHandlers) {
  const post = vi.fn(async (message: ExtensionPageMessage): Promise<unknown> => {
    const handler = handlers[message.type] as ((message: ExtensionPageMessage) => unknown) | undefined;
    if (!handler) return { ok: false, error: `${message.type} is not part of this test` };
    try {
      return { ok: true, value: await handler(message) };
    } catch (error) {
      return failureReply(error);
    }
  });
  return { send: pageSender(post), post };
}
