import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/cli/args';
import { assess } from '../../../src/cli/assess-command';
import { CheckFailed, runAsProcess, runCommand, type Command, type CommandIo, type CommandProcess } from '../../../src/cli/run';
import { runInProcess } from './run-in-process';

/** Every failure of a command is one line on stderr and a non-zero exit, never a stack trace. */

const root = new URL('../../../', import.meta.url).pathname;

function expectOneLine(stderr: string): void {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('assess: hosts longer than DNS allows are bad inputs, not verdicts', () => {
  it('gives a label over 63 characters an error line and exits 2', async () => {
    const input = `${'a'.repeat(64)}.example.org`;
    const { code, stdout, stderr } = await runInProcess(assess, [input, 'doxy.me']);
    expect(code).toBe(2);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toEqual({ input, error: expect.stringMatching(/label of 64 characters, more than 63/) as unknown });
    expect(lines[1]).toMatchObject({ input: 'doxy.me', level: 'verified' });
    expectOneLine(stderr);
  });

  it('gives a 5 MB hostname on stdin an error line, quickly, without echoing it on stderr', async () => {
    const huge = `${'x'.repeat(5_000_000)}.com`;
    const started = Date.now();
    const { code, stdout, stderr } = await runInProcess(assess, [], `${huge}\ndoxy.me\n`);
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
  async function failWith(error: Error, checkName?: string) {
    let stderr = '';
    const io: CommandIo = { stdout: () => undefined, stderr: (text) => (stderr += text), stdin: Readable.from([]) };
    const code = await runCommand('tool', io, () => Promise.reject(error), checkName);
    return { code, stderr };
  }

  it('turns an unexpected error into one line and exit 1', async () => {
    expect(await failWith(new TypeError('boom\nsecond line'))).toEqual({ code: 1, stderr: 'tool: unexpected error: boom second line\n' });
  });

  it('exits 2 on a usage error and 1 on a failed check, one line each', async () => {
    expect(await failWith(new UsageError('bad'))).toEqual({ code: 2, stderr: 'tool: bad (see --help)\n' });
    expect(await failWith(new CheckFailed('nope'))).toEqual({ code: 1, stderr: 'tool: nope\n' });
    expect(await failWith(new CheckFailed('nope'), 'tool sign')).toEqual({ code: 1, stderr: 'tool sign: nope\n' });
  });

  it('cuts a huge message to one bounded line', async () => {
    const { stderr } = await failWith(new UsageError(`bad ${'x'.repeat(10_000)}`));
    expectOneLine(stderr);
    expect(stderr.length).toBeLessThan(2100);
  });
});

/** A stand-in for Node's `process`: the wiring is tested here, a real process below. */
class FakeProcess extends EventEmitter implements CommandProcess {
  readonly stdoutEvents = new EventEmitter();
  written = '';
  errors = '';
  exitCode: number | undefined;
  exited = false;
  readonly stdin = Readable.from([]);
  readonly stdout = {
    write: (text: string) => (this.written += text),
    on: (event: 'error', listener: (error: NodeJS.ErrnoException) => void) => this.stdoutEvents.on(event, listener),
  };
  readonly stderr = { write: (text: string) => (this.errors += text) };
  constructor(readonly argv: readonly string[]) {
    super();
  }
  exit(): void {
    this.exited = true;
  }
}

describe('runAsProcess', () => {
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it("runs the command on the process's arguments and sets its exit code", async () => {
    const proc = new FakeProcess(['node', 'tool.ts', 'a', 'b']);
    const echo: Command = (argv, io) => {
      io.stdout(`${argv.join(' ')}\n`);
      return Promise.resolve(3);
    };
    runAsProcess('tool', echo, proc);
    await settle();
    expect(proc).toMatchObject({ written: 'a b\n', errors: '', exitCode: 3, exited: false });
  });

  it('turns an error thrown outside the promise chain into one line and exit 1', () => {
    const proc = new FakeProcess(['node', 'tool.ts']);
    const never: Command = () => new Promise(() => undefined);
    runAsProcess('tool', never, proc);
    proc.emit('uncaughtException', new RangeError('late'));
    expect(proc).toMatchObject({ errors: 'tool: unexpected error: late\n', exitCode: 1, exited: true });
  });

  it('stops quietly when the reader of its output goes away, and fails on any other output error', () => {
    const quiet = new FakeProcess(['node', 'tool.ts']);
    runAsProcess('tool', () => new Promise(() => undefined), quiet);
    quiet.stdoutEvents.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(quiet).toMatchObject({ errors: '', exitCode: undefined, exited: true });

    const loud = new FakeProcess(['node', 'tool.ts']);
    runAsProcess('tool', () => new Promise(() => undefined), loud);
    loud.stdoutEvents.emit('error', Object.assign(new Error('write EIO'), { code: 'EIO' }));
    expect(loud).toMatchObject({ errors: 'tool: unexpected error: write EIO\n', exitCode: 1, exited: true });
  });
});

/** The entry point as admins run it: a real process, its exit code and its last line. */
describe('assess as a process', () => {
  it('exits 2 with one line and no stack trace on a bad input, after judging the rest', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/assess.ts', 'ht tp://x', 'doxy.me'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stdout.trim().split('\n')).toHaveLength(2);
    expect(result.stderr).toBe('assess: 1 input is no URL or hostname: "ht tp://x" (see --help)\n');
  }, 20_000);

  it('stops quietly when the reader of its output goes away', () => {
    const result = spawnSync('sh', ['-c', `yes doxy.me | head -n 2000 | "${process.execPath}" --import tsx src/cli/assess.ts | head -n 1`], { cwd: root, encoding: 'utf8' });
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toBe('');
  }, 20_000);
});
