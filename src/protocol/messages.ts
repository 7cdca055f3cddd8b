import { z } from 'zod';
import type { Verdict } from '../core/assess';
import { pageSignalsSchema, type PageSignals } from '../core/page-signals';

/**
 * Messages content scripts may send: a closed list, because content scripts run inside
 * pages the extension does not trust.
 */
export const contentMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('page-signals'), signals: pageSignalsSchema }).strict(),
]);

/** Messages the extension's own pages (popup, options) may send. */
export const extensionPageMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('get-tab-state'), tabId: z.number().int().nonnegative() }).strict(),
]);

export type ContentMessage = z.infer<typeof contentMessageSchema>;
export type ExtensionPageMessage = z.infer<typeof extensionPageMessageSchema>;

/** What the background keeps per tab in `storage.session`. */
export interface TabState {
  tabId: number;
  url: string;
  verdict: Verdict;
  /** What the content script reported; `null` until it does, and the verdict is address-only. */
  signals: PageSignals | null;
  updatedAt: number;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export interface ReplyTypes {
  'page-signals': Verdict | null;
  'get-tab-state': TabState | null;
}

