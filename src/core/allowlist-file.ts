import { z } from 'zod';

/**
 * The one file format for lists of domains: the built-in catalog, admin files and
 * `assess --allowlist`. DESIGN.md fixes the minimum (`version`, `entries[].domain`,
 * `entries[].name`); everything else is optional so an admin can write the minimum.
 */

const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

export const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((domain) => domain.replace(/\.$/, ''))
  .refine((domain) => HOSTNAME.test(domain), {
    message: 'must be a registrable hostname in ASCII (punycode for IDN), like "doxy.me"',
  });

/**
 * A fact about a platform. `unknown` needs no source; any other value must cite where it
 * was read, so no fact in the catalog is a guess.
 */
export const factSchema = z
  .object({
    value: z.enum(['yes', 'no', 'optional', 'unknown']),
    detail: z.string().min(1).optional(),
    source: z.url({ protocol: /^https$/ }).optional(),
  })
  .strict()
  .refine((fact) => fact.value === 'unknown' || fact.source !== undefined, {
    message: 'a known fact needs a "source" URL; use "unknown" when no source says',
    path: ['source'],
  });

export const factsSchema = z
  .object({
    endToEndEncryption: factSchema,
    hipaaBaa: factSchema,
  })
  .strict();

const joinPatternSchema = z.string().refine(
  (pattern) => {
    try {
      new RegExp(pattern);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be a valid regular expression' },
);

export const allowlistEntrySchema = z
  .object({
    domain: domainSchema,
    name: z.string().trim().min(1),
    /** Other domains of the same platform; each covers its subdomains like `domain`. */
    aliases: z.array(domainSchema).default([]),
    /**
     * `false` marks a platform that is known (for its facts and lookalike protection) but
     * not verified for clinical use: general-purpose conferencing and chat.
     */
    verified: z.boolean().default(true),
    category: z.enum(['video', 'messaging', 'portal']).optional(),
    /** Regular expressions tested against `host + pathname` of a page (lower-case host). */
    joinPatterns: z.array(joinPatternSchema).default([]),
    facts: factsSchema.optional(),
    notes: z.string().optional(),
  })
  .strict();

export const allowlistFileSchema = z
  .object({
    version: z.number().int().nonnegative(),
    expires: z.iso.datetime({ offset: true }).optional(),
    entries: z.array(allowlistEntrySchema),
  })
  .strict();

export type Fact = z.infer<typeof factSchema>;
export type PlatformFacts = z.infer<typeof factsSchema>;
export type AllowlistEntry = z.infer<typeof allowlistEntrySchema>;
export type AllowlistFile = z.infer<typeof allowlistFileSchema>;

export interface AllowlistProblem {
  /** JSON path such as `entries[3].domain`. */
  path: string;
  message: string;
}

export type ParseResult =
  | { ok: true; file: AllowlistFile }
  | { ok: false; problems: AllowlistProblem[] };

export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/** Validates parsed JSON; every problem comes back with its JSON path. */
export function parseAllowlistFile(json: unknown): ParseResult {
  const result = allowlistFileSchema.safeParse(json);
  if (result.success) return { ok: true, file: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      path: formatJsonPath(issue.path),
      message: issue.message,
    })),
  };
}

/** Parses the text of a list file; a JSON syntax error is a problem like any other. */
export function parseAllowlistText(text: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '(root)', message: `not JSON: ${(error as Error).message}` }] };
  }
  return parseAllowlistFile(json);
}
