import { describe, expect, it } from 'vitest';
import { parseBenchArgs, UsageError } from '../../../bench/args';

const everyFolder = (): boolean => true;
const parse = (argv: string[], hasManifest: (dir: string) => boolean = everyFolder) => parseBenchArgs(argv, hasManifest);

describe('npm run bench options', () => {
  it('runs every measurement without options, 21 rounds, 10 s of throwaway frames, 21 latency loads', () => {
    expect(parse([])).toEqual({
      lookalike: true,
      pageCost: true,
      latency: true,
      json: false,
      peers: [],
      rounds: 21,
      throwawaySeconds: 10,
      latencyLoads: 21,
      help: false,
    });
  });

  it('runs only what --page-cost and --latency name, and leaves the lookalike engine out', () => {
    expect(parse(['--page-cost'])).toMatchObject({ lookalike: false, pageCost: true, latency: false });
    expect(parse(['--latency'])).toMatchObject({ lookalike: false, pageCost: false, latency: true });
    expect(parse(['--latency', '--page-cost'])).toMatchObject({ lookalike: false, pageCost: true, latency: true });
  });

  it('takes peers as absolute folders, comma-separated, values with a space or an equals sign', () => {
    const args = parse(['--page-cost', '--json', '--peers', '/peers/a,/peers/b', '--rounds=3', '--throwaway-seconds', '2']);
    expect(args).toMatchObject({ json: true, peers: ['/peers/a', '/peers/b'], rounds: 3, throwawaySeconds: 2 });
    expect(parse(['--peers=relative/dir']).peers[0]).toMatch(/^\/.*\/relative\/dir$/);
  });

  it.each([
    [['--fast'], /unknown option --fast/],
    [['extra'], /unknown option extra/],
    [['--rounds'], /--rounds needs a value/],
    [['--rounds', '--json'], /--rounds needs a value/],
    [['--rounds', '0'], /whole number from 1/],
    [['--rounds', '2.5'], /whole number from 1/],
    [['--rounds', '3', '--rounds', '4'], /given twice/],
    [['--json=yes'], /takes no value/],
    [['--peers', 'a,,b'], /separated by commas/],
    [['--peers', '/x,/x'], /names a folder twice/],
    [['--latency', '--rounds', '3'], /--rounds is for page-cost/],
    [['--latency', '--peers', '/x'], /--peers is for page-cost/],
    [['--page-cost', '--latency-loads', '3'], /--latency-loads is for latency/],
  ])('refuses %j with one line', (argv, message) => {
    expect(() => parse(argv)).toThrow(UsageError);
    expect(() => parse(argv)).toThrow(message);
  });

  it('refuses a peer folder without manifest.json, naming it', () => {
    const hasManifest = (dir: string): boolean => dir !== '/peers/empty';
    expect(() => parse(['--peers', '/peers/a,/peers/empty'], hasManifest)).toThrow('/peers/empty has no manifest.json');
  });
});
