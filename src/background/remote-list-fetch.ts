import { DEFAULT_MAX_LIST_BYTES, signatureUrlFor } from '../core/lists/signed-list';

/**
 * Downloads a remote list and its detached `.sig` (https only, size-capped, no cookies).
 *
 * No host permission is asked for this: the extension's host access (every http and https
 * site, where its content scripts run and the background reads pages) covers it, so in
 * Chromium the fetch is not CORS-gated: the e2e tests see no Origin header and no preflight.
 * Where a browser does apply CORS, the admin's server sends `Access-Control-Allow-Origin: *` (docs/admin.md)
 * and, to let us read the ETag, `Access-Control-Expose-Headers: ETag`.
 *
 * ETag / If-None-Match: the ETag of the list in force is sent back and a `304` saves the
 * download. Under CORS If-None-Match costs a preflight; a server that exposes the ETag but
 * refuses the preflight would fail that request, so a failed conditional request is tried
 * once more without it.
 */

export type FetchFailureReason = 'fetch-failed' | 'http-error' | 'too-large' | 'bad-signature-format';

export type FetchedList =
  | { kind: 'not-modified' }
  | { kind: 'fetched'; bytes: Uint8Array; signatureText: string; etag: string | undefined }
  | { kind: 'failed'; reason: FetchFailureReason; message: string };

/** A `.sig` is 88 base64 characters and a line break; anything far longer is not one. */
const MAX_SIGNATURE_BYTES = 1024;
const TIMEOUT_MS = 30_000;

class FetchProblem extends Error {
  constructor(
    readonly reason: FetchFailureReason,
    message: string,
  ) {
    super(message);
  }
}

/** Reads at most `maxBytes`; stops downloading as soon as the body is longer. */
async function readCapped(response: Response, maxBytes: number, what: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw new FetchProblem('too-large', `the ${what} is ${declared} bytes, more than the limit of ${maxBytes}`);
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw new FetchProblem('too-large', `the ${what} is more than the limit of ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

async function get(url: string, what: string, etag: string | undefined): Promise<Response> {
  const request = (headers: Record<string, string>): Promise<Response> =>
    // no-store: the extension does its own revalidation (If-None-Match) and must see the 304.
    fetch(url, { cache: 'no-store', credentials: 'omit', redirect: 'follow', headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
  let response: Response;
  try {
    response = await request(etag === undefined ? {} : { 'If-None-Match': etag }).catch((error: unknown) => {
      if (etag === undefined) throw error;
      return request({});
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new FetchProblem('fetch-failed', `could not download the ${what} (${detail}): check the address, the network, and that the server sends Access-Control-Allow-Origin`);
  }
  // A redirect must not take the list off https.
  if (response.url !== '' && !response.url.startsWith('https:')) {
    throw new FetchProblem('fetch-failed', `the ${what} was redirected to ${response.url}, which is not https`);
  }
  return response;
}

export async function fetchListAndSignature(url: string, etag: string | undefined, maxBytes = DEFAULT_MAX_LIST_BYTES): Promise<FetchedList> {
  try {
    if (new URL(url).protocol !== 'https:') throw new FetchProblem('fetch-failed', `${url} is not an https address`);
    const list = await get(url, 'list', etag);
    if (list.status === 304 && etag !== undefined) return { kind: 'not-modified' };
    if (!list.ok) throw new FetchProblem('http-error', `the server answered ${list.status} for the list ${url}`);
    const bytes = await readCapped(list, maxBytes, 'list');

    const sigUrl = signatureUrlFor(url);
    const sig = await get(sigUrl, 'signature', undefined);
    if (!sig.ok) throw new FetchProblem('http-error', `the server answered ${sig.status} for the signature ${sigUrl}`);
    const sigBytes = await readCapped(sig, MAX_SIGNATURE_BYTES, 'signature').catch((error: unknown) => {
      if (error instanceof FetchProblem && error.reason === 'too-large') throw new FetchProblem('bad-signature-format', `${error.message}: a .sig holds one base64 signature`);
      throw error;
    });
    const signatureText = new TextDecoder().decode(sigBytes);
    return { kind: 'fetched', bytes, signatureText, etag: list.headers.get('etag') ?? undefined };
  } catch (error) {
    if (error instanceof FetchProblem) return { kind: 'failed', reason: error.reason, message: error.message };
    return { kind: 'failed', reason: 'fetch-failed', message: error instanceof Error ? error.message : String(error) };
  }
}
