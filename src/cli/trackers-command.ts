/**
 * `npm run --silent trackers -- FILE.har` (or request URLs on stdin, one per line, with
 * `--page URL` for the page they were made from): one JSON line per third-party organisation
 * of the tracker catalog the requests reached, `{"organisation", "category", "services",
 * "endpoints", "hosts", "requests", "pages"}`, with the extension's own classification. For clinic
 * compliance staff auditing their portal from a HAR export of any browser's developer tools.
 * Exit 0 whatever was found; 2 with a one-line reason on bad usage or a bad file.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { withoutByteOrderMark } from '../core/lists/allowlist-file';
import { quoteInput } from '../core/quote-input';
import { auditRequests } from '../core/trackers/audit';
import { harRequests, HarFileError, pageAddress, type PageRequest } from '../core/trackers/har-file';
import { builtInTrackerCatalog } from '../core/trackers/tracker-catalog';
import { TrackerIndex } from '../core/trackers/tracker-index';
import { parseArgs, UsageError } from './args';
import { runCommand, type CommandIo } from './run';

const USAGE = 'usage: trackers [FILE.har]   (no file: request URLs on stdin, one per line; --page URL names the page they came from)';

function readHar(file: string): PageRequest[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${quoteInput(file)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(withoutByteOrderMark(text));
  } catch (error) {
    throw new UsageError(`${quoteInput(file)} is not JSON: ${(error as Error).message}`);
  }
  try {
    return harRequests(json);
  } catch (error) {
    if (error instanceof HarFileError) throw new UsageError(`${quoteInput(file)} is ${error.message}`);
    throw error;
  }
}

async function readUrls(input: NodeJS.ReadableStream, page: string | undefined): Promise<PageRequest[]> {
  const requests: PageRequest[] = [];
  const bad: string[] = [];
  for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
    const line = raw.trim();
    if (line === '') continue;
    if (pageAddress(line) === undefined && !/^wss?:\/\//i.test(line)) bad.push(line);
    else requests.push({ url: line, page });
  }
  if (bad.length > 0) throw new UsageError(`${bad.length} line${bad.length === 1 ? ' is' : 's are'} no http(s) URL: ${bad.slice(0, 3).map((line) => quoteInput(line)).join(', ')}${bad.length > 3 ? ', …' : ''}`);
  return requests;
}

async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const { options, positionals } = parseArgs(argv, ['page']);
  if (positionals.length > 1) throw new UsageError('one HAR file at a time');
  const pageOption = options.get('page');
  const page = pageOption === undefined ? undefined : pageAddress(pageOption);
  if (pageOption !== undefined && page === undefined) throw new UsageError(`--page ${quoteInput(pageOption)} is no http(s) URL`);
  if (positionals.length === 1 && page !== undefined) throw new UsageError('--page is for URLs on stdin; a HAR file names its pages');
  const requests = positionals.length === 1 ? readHar(positionals[0]!) : await readUrls(io.stdin, page);
  const catalog = builtInTrackerCatalog();
  for (const line of auditRequests(catalog, new TrackerIndex(catalog), requests)) io.stdout(`${JSON.stringify(line)}\n`);
  return 0;
}

/** The `trackers` command: never throws; every failure is one line on `io.stderr` and its exit code. */
export function trackers(argv: readonly string[], io: CommandIo): Promise<number> {
  return runCommand('trackers', io, () => main(argv, io));
}
