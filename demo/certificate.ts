import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Certificate {
  cert: string;
  key: string;
}

/**
 * A throwaway self-signed certificate for the demo's https server. Chromium runs with
 * --ignore-certificate-errors, so the name in it does not matter; it lives two days and
 * the temp dir is removed as soon as the PEM text is read.
 */
export function createSelfSignedCertificate(): Certificate {
  const dir = mkdtempSync(join(tmpdir(), 'thg-cert-'));
  try {
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=telehealth-guard-demo', '-keyout', keyPath, '-out', certPath],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    return { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
