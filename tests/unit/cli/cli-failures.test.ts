import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Every failure of a command is one line on stderr and a non-zero exit, never a stack trace. */

const root = new URL('../../../', import.meta.url).pathname;

function node(args: string[], input = '') {
  const result = spawnSync(process.execPath, ['--import', 'tsx', ...args], { cwd: root, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function expectOneLine(stderr: string): void {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('assess: hosts longer than DNS allows are bad inputs, not verdicts', () => {
  it('gives a label over 63 characters an error line and exits 2', () => {
    const input = `${'a'.repeat(64)}.example.org`;
    const { code, stdout, stderr } = node(['src/cli/assess.ts', input, 'doxy.me']);
    expect(code).toBe(2);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toEqual({ input, error: expect.stringMatching(/label of 64 characters, more than 63/) as unknown });
    expect(lines[1]).toMatchObject({ input: 'doxy.me', level: 'verified' });
    expectOneLine(stderr);
  }, 20_000);

  it('gives a 5 MB hostname on stdin an error line, quickly, without echoing it on stderr', () => {
    const huge = `${'x'.repeat(5_000_000)}.com`;
    const started = Date.now();
    const { code, stdout, stderr } = node(['src/cli/assess.ts'], `${huge}\ndoxy.me\n`);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(code).toBe(2);
    const [first, second] = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(first!.error).toMatch(/^hostname of 5000004 characters, more than 253: "x+"… \(5000004 characters\)$/);
    expect(second).toMatchObject({ level: 'verified' });
    expectOneLine(stderr);
    expect(stderr.length).toBeLessThan(400);
  }, 20_000);
});

describe('runCommand', () => {
  const script = (body: string) => [
    '--eval',
    `import('./src/cli/run.ts').then(async ({ runCommand, CheckFailed }) => { const { UsageError } = await import('./src/cli/args.ts'); void CheckFailed; void UsageError; runCommand('tool', ${body}); })`,
  ];

  it('turns an unexpected error into one line and exit 1', () => {
    const { code, stderr } = node(script(`async () => { throw new TypeError('boom\\nsecond line'); }`));
    expect(code).toBe(1);
    expect(stderr).toBe('tool: unexpected error: boom second line\n');
  }, 20_000);

  it('does the same for an error thrown outside the promise chain', () => {
    const { code, stderr } = node(script(`() => new Promise(() => { setTimeout(() => { throw new RangeError('late'); }, 1); })`));
    expect(code).toBe(1);
    expect(stderr).toBe('tool: unexpected error: late\n');
  }, 20_000);

  it('exits 2 on a usage error and 1 on a failed check, one line each', () => {
    expect(node(script(`async () => { throw new UsageError('bad'); }`))).toMatchObject({ code: 2, stderr: 'tool: bad (see --help)\n' });
    expect(node(script(`async () => { throw new CheckFailed('nope'); }`))).toMatchObject({ code: 1, stderr: 'tool: nope\n' });
  }, 20_000);

  it('stops quietly when the reader of its output goes away', () => {
    const result = spawnSync('sh', ['-c', `yes doxy.me | head -n 2000 | "${process.execPath}" --import tsx src/cli/assess.ts | head -n 1`], { cwd: root, encoding: 'utf8' });
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toBe('');
  }, 20_000);
});
