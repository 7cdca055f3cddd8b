import type { z } from 'zod';
import { checkLinks, type LinkCheck } from '../core/links/check-links';
import type { linkCheckMessageSchemas } from '../protocol/link-check-messages';
import { allowlistReady, getAllowlist, getStaleList } from './allowlist-state';

type CheckLinkMessage = z.infer<(typeof linkCheckMessageSchemas)[number]>;

/**
 * The popup's "Check a link" (protocol/link-check-messages): the pasted text judged with the
 * allowlist in force (catalog, the clinic's policy, the signed remote list, the user's own
 * sites), as a page at each address would be from its address alone. Nothing is opened,
 * fetched, looked up, stored or sent: the answer goes back to the popup and nowhere else.
 */
export const linkCheckHandlers: { 'check-link': (message: CheckLinkMessage) => Promise<LinkCheck> } = {
  'check-link': async ({ text }) => {
    // Right after a worker start, the clinic's lists count too (a second at most).
    await allowlistReady();
    return checkLinks(getAllowlist(), text, { staleList: getStaleList() });
  },
};
