import { sign as nodeSign } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowlist } from '../../../src/cli/allowlist-commands';
import { assess } from '../../../src/cli/assess-command';
import { runInProcess, type CommandRun } from './run-in-process';

/**
 * Every command reads a list file the one way the extension reads list bytes: the same size
 * limit, the same BOM rule, and public-suffix entries refused. Each failure is one line on
 * stderr, never a stack trace.
 */

const commands = { allowlist, assess };

function run(command: keyof typeof commands, args: string[]): Promise<CommandRun> {
  return runInProcess(commands[command], args);
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

async function keygen(): Promise<{ keyFile: string; publicKey: string }> {
  const out = mkdtempSync(join(dir, 'keys-'));
  expect((await run('allowlist', ['keygen', '--out', out])).code).toBe(0);
  return { keyFile: join(out, 'allowlist.key'), publicKey: readFileSync(join(out, 'allowlist.pub'), 'utf8').trim() };
}

describe('a list with a byte-order mark', () => {
  const withBom = listFile('bom.json', `${BOM}${JSON.stringify(LIST)}`);
  const twoBoms = listFile('two-boms.json', `${BOM}${BOM}${JSON.stringify(LIST)}`);

  it('passes validate and assess --allowlist alike', async () => {
    expect(await run('allowlist', ['validate', withBom])).toMatchObject({ code: 0 });
    const assessed = await run('assess', ['--allowlist', withBom, 'visit.telehealth.example-clinic.org']);
    expect(assessed.code).toBe(0);
    expect(JSON.parse(assessed.stdout)).toMatchObject({ level: 'verified' });
  });

  it('with a second mark fails validate and assess --allowlist alike', async () => {
    const validated = await run('allowlist', ['validate', twoBoms]);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toMatch(/^\(root\): not JSON/);
    const assessed = await run('assess', ['--allowlist', twoBoms, 'doxy.me']);
    expect(assessed.code).toBe(2);
    expect(assessed.stderr).toMatch(/invalid allowlist .*two-boms\.json: \(root\): not JSON/);
    expectOneLine(assessed.stderr);
  });

  it('is signed and verified as its exact bytes', async () => {
    const { keyFile, publicKey } = await keygen();
    expect((await run('allowlist', ['sign', withBom, '--key', keyFile])).code).toBe(0);
    expect((await run('allowlist', ['verify', withBom, '--pub', publicKey])).code).toBe(0);
  });
});

describe('a list over the size limit (1 MiB)', () => {
  const big = listFile('big.json', JSON.stringify({ ...LIST, notes: 'x'.repeat(1024 * 1024) }));

  it('fails validate, as the extension refuses it', async () => {
    const { code, stdout, stderr } = await run('allowlist', ['validate', big]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^\(root\): the list is \d+ bytes, more than the limit of 1048576$/m);
    expectOneLine(stderr);
  });

  it('fails sign with one line and writes no signature', async () => {
    const { keyFile } = await keygen();
    const { code, stderr } = await run('allowlist', ['sign', big, '--key', keyFile]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/big\.json is not a valid list: 1 problem; nothing signed/);
    expectOneLine(stderr);
    expect(existsSync(`${big}.sig`)).toBe(false);
  });

  it('fails assess --allowlist with one line', async () => {
    const { code, stderr } = await run('assess', ['--allowlist', big, 'doxy.me']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/invalid allowlist .*big\.json: \(root\): the list is \d+ bytes/);
    expectOneLine(stderr);
  });
});

describe('a list naming a public suffix', () => {
  const suffixList = { ...LIST, entries: [...LIST.entries, { domain: 'github.io', name: 'Our pages' }] };
  const file = listFile('suffix.json', JSON.stringify(suffixList));
  const message = 'github.io is a public suffix: listing it would verify every site under it; entry ignored';

  it('fails validate, with the problem by its path', async () => {
    const { code, stdout, stderr } = await run('allowlist', ['validate', file]);
    expect(code).toBe(1);
    expect(stdout).toBe(`entries[1].domain: ${message}\n`);
    expect(stderr).toMatch(/suffix\.json is not a valid list: 1 problem/);
    expectOneLine(stderr);
  });

  it('fails sign, which writes no signature', async () => {
    const { keyFile } = await keygen();
    const { code, stdout } = await run('allowlist', ['sign', file, '--key', keyFile]);
    expect(code).toBe(1);
    expect(stdout).toContain(`entries[1].domain: ${message}`);
    expect(existsSync(`${file}.sig`)).toBe(false);
  });

  it('fails verify even when signed by another tool, saying the extension ignores the entry', async () => {
    const { keyFile, publicKey } = await keygen();
    const signed = listFile('suffix-signed.json', JSON.stringify(suffixList));
    writeFileSync(`${signed}.sig`, `${nodeSign(null, readFileSync(signed), readFileSync(keyFile, 'utf8')).toString('base64')}\n`);
    const { code, stdout, stderr } = await run('allowlist', ['verify', signed, '--pub', publicKey]);
    expect(code).toBe(1);
    expect(stdout).toBe(`entries[1].domain: ${message}\n`);
    expect(stderr).toMatch(/FAILED public-suffix: the signature is good/);
    expectOneLine(stderr);
  });

  it('fails assess --allowlist with exit 2, naming the path', async () => {
    const { code, stdout, stderr } = await run('assess', ['--allowlist', file, 'doxy.me']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`invalid allowlist ${file}: entries[1].domain: ${message}`);
    expectOneLine(stderr);
  });
});
