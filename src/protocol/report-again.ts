/**
 * The one message the background sends to content scripts: the tab's address changed
 * (history.pushState, back/forward cache), so report the page again. Checked by hand, and kept
 * apart from the zod schemas, so the content script does not carry a schema library.
 */
export const REPORT_AGAIN = { type: 'report-again' } as const;

export function isReportAgain(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === REPORT_AGAIN.type;
}
