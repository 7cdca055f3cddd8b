/** The hostname of an address, or undefined for none (no address, one that does not parse, or one with no host: about:blank, an opaque origin). */
export function hostOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}
