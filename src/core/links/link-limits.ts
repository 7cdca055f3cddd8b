/** Bounds of the popup's link check, for the core and the message schema. */

/** A text message or an email's body with the link in it; a whole web page pasted is not a link. */
export const LINK_TEXT_MAX_LENGTH = 5000;

/**
 * What the `check-link` message may carry at all. Longer texts than LINK_TEXT_MAX_LENGTH still
 * reach the core, which says "too long" in words; past this bound the message is refused.
 */
export const LINK_MESSAGE_MAX_LENGTH = 1_000_000;

/** Links judged in one text: a visit message has one or two; the rest are counted, not judged. */
export const MAX_LINKS_CHECKED = 3;

/** A link is quoted back at most this long (the popup wraps it; the judged address is kept whole). */
export const WRITTEN_LINK_SHOWN = 300;
