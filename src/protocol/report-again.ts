/**
 * The background to content scripts: report the page again, since what it is judged by changed
 * (the lists, a trusted site, another frame's findings, the tab's address). Checked by hand,
 * and kept apart from the zod schemas, so the content script does not carry a schema library.
 */
export interface ReportAgain {
  type: 'report-again';
  /**
   * Set when the tab's address changed, to the new address. The browser tells the background
   * the same way about a new document and about history.pushState; a frame whose last report
   * was already judged under this address (the new document's own first report) has nothing
   * to add, and skips a second, costly reading of the page.
   */
  tabUrl?: string;
}

export function reportAgain(tabUrl?: string): ReportAgain {
  return tabUrl === undefined ? { type: 'report-again' } : { type: 'report-again', tabUrl };
}

/** Whether a frame whose last report was judged under `judgedUnder` can skip this ask. */
export function alreadyJudged(message: ReportAgain, judgedUnder: string | undefined): boolean {
  return message.tabUrl !== undefined && message.tabUrl === judgedUnder;
}

export function isReportAgain(message: unknown): message is ReportAgain {
  if (typeof message !== 'object' || message === null) return false;
  const { type, tabUrl } = message as { type?: unknown; tabUrl?: unknown };
  return type === 'report-again' && (tabUrl === undefined || typeof tabUrl === 'string');
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
