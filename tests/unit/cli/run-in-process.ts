import { Readable } from 'node:stream';
import type { Command } from '../../../src/cli/run';

export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command in this process, as its entry point would: exit code and what it wrote. */
export async function runInProcess(command: Command, args: readonly string[], stdin = ''): Promise<CommandRun> {
  let stdout = '';
  let stderr = '';
  const code = await command(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stdin: Readable.from([stdin]),
  });
  return { code, stdout, stderr };
}
