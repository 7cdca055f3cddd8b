/**
 * How much of a page a report may carry. The page decides what is in it, and the background
 * keeps it in `storage.session` (10 MB for all tabs): these bounds keep one hostile page from
 * filling it. Shared by the content script (which cuts to them) and the schema (which
 * rejects more); kept apart from the schema so the content script carries no zod.
 */
export const SIGNAL_LIMITS = {
  forms: 50,
  frames: 50,
  /** Form actions and frame addresses. Cut, not dropped: the scheme and host come first. */
  url: 2048,
  /** A frame's `allow` attribute. */
  allow: 512,
  method: 16,
  /** Distinct hosts the page's scripts come from (chat widgets are told apart by them). */
  scriptHosts: 50,
  /** Scripts, frames and media an https page loads over plain http. */
  insecureResources: 20,
  host: 253,
} as const;
