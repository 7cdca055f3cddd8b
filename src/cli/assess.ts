/**
 * `npm run --silent assess -- [--allowlist FILE] [URL_OR_HOST ...]`: judges addresses the
 * way the extension does, with the same core, one JSON line per input in input order.
 * Exit 0 whatever the verdicts; 1 when an input was no URL or hostname (its line says why);
 * 2 with a one-line reason on bad usage or an invalid allowlist.
 */
import { createInterface } from 'node:readline';
import { assessPage } from '../core/assess';
import { TargetParseError } from '../core/hostname';
import type { Allowlist } from '../core/allowlist';
import { parseArgs, UsageError } from './args';
import { loadAllowlist } from './load-allowlist';

const USAGE = 'usage: assess [--allowlist FILE] [URL_OR_HOST ...]   (no arguments: one per line on stdin)';

/** One output line; `null` marks an input that could not be judged. */
export function assessLine(allowlist: Allowlist, input: string): { line: string; ok: boolean } {
  try {
    const verdict = assessPage(allowlist, { url: input });
    const { host, level, findings, platform } = verdict;
    return { line: JSON.stringify({ input, host, level, findings, platform: platform?.name ?? null }), ok: true };
  } catch (error) {
    if (!(error instanceof TargetParseError)) throw error;
    return { line: JSON.stringify({ input, error: error.message }), ok: false };
  }
}

async function* stdinLines(): AsyncGenerator<string> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() !== '') yield line.trim();
  }
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const { options, positionals } = parseArgs(argv, ['allowlist']);
  const allowlist = loadAllowlist(options.get('allowlist'));
  const inputs = positionals.length > 0 ? positionals : stdinLines();
  let allOk = true;
  for await (const input of inputs) {
    const { line, ok } = assessLine(allowlist, input);
    process.stdout.write(`${line}\n`);
    allOk &&= ok;
  }
  return allOk ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`assess: ${error.message}\n${USAGE}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  },
);
