import type { ExtensionPageMessage, Reply, ReplyTypes } from './messages';

/** The extension pages' message of one type. */
export type PageMessageOf<K extends ExtensionPageMessage['type']> = Extract<ExtensionPageMessage, { type: K }>;

/**
 * Sends one message from an extension page (popup, options) to the background. The reply's
 * type follows from the message's type, as the router's handler map (router.ts) types the
 * other end. It never rejects: no answer, or a failed send, comes back as `{ok: false, error}`,
 * the way a handler's failure does.
 */
export type SendMessage = <K extends ExtensionPageMessage['type']>(message: PageMessageOf<K>) => Promise<Reply<ReplyTypes[K]>>;

function isReply(value: unknown): value is Reply<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  return value.ok === true ? 'value' in value : value.ok === false && 'error' in value && typeof value.error === 'string';
}

/**
 * The typed `send` for a page, over the browser's `runtime.sendMessage` (`post`). The one
 * place a reply is taken to be of its message's type: the background's router answers every
 * extension-page message with its handler's value (router.ts).
 */
export function pageSender(post: (message: ExtensionPageMessage) => Promise<unknown>): SendMessage {
  return async <K extends ExtensionPageMessage['type']>(message: PageMessageOf<K>): Promise<Reply<ReplyTypes[K]>> => {
    let reply: unknown;
    try {
      reply = await post(message);
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    if (reply === undefined) return { ok: false, error: 'the background did not answer' };
    if (!isReply(reply)) return { ok: false, error: 'the background sent an answer that is no reply' };
    return reply as Reply<ReplyTypes[K]>;
  };
}
