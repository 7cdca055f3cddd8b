import { createHash } from 'node:crypto';

/**
 * Chromium's extension ID for a manifest `key`: the SHA-256 of the decoded public key, its
 * first 32 hex digits written with the letters a–p instead of 0–f.
 */
export function extensionIdFromKey(base64Key: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode('a'.charCodeAt(0) + parseInt(digit, 16))).join('');
}

/** `chrome-extension://<id>/service-worker-loader.js` → `<id>`. */
export function extensionIdFromUrl(url: string): string {
  const match = /^chrome-extension:\/\/([a-p]{32})\//.exec(url);
  if (!match) throw new Error(`not an extension URL: ${url}`);
  return match[1]!;
}
