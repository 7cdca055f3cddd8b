import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess as assessCommand } from '../../../src/cli/assess-command';
import { runInProcess } from './run-in-process';

async function assess(args: string[], stdin?: string) {
  const result = await runInProcess(assessCommand, args, stdin);
  const lines = result.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
  return { ...result, lines };
}

describe('assess command line', () => {
  it('prints one JSON line per input, in input order', async () => {
    const { code, lines } = await assess(['https://clinic.doxy.me/room', 'd0xy.me', 'notdoxy.me']);
    expect(code).toBe(0);
    expect(lines.map((line) => [line.input, line.host, line.level])).toEqual([
      ['https://clinic.doxy.me/room', 'clinic.doxy.me', 'verified'],
      ['d0xy.me', 'd0xy.me', 'caution'],
      ['notdoxy.me', 'notdoxy.me', 'neutral'],
    ]);
    expect(lines[1]!.findings).toEqual([expect.objectContaining({ code: 'LOOKALIKE_DOMAIN', target: 'doxy.me', rule: 'digit-for-letter' })]);
  });

  it('judges inputs after -- even when one looks like an option', async () => {
    const { lines, stdout } = await assess(['--', '-h', 'doxy.me']);
    expect(stdout).not.toContain('usage');
    expect(lines.map((line) => line.input)).toEqual(['-h', 'doxy.me']);
  });

  it('reads stdin when given no inputs', async () => {
    const { code, lines } = await assess([], 'zoom.us\n\nhttp://doxy.me/\n');
    expect(code).toBe(0);
    expect(lines.map((line) => line.level)).toEqual(['neutral', 'caution']);
  });

  it('adds an --allowlist file to the built-in catalog', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thg-'));
    const file = join(dir, 'clinic.json');
    writeFileSync(file, JSON.stringify({ version: 1, entries: [{ domain: 'telehealth.example-clinic.org', name: 'Example Clinic' }] }));
    const { lines } = await assess(['--allowlist', file, 'visit.telehealth.example-clinic.org', 'doxy.me']);
    expect(lines.map((line) => line.level)).toEqual(['verified', 'verified']);
  });

  it.each([
    [['--allowlist', '/nonexistent/list.json', 'doxy.me'], /cannot read allowlist/],
    [['--colour', 'doxy.me'], /unknown option --colour/],
    [['--allowlist'], /--allowlist needs a value/],
  ])('exits 2 with a one-line reason for %j', async (args, reason) => {
    const { code, stderr, lines } = await assess(args);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(reason);
    expect(lines).toEqual([]);
  });

  it('exits 2 on an invalid allowlist, naming the JSON path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thg-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ version: 1, entries: [{ domain: 'not a domain', name: 'X' }] }));
    const { code, stderr } = await assess(['--allowlist', file, 'doxy.me']);
    expect(code).toBe(2);
    expect(stderr).toContain('entries[0].domain');
  });

  it('marks an input that is no address, judges the rest, and exits 2 with one line', async () => {
    const { code, lines, stderr } = await assess(['ht tp://x', 'doxy.me']);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([expect.stringContaining('1 input is no URL or hostname: "ht tp://x"')]);
    expect(lines[0]).toMatchObject({ input: 'ht tp://x', error: expect.stringContaining('not a URL') as unknown });
    expect(lines[1]).toMatchObject({ level: 'verified' });
  });
});
