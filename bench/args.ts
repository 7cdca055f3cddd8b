/**
 * `npm run bench -- [options]`: what to measure and how long. Without --page-cost or --latency
 * every measurement runs (the lookalike engine, the page cost, the verdict latency); with
 * either, only the ones named. Bad usage is one line on stderr and exit 2, as for the CLI.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const USAGE =
  'usage: npm run bench -- [--page-cost] [--latency] [--json] [--peers DIR[,DIR...]] [--rounds N] [--throwaway-seconds N] [--latency-loads N]';

export interface BenchArgs {
  /** The lookalike engine's speed: only in a plain `npm run bench`. */
  lookalike: boolean;
  /** Page cost on the three pages, and the throwaway-frames page. */
  pageCost: boolean;
  /** Time from a navigation's commit to the verdict on our badge. */
  latency: boolean;
  /** One JSON object as the last line, after the tables. */
  json: boolean;
  /** Other unpacked extensions measured beside ours (absolute paths). */
  peers: string[];
  /** Rotating rounds of page-cost loads. */
  rounds: number;
  /** How long each browser shows the throwaway-frames page. */
  throwawaySeconds: number;
  /** Loads of each verdict-latency page. */
  latencyLoads: number;
  help: boolean;
}

export class UsageError extends Error {}

const DEFAULTS = { rounds: 21, throwawaySeconds: 10, latencyLoads: 21 };
const SWITCHES = ['--page-cost', '--latency', '--json', '--help'] as const;
const VALUED = ['--peers', '--rounds', '--throwaway-seconds', '--latency-loads'] as const;
type Valued = (typeof VALUED)[number];
/** The measurement each valued option tunes. */
const SECTION_OF: Record<Valued, '--page-cost' | '--latency'> = {
  '--peers': '--page-cost',
  '--rounds': '--page-cost',
  '--throwaway-seconds': '--page-cost',
  '--latency-loads': '--latency',
};

function positiveInteger(flag: string, text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1) throw new UsageError(`${flag} takes a whole number from 1, not "${text}"`);
  return value;
}

/** `hasManifest` is asked about each peer folder (the file system by default). */
export function parseBenchArgs(argv: readonly string[], hasManifest: (dir: string) => boolean = (dir) => existsSync(join(dir, 'manifest.json'))): BenchArgs {
  const switches = new Set<string>();
  const values = new Map<Valued, string>();
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if ((SWITCHES as readonly string[]).includes(flag)) {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
      switches.add(flag);
      continue;
    }
    if (!(VALUED as readonly string[]).includes(flag)) throw new UsageError(`unknown option ${arg}`);
    const value = inline ?? argv[++index];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
    if (values.has(flag as Valued)) throw new UsageError(`${flag} given twice`);
    values.set(flag as Valued, value);
  }

  const pageCost = switches.has('--page-cost');
  const latency = switches.has('--latency');
  const all = !pageCost && !latency;
  const peers = values.has('--peers') ? peerDirs(values.get('--peers')!, hasManifest) : [];
  // A figure asked for but never measured would be a silent surprise.
  for (const [flag, section] of Object.entries(SECTION_OF) as [Valued, '--page-cost' | '--latency'][]) {
    if (values.has(flag) && !all && !switches.has(section)) throw new UsageError(`${flag} is for ${section.slice(2)}: add ${section}`);
  }
  return {
    lookalike: all,
    pageCost: pageCost || all,
    latency: latency || all,
    json: switches.has('--json'),
    peers,
    rounds: values.has('--rounds') ? positiveInteger('--rounds', values.get('--rounds')!) : DEFAULTS.rounds,
    throwawaySeconds: values.has('--throwaway-seconds') ? positiveInteger('--throwaway-seconds', values.get('--throwaway-seconds')!) : DEFAULTS.throwawaySeconds,
    latencyLoads: values.has('--latency-loads') ? positiveInteger('--latency-loads', values.get('--latency-loads')!) : DEFAULTS.latencyLoads,
    help: switches.has('--help'),
  };
}

function peerDirs(list: string, hasManifest: (dir: string) => boolean): string[] {
  const dirs = list.split(',').map((dir) => dir.trim());
  if (dirs.some((dir) => dir === '')) throw new UsageError(`--peers takes folders separated by commas, not "${list}"`);
  const absolute = dirs.map((dir) => resolve(dir));
  const missing = absolute.find((dir) => !hasManifest(dir));
  if (missing !== undefined) throw new UsageError(`${missing} has no manifest.json: not an unpacked extension`);
  if (new Set(absolute).size !== absolute.length) throw new UsageError('--peers names a folder twice');
  return absolute;
}
