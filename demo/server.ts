import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSelfSignedCertificate } from './certificate';
import { sharedPageFor } from './lookalike-hosts';
import { passwordPageFor } from './password-pages';
import { DEMO_TRACKER_HOSTS, FORM_FRAME_HOST, isTrackerHost, ORDINARY_TRACKED_HOSTS, trackerStandIn } from './tracker-stand-ins';

const SITES_DIR = fileURLToPath(new URL('./sites/', import.meta.url));

/** Whole DNS labels only: no "..", no slashes, so a Host header can't climb out of sites/. */
const SAFE_HOST = /^(?:[a-z0-9-]+\.)*[a-z0-9-]+$/;
/** Path segments of letters, digits and dashes, the same guard for the path. */
const SAFE_PATH = /^\/(?:[a-z0-9][a-z0-9-]*\/)*(?:[a-z0-9][a-z0-9-]*)?$/i;

/**
 * The pages may load nothing from another origin: the demo must never reach past loopback,
 * and Chromium maps every hostname to 127.0.0.1 anyway, so a stray request would only
 * muddle what the extension sees. One exception, demo sites on these same servers: a page
 * may frame d0xy.me or forum.example.org, to show the guard in cross-site frames, an unknown video
 * site (visits.example-telehealth.net) and a stand-in for a chat widget's frame (intercom-sheets.com),
 * and the article's ad, video and social frames (ads.example-adnetwork.com, video.example-videohost.com,
 * social.example-social.com) for the benchmark's frame-heavy page.
 * Frames a page builds itself from `blob:` and `data:` addresses are allowed too: the hostile
 * pages (demo/sites/<host>/hostile/) hide their login forms in them; neither loads anything.
 * The tracker pages send to stand-ins of real trackers on these same servers
 * (tracker-stand-ins), and frame a third-party form host.
 */
const TRACKERS = DEMO_TRACKER_HOSTS.map((host) => `https://${host}:*`).join(' ');
const CSP =
  `default-src 'self'; script-src 'self' 'unsafe-inline' ${TRACKERS}; style-src 'self' 'unsafe-inline'; img-src 'self' data: ${TRACKERS}; connect-src 'self' ${TRACKERS}; ` +
  "frame-src 'self' blob: data: https://d0xy.me:* https://forum.example.org:* https://visits.example-telehealth.net:* https://intercom-sheets.com:* " +
  `https://ads.example-adnetwork.com:* https://video.example-videohost.com:* https://social.example-social.com:* https://${FORM_FRAME_HOST}:*; ` +
  "worker-src 'self' blob:; form-action 'self'";

/** Any host, this path: an empty 204 answer. An iframe pointed at it never leaves its initial about:blank document. */
export const NO_CONTENT_PATH = '/no-content';

/**
 * Pages whose body never ends: the page file is sent, then the connection is held open with a
 * comment every STREAM_TICK_MS until the servers close, so the document never finishes
 * parsing (readyState stays "loading", no DOMContentLoaded, no load).
 */
export const NEVER_ENDING_PAGES: readonly string[] = ['/hostile/never-ends'];
const STREAM_TICK_MS = 500;

export interface ServedRequest {
  scheme: 'http' | 'https';
  host: string;
  path: string;
  status: number;
}

export interface DemoServers {
  httpsPort: number;
  httpPort: number;
  /** Every request served so far, so a test can check that pages stay on their own host. */
  requests: readonly ServedRequest[];
  close(): Promise<void>;
}

/** `doxy.me:8443` → `doxy.me`; undefined for a missing or odd Host header. */
export function hostnameOf(hostHeader: string | undefined): string | undefined {
  const host = hostHeader?.toLowerCase().replace(/:\d+$/, '');
  return host !== undefined && SAFE_HOST.test(host) ? host : undefined;
}

/** `/` → `index.html`, `/dr-smith` → `dr-smith.html`, `/j/1/` → `j/1/index.html`. */
export function pageFileOf(host: string, pathname: string): string | undefined {
  if (!SAFE_PATH.test(pathname)) return undefined;
  const relative = pathname.endsWith('/') ? `${pathname}index` : pathname;
  return join(SITES_DIR, host, `${relative.slice(1)}.html`);
}

/** A host's own page first; then, for the lookalike and near-name hosts, their shared `/login`. */
async function readPage(host: string, pathname: string): Promise<Buffer | undefined> {
  const own = pageFileOf(host, pathname);
  const body = own === undefined ? undefined : await readFile(own).catch(() => undefined);
  const shared =
    sharedPageFor(host, pathname) ?? passwordPageFor(host, pathname) ?? (ORDINARY_TRACKED_HOSTS.includes(host) && pathname === '/' ? 'ordinary-tracked' : undefined);
  if (body !== undefined || shared === undefined) return body;
  return readFile(join(SITES_DIR, '_shared', `${shared}.html`));
}

async function servePage(request: IncomingMessage, response: ServerResponse): Promise<number> {
  const host = hostnameOf(request.headers.host);
  const pathname = new URL(request.url ?? '/', 'http://placeholder').pathname;
  if (pathname === NO_CONTENT_PATH) {
    response.writeHead(204, { 'cache-control': 'no-store' }).end();
    return 204;
  }
  if (host !== undefined && isTrackerHost(host)) {
    const { status, headers, body } = trackerStandIn(pathname);
    response.writeHead(status, headers).end(body);
    return status;
  }
  const body = host === undefined ? undefined : await readPage(host, pathname);
  if (body === undefined) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    return 404;
  }
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': CSP });
  if (NEVER_ENDING_PAGES.includes(pathname)) {
    response.write(body);
    // Held open until the browser leaves or the servers close (closeAllConnections).
    const tick = setInterval(() => response.write('<!-- still loading -->\n'), STREAM_TICK_MS);
    response.once('close', () => {
      clearInterval(tick);
    });
    return 200;
  }
  response.end(body);
  return 200;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: nothing outside this machine can reach the demo sites.
    server.listen(0, '127.0.0.1', () => {
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => { resolve(); }));
}

/** One https and one http server, each serving demo/sites/<Host>/<path>.html. */
export async function startDemoServers(): Promise<DemoServers> {
  const requests: ServedRequest[] = [];
  const handler = (scheme: ServedRequest['scheme']) => (request: IncomingMessage, response: ServerResponse) => {
    servePage(request, response).then(
      (status) => requests.push({ scheme, host: request.headers.host ?? '', path: request.url ?? '', status }),
      (error: unknown) => {
        response.destroy(error instanceof Error ? error : new Error(String(error)));
      },
    );
  };
  const https = createHttpsServer(createSelfSignedCertificate(), handler('https'));
  const http = createHttpServer(handler('http'));
  const [httpsPort, httpPort] = await Promise.all([listen(https), listen(http)]);
  return {
    httpsPort,
    httpPort,
    requests,
    close: async () => {
      await Promise.all([closeServer(https), closeServer(http)]);
    },
  };
}
