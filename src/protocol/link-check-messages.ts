import { z } from 'zod';
import type { LinkCheck } from '../core/links/check-links';
import { LINK_MESSAGE_MAX_LENGTH } from '../core/links/link-limits';

/**
 * The popup's link check: the text a patient pasted (a link, or the whole message it came in).
 * Appended to `extensionPageMessageSchema` (messages.ts): only the extension's own pages may
 * send it. The background judges it with the lists in force and answers; it opens, fetches,
 * stores and sends nothing (background/link-check-handler).
 */
export const linkCheckMessageSchemas = [z.object({ type: z.literal('check-link'), text: z.string().max(LINK_MESSAGE_MAX_LENGTH) }).strict()] as const;

/** Replies, merged into `ReplyTypes` (messages.ts). */
export interface LinkCheckReplyTypes {
  'check-link': LinkCheck;
}
