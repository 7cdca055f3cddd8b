import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowlist as allowlistCommand } from '../../../src/cli/allowlist-commands';
import { runInProcess, type CommandRun } from './run-in-process';

function allowlist(args: string[]): Promise<CommandRun> {
  return runInProcess(allowlistCommand, args);
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'thg-allowlist-'));
}

const LIST = {
  version: 3,
  expires: '2099-01-01T00:00:00Z',
  entries: [
    { domain: 'telehealth.example-clinic.org', name: 'Example Clinic' },
    { domain: 'portal.example-clinic.org', name: 'Example Clinic portal', category: 'portal' },
  ],
};

function writeList(dir: string, list: unknown = LIST, name = 'list.json'): string {
  const file = join(dir, name);
  writeFileSync(file, `${JSON.stringify(list, null, 2)}\n`);
  return file;
}

async function keygen(dir: string): Promise<{ keyFile: string; publicKey: string }> {
  const { code, stdout } = await allowlist(['keygen', '--out', dir]);
  expect(code).toBe(0);
  const publicKey = readFileSync(join(dir, 'allowlist.pub'), 'utf8').trim();
  expect(stdout).toContain(publicKey);
  return { keyFile: join(dir, 'allowlist.key'), publicKey };
}

describe('allowlist keygen → sign → verify', () => {
  it('writes a private key (PEM, mode 0600) and the public key as 32 bytes of base64', async () => {
    const dir = tempDir();
    const { keyFile, publicKey } = await keygen(join(dir, 'keys'));
    expect(readFileSync(keyFile, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+-----END PRIVATE KEY-----\n$/);
    if (process.platform !== 'win32') expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(Buffer.from(publicKey, 'base64')).toHaveLength(32);
    expect(publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it('refuses to overwrite existing keys', async () => {
    const dir = tempDir();
    const { publicKey } = await keygen(dir);
    const again = await allowlist(['keygen', '--out', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists; refusing to overwrite/);
    expect(readFileSync(join(dir, 'allowlist.pub'), 'utf8').trim()).toBe(publicKey);
  });

  it('signs a valid list and verifies it with the public key', async () => {
    const dir = tempDir();
    const { keyFile, publicKey } = await keygen(dir);
    const file = writeList(dir);

    const signed = await allowlist(['sign', file, '--key', keyFile]);
    expect(signed.code).toBe(0);
    expect(signed.stdout).toContain(`${file}.sig`);
    expect(readFileSync(`${file}.sig`, 'utf8')).toMatch(/^[A-Za-z0-9+/]{86}==\n$/);

    const verified = await allowlist(['verify', file, '--pub', publicKey]);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toBe(`OK signed by key ${publicKey} (version 3, expires 2099-01-01T00:00:00Z, 2 entries)\n`);
  });

  it('verifies against several keys (rotation) and fails on a tampered list or the wrong key', async () => {
    const dir = tempDir();
    const oldKey = await keygen(join(dir, 'old'));
    const newKey = await keygen(join(dir, 'new'));
    const file = writeList(dir);
    expect((await allowlist(['sign', file, '--key', newKey.keyFile])).code).toBe(0);

    const rotation = await allowlist(['verify', file, '--pub', `${oldKey.publicKey},${newKey.publicKey}`]);
    expect(rotation.code).toBe(0);
    expect(rotation.stdout).toContain(`OK signed by key ${newKey.publicKey}`);

    const wrongKey = await allowlist(['verify', file, '--pub', oldKey.publicKey]);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toMatch(/FAILED signature-mismatch/);

    writeFileSync(file, readFileSync(file, 'utf8').replace('"version": 3', '"version": 4'));
    const tampered = await allowlist(['verify', file, '--pub', newKey.publicKey]);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/FAILED signature-mismatch: .*changed after signing/);
    expect(tampered.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('fails verify when there is no .sig file', async () => {
    const dir = tempDir();
    const { publicKey } = await keygen(dir);
    const { code, stderr } = await allowlist(['verify', writeList(dir), '--pub', publicKey]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/no signature file .*list\.json\.sig/);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['no "expires"', { version: 1, entries: [] }, /has no "expires"/],
    ['an "expires" in the past', { version: 1, expires: '2001-01-01T00:00:00Z', entries: [] }, /expired on 2001-01-01/],
  ])('refuses to sign a list with %s', async (_name, list, reason) => {
    const dir = tempDir();
    const { keyFile } = await keygen(dir);
    const file = writeList(dir, list);
    const { code, stderr } = await allowlist(['sign', file, '--key', keyFile]);
    expect(code).toBe(1);
    expect(stderr).toMatch(reason);
    expect(existsSync(`${file}.sig`)).toBe(false);
  });

  it('refuses to sign an invalid list and prints its problems by path', async () => {
    const dir = tempDir();
    const { keyFile } = await keygen(dir);
    const file = writeList(dir, { ...LIST, entries: [{ domain: 'doxy..me', name: 'Doxy' }] });
    const { code, stdout } = await allowlist(['sign', file, '--key', keyFile]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^entries\[0\]\.domain: /m);
    expect(existsSync(`${file}.sig`)).toBe(false);
  });

  it('matches a signature made with openssl from the same key file', async () => {
    const dir = tempDir();
    const { keyFile, publicKey } = await keygen(dir);
    const file = writeList(dir);
    const openssl = spawnSync('openssl', ['pkeyutl', '-sign', '-inkey', keyFile, '-rawin', '-in', file]);
    // OpenSSL 3 is on every Debian machine this runs on; without it this test must say so, not pass.
    expect(openssl.error, 'openssl is needed for this test: apt-get install -y openssl').toBeUndefined();
    expect(openssl.status, openssl.stderr.toString()).toBe(0);
    writeFileSync(`${file}.sig`, `${openssl.stdout.toString('base64')}\n`);
    expect((await allowlist(['verify', file, '--pub', publicKey])).code).toBe(0);
  });
});

describe('allowlist validate', () => {
  it('prints each problem with its JSON path, one per line, and exits 1', async () => {
    const dir = tempDir();
    const file = writeList(dir, {
      version: -1,
      entries: [{ domain: 'ok.example.org', name: 'OK' }, { domain: 'not a domain', name: 'X' }, { domain: 'b.example.org' }],
    });
    const { code, stdout, stderr } = await allowlist(['validate', file]);
    expect(code).toBe(1);
    expect(stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^version: /),
      expect.stringMatching(/^entries\[1\]\.domain: must be a registrable hostname/),
      expect.stringMatching(/^entries\[2\]\.name: /),
    ]);
    expect(stderr).toMatch(/3 problems/);
  });

  it('reports a JSON syntax error at the root', async () => {
    const dir = tempDir();
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"version": 1, "entries": [}');
    const { code, stdout } = await allowlist(['validate', file]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^\(root\): not JSON/);
  });

  it('exits 0 with a summary for a valid list, warning about a repeated domain', async () => {
    const dir = tempDir();
    const file = writeList(dir, { version: 2, entries: [...LIST.entries, { domain: 'telehealth.example-clinic.org', name: 'Again' }] });
    const { code, stdout } = await allowlist(['validate', file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^entries\[2\]\.domain: warning: telehealth\.example-clinic\.org is already listed at entries\[0\]\.domain/m);
    expect(stdout).toMatch(/OK .*list\.json: valid list, version 2, no "expires", 3 entries \(add "expires" before signing/);
  });
});

describe('allowlist usage errors', () => {
  const dir = tempDir();
  const list = writeList(dir);
  it.each<[string[], RegExp]>([
    [[], /no command given/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['keygen'], /keygen needs --out DIR/],
    [['keygen', '--out', dir, 'extra'], /keygen takes no FILE/],
    [['sign', list], /sign needs --key KEYFILE/],
    [['sign', list, '--key', join(dir, 'missing.key')], /cannot read key file .*missing\.key: ENOENT/],
    [['sign', list, '--key', list], /is not an Ed25519 private key in PKCS#8 PEM/],
    [['verify', list], /verify needs --pub KEY/],
    [['verify', list, '--pub', 'c2hvcnQ='], /is not a base64 Ed25519 public key of 32 bytes/],
    [['verify', '--pub', 'x'], /verify takes exactly one FILE/],
    [['validate'], /validate takes exactly one FILE/],
    [['validate', join(dir, 'nope.json')], /cannot read list .*nope\.json: ENOENT/],
    [['validate', list, '--strict'], /unknown option --strict/],
  ])('exits 2 with one line for %j', async (args, reason) => {
    const { code, stderr, stdout } = await allowlist(args);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(reason);
    expect(stdout).toBe('');
  });

  it('prints usage on --help and exits 0', async () => {
    const { code, stdout } = await allowlist(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/keygen --out DIR/);
  });
});
