import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createHttpsServer } from 'node:https';
import { createSelfSignedCertificate } from '../../demo/certificate';

/**
 * The clinic's web server for a signed remote list, as docs/admin.md asks admins to set it
 * up: https, `Access-Control-Allow-Origin: *`, the ETag exposed, If-None-Match answered with
 * 304 (and allowed in the CORS preflight). The test puts files in and reads what was asked.
 */
export interface ListRequest {
  method: string;
  path: string;
  origin: string | undefined;
  ifNoneMatch: string | undefined;
  status: number;
}

export interface ListServer {
  port: number;
  /** `https://lists.example-clinic.com:<port><path>`; the browser maps the name to loopback. */
  url(path: string): string;
  /** Serves `body` at `path` from now on; `undefined` removes it (404). */
  set(path: string, body: Uint8Array | string | undefined): void;
  /** Answers every request with this status instead (a server down). */
  failWith(status: number | undefined): void;
  readonly requests: ListRequest[];
  close(): Promise<void>;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'ETag',
};

export async function startListServer(): Promise<ListServer> {
  const files = new Map<string, Buffer>();
  const requests: ListRequest[] = [];
  let failure: number | undefined;

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const path = new URL(request.url ?? '/', 'https://placeholder').pathname;
    const ifNoneMatch = request.headers['if-none-match'];
    const answer = (status: number, headers: Record<string, string> = {}, body?: Buffer): void => {
      requests.push({ method: request.method ?? '', path, origin: request.headers.origin, ifNoneMatch, status });
      response.writeHead(status, { ...CORS, ...headers }).end(body);
    };
    if (request.method === 'OPTIONS') {
      answer(204, {
        'access-control-allow-methods': 'GET',
        'access-control-allow-headers': 'If-None-Match',
        'access-control-allow-private-network': 'true',
      });
      return;
    }
    const body = failure === undefined ? files.get(path) : undefined;
    if (body === undefined) {
      answer(failure ?? 404);
      return;
    }
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (ifNoneMatch === etag) {
      answer(304, { etag });
      return;
    }
    answer(200, { etag, 'content-type': 'application/json', 'cache-control': 'no-cache' }, body);
  };

  const server = createHttpsServer(createSelfSignedCertificate(), handle);
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve((server.address() as AddressInfo).port);
    });
  });
  return {
    port,
    url: (path) => `https://lists.example-clinic.com:${port}${path}`,
    set(path, body) {
      if (body === undefined) files.delete(path);
      else files.set(path, Buffer.from(body));
    },
    failWith(status) {
      failure = status;
    },
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
