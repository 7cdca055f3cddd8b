import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchListAndSignature } from '../../../src/background/remote-list-fetch';

const LIST = 'https://it.example-clinic.org/thg/list.json';
const SIG = 'A'.repeat(86) + '==\n';

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;
function serve(handler: Handler): { calls: { url: string; headers: Record<string, string> }[] } {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  // Like the real fetch, it never throws: every failure is a rejected promise.
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, headers: { ...(init.headers as Record<string, string>) } });
    return handler(url, init);
  });
  return { calls };
}
const ok = (body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) => new Response(body, { status: 200, headers });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchListAndSignature', () => {
  it('downloads the list and then its .sig, and keeps the ETag', async () => {
    const { calls } = serve((url) => (url.endsWith('.sig') ? ok(SIG) : ok('{"version":1}', { etag: '"abc"' })));
    const result = await fetchListAndSignature(LIST, undefined);
    expect(result).toMatchObject({ kind: 'fetched', signatureText: SIG, etag: '"abc"' });
    expect(calls.map((call) => call.url)).toEqual([LIST, `${LIST}.sig`]);
  });

  it('sends If-None-Match and stops at a 304', async () => {
    const { calls } = serve(() => new Response(null, { status: 304 }));
    expect(await fetchListAndSignature(LIST, '"abc"')).toEqual({ kind: 'not-modified' });
    expect(calls).toEqual([{ url: LIST, headers: { 'If-None-Match': '"abc"' } }]);
  });

  it('asks once more without If-None-Match when the conditional request fails (a CORS preflight refused)', async () => {
    const { calls } = serve((url, init) => {
      if ((init.headers as Record<string, string>)['If-None-Match'] !== undefined) throw new TypeError('Failed to fetch');
      return url.endsWith('.sig') ? ok(SIG) : ok('{}');
    });
    expect((await fetchListAndSignature(LIST, '"abc"')).kind).toBe('fetched');
    expect(calls.map((call) => call.headers)).toEqual([{ 'If-None-Match': '"abc"' }, {}, {}]);
  });

  it.each<[string, Handler, string]>([
    ['a network error', () => Promise.reject(new TypeError('Failed to fetch')), 'fetch-failed'],
    ['an error status for the list', () => new Response('gone', { status: 404 }), 'http-error'],
    ['an error status for the .sig', (url) => (url.endsWith('.sig') ? new Response('', { status: 404 }) : ok('{}')), 'http-error'],
    ['a declared size over the cap', () => ok('{}', { 'content-length': String(2 * 1024 * 1024) }), 'too-large'],
    ['a body over the cap', () => ok(new Uint8Array(1024 * 1024 + 1)), 'too-large'],
    ['a .sig far too long to be one', (url) => (url.endsWith('.sig') ? ok('x'.repeat(5000)) : ok('{}')), 'bad-signature-format'],
  ])('fails on %s, with the reason', async (_name, handler, reason) => {
    serve(handler);
    expect(await fetchListAndSignature(LIST, undefined)).toMatchObject({ kind: 'failed', reason });
  });

  it('refuses a redirect off https', async () => {
    serve(() => {
      const response = ok('{}');
      Object.defineProperty(response, 'url', { value: 'http://it.example-clinic.org/thg/list.json' });
      return response;
    });
    expect(await fetchListAndSignature(LIST, undefined)).toMatchObject({ kind: 'failed', reason: 'fetch-failed', message: expect.stringContaining('not https') as unknown });
  });

  it('never asks an http address', async () => {
    const { calls } = serve(() => ok('{}'));
    expect(await fetchListAndSignature('http://it.example-clinic.org/l.json', undefined)).toMatchObject({ kind: 'failed' });
    expect(calls).toEqual([]);
  });
});
