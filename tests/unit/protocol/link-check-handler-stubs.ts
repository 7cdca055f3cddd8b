import type { LinkCheck } from '../../../src/core/links/check-links';

/** The popup's link check, answering that the text had no link: for router tests about other messages. */
export const linkCheckHandlerStubs = {
  'check-link': (): Promise<LinkCheck> => Promise.resolve({ ok: false, problem: { reason: 'no-link' } }),
};
