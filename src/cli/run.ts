import { UsageError } from './args';

/** The command ran and what it checks is not right (an invalid list, a bad signature): exit 1. */
export class CheckFailed extends Error {}

/** Where a command reads and writes: the process's own streams, or a test's. */
export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Read only by a command given no inputs (`assess` with no arguments). */
  stdin: NodeJS.ReadableStream;
}

/** A command: its arguments and streams in, its exit code out. It never throws. */
export type Command = (argv: readonly string[], io: CommandIo) => Promise<number>;

/** Longest error line written; a message quoting a huge input is cut. */
const MAX_LINE = 2000;

function oneLine(message: string): string {
  const flat = message.replace(/\s*\n\s*/g, ' ').trim();
  return flat.length > MAX_LINE ? `${flat.slice(0, MAX_LINE)}…` : flat;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message === '' ? error.name : error.message;
  return String(error);
}

/**
 * The one stderr line and the exit code for a failure: bad usage exits 2, a failed check 1,
 * anything unexpected 1 too. `name` starts each line (`assess`, `allowlist`); `checkName`
 * starts the line of a failed check (`allowlist sign`).
 */
function failure(error: unknown, name: string, checkName: string): { line: string; code: number } {
  if (error instanceof UsageError) return { line: `${name}: ${oneLine(error.message)} (see --help)\n`, code: 2 };
  if (error instanceof CheckFailed) return { line: `${checkName}: ${oneLine(error.message)}\n`, code: 1 };
  return { line: `${name}: unexpected error: ${oneLine(messageOf(error))}\n`, code: 1 };
}

/**
 * Runs a command's `main` and turns every way it can fail into one line on stderr and a
 * non-zero exit code, never a stack trace (admins run these in scripts and read the last line).
 */
export async function runCommand(name: string, io: CommandIo, main: () => Promise<number>, checkName = name): Promise<number> {
  try {
    return await main();
  } catch (error) {
    const { line, code } = failure(error, name, checkName);
    io.stderr(line);
    return code;
  }
}

/** The part of Node's `process` a command runs on (a test passes its own). */
export interface CommandProcess {
  readonly argv: readonly string[];
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: { write(text: string): unknown; on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown };
  readonly stderr: { write(text: string): unknown };
  exitCode?: number | string | null | undefined;
  exit(): void;
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
}

/**
 * Runs `command` as the whole process: its arguments, its standard streams, its exit code.
 * What goes wrong outside the command's own promise chain ends the same way, one line.
 */
export function runAsProcess(name: string, command: Command, proc: CommandProcess = process): void {
  const io: CommandIo = {
    stdout: (text) => void proc.stdout.write(text),
    stderr: (text) => void proc.stderr.write(text),
    stdin: proc.stdin,
  };
  const fail = (error: unknown): void => {
    const { line, code } = failure(error, name, name);
    io.stderr(line);
    proc.exitCode = code;
    proc.exit();
  };
  // A reader that stops early (`| head`) is no failure of ours: stop writing, quietly.
  proc.stdout.on('error', (error) => {
    if (error.code === 'EPIPE') proc.exit();
    else fail(error);
  });
  // An error thrown outside the command's promise chain (a stream callback).
  proc.on('uncaughtException', fail);
  command(proc.argv.slice(2), io).then((code) => {
    proc.exitCode = code;
  }, fail);
}
