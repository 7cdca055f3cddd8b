/**
 * Which address a document is judged by. A page can leave http(s) without leaving its own
 * hands: `location = URL.createObjectURL(blob)` puts the tab on `blob:https://d0xy.me/…`, an
 * iframe can be `about:blank`, `about:srcdoc` or `data:` and be written by its parent, and a
 * `window.open('')` popup is `about:blank` written by its opener. Each of those documents is
 * the work of the origin that made it, so it is judged as that origin would be.
 */
export type DocumentOrigin =
  /** An http(s) page: judged by its own address. */
  | { kind: 'own'; address: string }
  /** Made by its parent frame (a frame) or its opener (a tab): judged by that one's address. */
  | { kind: 'creator' }
  /** Not a web page (chrome:, the extension's own pages, file:): not judged. */
  | { kind: 'none' };

const WEB = /^https?:$/;
const WEB_ORIGIN = /^https?:\/\//;

/** Schemes whose documents inherit their creator's origin, or get an opaque one made by it. */
const CREATED = new Set(['about:', 'data:', 'javascript:']);

export function documentOriginOf(url: string): DocumentOrigin {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'none' };
  }
  if (WEB.test(parsed.protocol)) return { kind: 'own', address: url };
  if (parsed.protocol === 'blob:') {
    // `blob:https://d0xy.me/0b6f…`: the origin that made the blob is in its address. A blob made
    // in an opaque origin (`blob:null/…`, from a data: frame) names none: its creator decides.
    const inner = parsed.origin;
    return WEB_ORIGIN.test(inner) ? { kind: 'own', address: `${inner}/` } : { kind: 'creator' };
  }
  return CREATED.has(parsed.protocol) ? { kind: 'creator' } : { kind: 'none' };
}

/** The address a document is judged by: its own, or (asked only when needed) its creator's. */
export async function judgedAddressOf(url: string, creatorAddress: () => Promise<string | undefined>): Promise<string | undefined> {
  const origin = documentOriginOf(url);
  if (origin.kind === 'own') return origin.address;
  return origin.kind === 'creator' ? creatorAddress() : undefined;
}
