import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DIST, launchExtensionBrowser } from '../../demo/browser';
import { createSelfSignedCertificate } from '../../demo/certificate';
import { extensionIdFromKey } from '../../demo/extension-id';
import { SCENARIOS } from '../../demo/scenarios';
import { DEMO_TRACKER_HOSTS } from '../../demo/tracker-stand-ins';
import { pageFileOf, startDemoServers, type DemoServers } from '../../demo/server';

/** The ID admins key their policies by; it follows from the manifest's fixed key. */
const EXTENSION_ID = 'ljbanadpekglijmpjdpnphaljafnjdkn';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

/** A request to the demo servers with any Host header; loopback only. */
function get(scheme: 'http' | 'https', port: number, host: string, path: string, address = '127.0.0.1'): Promise<Answer> {
  const send = scheme === 'https' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send({ host: address, port, path, headers: { host: `${host}:${port}` }, rejectUnauthorized: false, servername: host }, (res) => {
      res.resume();
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the demo harness', () => {
  let servers: DemoServers;
  beforeAll(async () => {
    servers = await startDemoServers();
  });
  afterAll(async () => {
    await servers.close();
  });

  it('serves each page by Host header and path, over https and http', async () => {
    expect((await get('https', servers.httpsPort, 'doxy.me', '/dr-smith')).status).toBe(200);
    expect((await get('https', servers.httpsPort, 'zoom.us', '/j/123456789')).status).toBe(200);
    const portal = await get('http', servers.httpPort, 'patient-portal.example-clinic.com', '/');
    expect(portal.status).toBe(200);
    expect(portal.headers['content-security-policy']).toContain("default-src 'self'");
    expect(portal.headers['content-security-policy']).toContain("form-action 'self'");
  });

  it('answers 404 for unknown hosts and paths, and never leaves demo/sites', async () => {
    expect((await get('https', servers.httpsPort, 'example.com', '/')).status).toBe(404);
    expect((await get('https', servers.httpsPort, 'doxy.me', '/nobody')).status).toBe(404);
    expect((await get('https', servers.httpsPort, 'doxy.me', '/../../package.json')).status).toBe(404);
    expect((await get('https', servers.httpsPort, '..', '/package')).status).toBe(404);
    expect(pageFileOf('doxy.me', '/%2e%2e/x')).toBeUndefined();
  });

  it('listens on 127.0.0.1 only', async () => {
    // 127.0.0.2 is loopback too: a server bound to every address would answer there.
    await expect(get('http', servers.httpPort, 'doxy.me', '/', '127.0.0.2')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('has a page for every scenario, and no page names a host outside the demo', () => {
    for (const scenario of SCENARIOS) {
      const url = new URL(scenario.url({ httpsPort: 443, httpPort: 80 }));
      expect(existsSync(pageFileOf(url.hostname, url.pathname) ?? ''), scenario.name).toBe(true);
    }
    const sites = join(import.meta.dirname, '../../demo/sites');
    const demoHosts = new Set(readdirSync(sites));
    for (const file of readdirSync(sites, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(sites, file), 'utf8');
      // Nothing loads from another origin by markup...
      expect(html, file).not.toMatch(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
      // ...and every host a page names is a demo site or a tracker's stand-in (both served here,
      // on loopback), except a form's action on a reserved example name: CSP form-action 'self'
      // never sends it.
      for (const [, attribute, host] of html.matchAll(/(action\s*=\s*["'](?:https?:)?)?\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)+)/gi)) {
        const allowed = demoHosts.has(host!) || DEMO_TRACKER_HOSTS.includes(host!) || (attribute !== undefined && host!.endsWith('.example.net'));
        expect(allowed, `${file} names ${host!}`).toBe(true);
      }
    }
  });

  it('makes a self-signed certificate for the demo name', () => {
    const { cert, key } = createSelfSignedCertificate();
    expect(key).toContain('PRIVATE KEY');
    expect(new X509Certificate(cert).subject).toBe('CN=telehealth-guard-demo');
  });

  it('derives the extension ID from the manifest key', () => {
    const manifest = JSON.parse(readFileSync(join(DEFAULT_DIST, 'manifest.json'), 'utf8')) as { key: string };
    expect(extensionIdFromKey(manifest.key)).toBe(EXTENSION_ID);
  });

  it('fails with the install command when Chromium is missing', async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      await expect(launchExtensionBrowser()).rejects.toThrow('apt-get install -y chromium');
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });
});
