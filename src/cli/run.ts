import { UsageError } from './args';

/** The command ran and what it checks is not right (an invalid list, a bad signature): exit 1. */
export class CheckFailed extends Error {}

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
 * Runs a command's `main` and turns every way it can fail into one line on stderr and a
 * non-zero exit, never a stack trace (admins run these in scripts and read the last line):
 * bad usage exits 2, a failed check 1, anything unexpected 1 too.
 *
 * `name` starts each line (`assess`, `allowlist`); `checkName` starts the line of a failed
 * check (`allowlist sign`).
 */
export function runCommand(name: string, main: () => Promise<number>, checkName = name): void {
  const fail = (error: unknown): void => {
    if (error instanceof UsageError) {
      process.stderr.write(`${name}: ${oneLine(error.message)} (see --help)\n`);
      process.exitCode = 2;
    } else if (error instanceof CheckFailed) {
      process.stderr.write(`${checkName}: ${oneLine(error.message)}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`${name}: unexpected error: ${oneLine(messageOf(error))}\n`);
      process.exitCode = 1;
    }
  };
  // A reader that stops early (`| head`) is no failure of ours: stop writing, quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit();
    fail(error);
    process.exit();
  });
  // An error thrown outside main's promise chain (a stream callback) ends the same way.
  process.on('uncaughtException', (error) => {
    fail(error);
    process.exit();
  });
  main().then((code) => {
    process.exitCode = code;
  }, fail);
}
