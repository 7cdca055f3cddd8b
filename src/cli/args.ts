/** A command-line mistake: reported as one line, exit code 2. */
export class UsageError extends Error {}

export interface ParsedArgs {
  options: Map<string, string>;
  positionals: string[];
}

/**
 * Splits `--name value` / `--name=value` options from positionals. Only the names in
 * `known` are accepted, so a typo is an error instead of an input.
 */
export function parseArgs(argv: readonly string[], known: readonly string[]): ParsedArgs {
  const options = new Map<string, string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (!known.includes(name)) throw new UsageError(`unknown option --${name}`);
    if (options.has(name)) throw new UsageError(`--${name} given twice`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
    options.set(name, value);
  }
  return { options, positionals };
}
