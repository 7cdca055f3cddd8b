import { encodeBase64, signListBytes } from '../../src/core/lists/signed-list';

/** An admin's key pair and signed lists, made the way `allowlist keygen` / `sign` make them. */
export interface ListSigner {
  /** The text of allowlist.pub, for the policy's remoteAllowlistKeys. */
  publicKey: string;
  /** The list's exact bytes and the text of its .sig. */
  sign(list: { version: number; expires: string; entries: { domain: string; name: string }[] }): Promise<{ bytes: Uint8Array; sig: string }>;
  signBytes(bytes: Uint8Array): Promise<string>;
}

export async function makeSigner(): Promise<ListSigner> {
  const pair = await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const signBytes = (bytes: Uint8Array): Promise<string> => signListBytes(bytes, pair.privateKey);
  return {
    publicKey: encodeBase64(raw),
    signBytes,
    async sign(list) {
      const bytes = new TextEncoder().encode(`${JSON.stringify(list, null, 2)}\n`);
      return { bytes, sig: await signBytes(bytes) };
    },
  };
}

export const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
export const inSeconds = (seconds: number): string => new Date(Date.now() + seconds * 1000).toISOString();
