/**
 * Bounds of the popup's link check, shared by the popup (which says "too long" itself rather
 * than send it), the message schema and the core.
 */

/** A text message or an email's body with the link in it; a whole web page pasted is not a link. */
export const LINK_TEXT_MAX_LENGTH = 5000;

/** Links judged in one text: a visit message has one or two; the rest are counted, not judged. */
export const MAX_LINKS_CHECKED = 3;

/** A link is quoted back at most this long (the popup wraps it; the judged address is kept whole). */
export const WRITTEN_LINK_SHOWN = 300;
