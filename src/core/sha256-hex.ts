/**
 * SHA-256 as lower-case hex: of bytes as they are, or of a text's UTF-8. WebCrypto, so the
 * same in the extension and on Node (the command line).
 */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  // A copy: WebCrypto takes only ArrayBuffer-backed arrays, and a view hashes only its own bytes.
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(data);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
