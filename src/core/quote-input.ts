/** Inputs quoted in messages are cut to this many characters. */
const QUOTED_MAX = 100;

/**
 * An input quoted in an error message: JSON-quoted so spaces and control characters show,
 * and cut when long, so a 5 MB "hostname" gives a readable one-line error instead of
 * echoing itself back in full.
 */
export function quoteInput(text: string, max = QUOTED_MAX): string {
  if (text.length <= max) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, max))}… (${text.length} characters)`;
}
