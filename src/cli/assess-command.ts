/**
 * `npm run --silent assess -- [--allowlist FILE] [URL_OR_HOST ...]`: judges addresses the
 * way the extension does, with the same core, one JSON line per input in input order.
 * Exit 0 whatever the verdicts; 2 with a one-line reason on bad usage or an invalid
 * allowlist. An input that is no URL or hostname is bad usage too, but the other inputs are
 * still judged: its line carries `"error"` in place of a verdict, and the exit is 2.
 */
import { createInterface } from 'node:readline';
import type { Allowlist } from '../core/lists/allowlist';
import { assessPage } from '../core/findings/assess';
import type { Finding } from '../core/findings/findings';
import { evidenceInEnglish } from '../core/lookalike/evidence';
import { TargetParseError } from '../core/hostname';
import { quoteInput } from '../core/quote-input';
import { parseArgs, UsageError } from './args';
import { loadAllowlist } from './load-allowlist';
import { runCommand, type CommandIo } from './run';

const USAGE = 'usage: assess [--allowlist FILE] [URL_OR_HOST ...]   (no arguments: one per line on stdin)';

/** A finding as the JSON contract has it: a look-alike's evidence in words (DESIGN.md). */
function findingInEnglish(finding: Finding): object {
  return finding.code === 'LOOKALIKE_DOMAIN' ? { ...finding, evidence: evidenceInEnglish(finding.evidence) } : finding;
}

/** One output line, and whether the input could be judged at all. */
function assessLine(allowlist: Allowlist, input: string): { line: string; ok: boolean } {
  try {
    const verdict = assessPage(allowlist, { url: input });
    const { host, level, findings, platform } = verdict;
    return { line: JSON.stringify({ input, host, level, findings: findings.map(findingInEnglish), platform: platform?.name ?? null }), ok: true };
  } catch (error) {
    if (!(error instanceof TargetParseError)) throw error;
    return { line: JSON.stringify({ input, error: error.message }), ok: false };
  }
}

async function* nonEmptyLines(input: NodeJS.ReadableStream): AsyncGenerator<string> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() !== '') yield line.trim();
  }
}

async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  const beforeInputs = argv.slice(0, argv.includes('--') ? argv.indexOf('--') : argv.length);
  if (beforeInputs.includes('--help') || beforeInputs.includes('-h')) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const { options, positionals } = parseArgs(argv, ['allowlist']);
  const allowlist = loadAllowlist(options.get('allowlist'));
  const inputs = positionals.length > 0 ? positionals : nonEmptyLines(io.stdin);
  const bad: string[] = [];
  for await (const input of inputs) {
    const { line, ok } = assessLine(allowlist, input);
    io.stdout(`${line}\n`);
    if (!ok) bad.push(input);
  }
  if (bad.length === 0) return 0;
  const listed = bad.slice(0, 3).map((input) => quoteInput(input)).join(', ');
  throw new UsageError(`${bad.length} input${bad.length === 1 ? ' is' : 's are'} no URL or hostname: ${listed}${bad.length > 3 ? ', …' : ''}`);
}

/** The `assess` command: never throws; every failure is one line on `io.stderr` and its exit code. */
export function assess(argv: readonly string[], io: CommandIo): Promise<number> {
  return runCommand('assess', io, () => main(argv, io));
}
