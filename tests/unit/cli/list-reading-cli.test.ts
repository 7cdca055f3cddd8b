import { spawnSync } from 'node:child_process';
import { sign as nodeSign } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every command reads a list file the one way the extension reads list bytes: the same size
 * limit, the same BOM rule, and public-suffix entries refused. Each failure is one line on
 * stderr, never a stack trace.
 */

const root = new URL('../../../', import.meta.url).pathname;

function run(script: string, args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function expectOneLine(stderr: string): void {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}

const BOM = '\uFEFF';
const dir = mkdtempSync(join(tmpdir(), 'thg-lists-'));
const LIST = {
  version: 4,
  expires: '2099-01-01T00:00:00Z',
  entries: [{ domain: 'telehealth.example-clinic.org', name: 'Example Clinic' }],
};

function listFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

function keygen(): { keyFile: string; publicKey: string } {
  const out = mkdtempSync(join(dir, 'keys-'));
  expect(run('allowlist', ['keygen', '--out', out]).code).toBe(0);
  return { keyFile: join(out, 'allowlist.key'), publicKey: readFileSync(join(out, 'allowlist.pub'), 'utf8').trim() };
}

describe('a list with a byte-order mark', () => {
  const withBom = listFile('bom.json', `${BOM}${JSON.stringify(LIST)}`);
  const twoBoms = listFile('two-boms.json', `${BOM}${BOM}${JSON.stringify(LIST)}`);

  it('passes validate and assess --allowlist alike', () => {
    expect(run('allowlist', ['validate', withBom])).toMatchObject({ code: 0 });
    const assessed = run('assess', ['--allowlist', withBom, 'visit.telehealth.example-clinic.org']);
    expect(assessed.code).toBe(0);
    expect(JSON.parse(assessed.stdout)).toMatchObject({ level: 'verified' });
  }, 20_000);

  it('with a second mark fails validate and assess --allowlist alike', () => {
    const validated = run('allowlist', ['validate', twoBoms]);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toMatch(/^\(root\): not JSON/);
    const assessed = run('assess', ['--allowlist', twoBoms, 'doxy.me']);
    expect(assessed.code).toBe(2);
    expect(assessed.stderr).toMatch(/invalid allowlist .*two-boms\.json: \(root\): not JSON/);
    expectOneLine(assessed.stderr);
  }, 20_000);

  it('is signed and verified as its exact bytes', () => {
    const { keyFile, publicKey } = keygen();
    expect(run('allowlist', ['sign', withBom, '--key', keyFile]).code).toBe(0);
    expect(run('allowlist', ['verify', withBom, '--pub', publicKey]).code).toBe(0);
  }, 30_000);
});

describe('a list over the size limit (1 MiB)', () => {
  const big = listFile('big.json', JSON.stringify({ ...LIST, notes: 'x'.repeat(1024 * 1024) }));

  it('fails validate, as the extension refuses it', () => {
    const { code, stdout, stderr } = run('allowlist', ['validate', big]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^\(root\): the list is \d+ bytes, more than the limit of 1048576$/m);
    expectOneLine(stderr);
  }, 20_000);

  it('fails sign with one line and writes no signature', () => {
    const { keyFile } = keygen();
    const { code, stderr } = run('allowlist', ['sign', big, '--key', keyFile]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/big\.json is not a valid list: 1 problem; nothing signed/);
    expectOneLine(stderr);
    expect(existsSync(`${big}.sig`)).toBe(false);
  }, 30_000);

  it('fails assess --allowlist with one line', () => {
    const { code, stderr } = run('assess', ['--allowlist', big, 'doxy.me']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/invalid allowlist .*big\.json: \(root\): the list is \d+ bytes/);
    expectOneLine(stderr);
  }, 20_000);
});

describe('a list naming a public suffix', () => {
  const suffixList = { ...LIST, entries: [...LIST.entries, { domain: 'github.io', name: 'Our pages' }] };
  const file = listFile('suffix.json', JSON.stringify(suffixList));
  const message = 'github.io is a public suffix: listing it would verify every site under it; entry ignored';

  it('fails validate, with the problem by its path', () => {
    const { code, stdout, stderr } = run('allowlist', ['validate', file]);
    expect(code).toBe(1);
    expect(stdout).toBe(`entries[1].domain: ${message}\n`);
    expect(stderr).toMatch(/suffix\.json is not a valid list: 1 problem/);
    expectOneLine(stderr);
  }, 20_000);

  it('fails sign, which writes no signature', () => {
    const { keyFile } = keygen();
    const { code, stdout } = run('allowlist', ['sign', file, '--key', keyFile]);
    expect(code).toBe(1);
    expect(stdout).toContain(`entries[1].domain: ${message}`);
    expect(existsSync(`${file}.sig`)).toBe(false);
  }, 30_000);

  it('fails verify even when signed by another tool, saying the extension ignores the entry', () => {
    const { keyFile, publicKey } = keygen();
    const signed = listFile('suffix-signed.json', JSON.stringify(suffixList));
    writeFileSync(`${signed}.sig`, `${nodeSign(null, readFileSync(signed), readFileSync(keyFile, 'utf8')).toString('base64')}\n`);
    const { code, stdout, stderr } = run('allowlist', ['verify', signed, '--pub', publicKey]);
    expect(code).toBe(1);
    expect(stdout).toBe(`entries[1].domain: ${message}\n`);
    expect(stderr).toMatch(/FAILED public-suffix: the signature is good/);
    expectOneLine(stderr);
  }, 30_000);

  it('fails assess --allowlist with exit 2, naming the path', () => {
    const { code, stdout, stderr } = run('assess', ['--allowlist', file, 'doxy.me']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`invalid allowlist ${file}: entries[1].domain: ${message}`);
    expectOneLine(stderr);
  }, 20_000);
});
