/**
 * The one message the background sends to content scripts: the tab's address changed
 * (history.pushState, back/forward cache), so report the page again. Checked by hand, and kept
 * apart from the zod schemas, so the content script does not carry a schema library.
 */
export const REPORT_AGAIN = { type: 'report-again' } as const;

export function isReportAgain(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === REPORT_AGAIN.type;
}

/**
 * The background to the top frame: the user started typing into a chat widget of this page
 * that the clinic has not verified; show the one-time caution. Checked by hand, like the above.
 */
export interface ChatCaution {
  type: 'chat-caution';
  provider: string;
}

export function isChatCaution(message: unknown): message is ChatCaution {
  if (typeof message !== 'object' || message === null) return false;
  const { type, provider } = message as Partial<ChatCaution>;
  return type === 'chat-caution' && typeof provider === 'string' && provider.length > 0 && provider.length < 100;
}
