import type { DetailLanguage } from './fact-detail';
import { z } from 'zod';
import { issueSentence, refinement, sentence, type Sentence } from './problem-words';

/**
 * The one file format for lists of domains: the built-in catalog, admin files and
 * `assess --allowlist`. DESIGN.md fixes the minimum (`version`, `entries[].domain`,
 * `entries[].name`); everything else is optional so an admin can write the minimum.
 */

const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/**
 * A name with letters beyond ASCII (`klinik-münchen.de`) in the ASCII form the browser
 * reports (`xn--klinik-mnchen-3ob.de`): through the URL parser, so the mapping is the
 * browser's own (UTS 46), not a second opinion of it. Left as it is when the parser refuses
 * it: the hostname check then says what is wrong.
 */
function toAsciiHost(domain: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(domain)) return domain;
  // A name only: anything the URL parser would read as a user, port, path, query or fragment
  // ("ü@evil.com" is evil.com to it) leaves the text as it is, for the check to refuse.
  if (/[\s/\\?#@:%]/.test(domain)) return domain;
  try {
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return domain;
  }
}

export const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((domain) => toAsciiHost(domain.replace(/\.$/, '')))
  .refine(
    (domain) => HOSTNAME.test(domain),
    refinement('must be a registrable hostname, like "doxy.me" (a name in Unicode, like "klinik-münchen.de", is taken in its punycode form)', 'adminProblemHostname'),
  );

/**
 * A fact about a platform. `unknown` needs no source; any other value must cite where it
 * was read, so no fact in the catalog is a guess. `detail` is the note in English;
 * `detailI18n` the same note in other languages (fact-detail), each optional (English is shown where one
 * is missing), and only beside an English one.
 */
export const factSchema = z
  .object({
    value: z.enum(['yes', 'no', 'optional', 'unknown']),
    detail: z.string().min(1).optional(),
    detailI18n: z
      .object({
        es: z.string().trim().min(1).optional(),
        'zh-CN': z.string().trim().min(1).optional(),
      } satisfies Record<DetailLanguage, z.ZodType>)
      .strict()
      .optional(),
    source: z.url({ protocol: /^https$/ }).optional(),
  })
  .strict()
  .refine((fact) => fact.value === 'unknown' || fact.source !== undefined, refinement('a known fact needs a "source" URL; use "unknown" when no source says', 'adminProblemFactSource', ['source']))
  .refine((fact) => fact.detailI18n === undefined || fact.detail !== undefined, refinement('a translated note needs the English "detail" it translates', 'adminProblemDetailForTranslation', ['detailI18n']));


export const factsSchema = z
  .object({
    endToEndEncryption: factSchema,
    hipaaBaa: factSchema,
    /**
     * Two-step sign-in for the platform's accounts: `yes` always on, `optional` the account
     * holder or an admin can turn it on. Optional, so lists written before it stay valid.
     */
    mfa: factSchema.optional(),
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
  refinement('must be a valid regular expression', 'adminProblemRegex'),
);

export const allowlistEntrySchema = z
  .object({
    domain: domainSchema,
    name: z.string().trim().min(1),
    /** Other domains of the same platform; each covers its subdomains like `domain`. */
    aliases: z.array(domainSchema).default([]),
    /** Where an alias is shown to be the platform's own: alias → a page that says so. */
    aliasSources: z.record(z.string(), z.url({ protocol: /^https$/ })).optional(),
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
  .strict()
  .refine(
    (entry) => Object.keys(entry.aliasSources ?? {}).every((alias) => entry.aliases.includes(alias)),
    refinement('every key of "aliasSources" must be one of the entry\'s "aliases"', 'adminProblemAliasSources', ['aliasSources']),
  );

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
  /** In English, as the command line prints it. */
  message: string;
  /** The same in whole sentences, for the extension's pages to say in the browser's language. */
  says?: Sentence[] | undefined;
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
      says: [issueSentence(issue)],
    })),
  };
}

/**
 * The one BOM rule for every reader of a list file (the extension, `assess --allowlist`,
 * `allowlist validate | sign | verify`): one leading UTF-8 byte-order mark, which Windows
 * editors add on saving, is dropped before the JSON is read. The signature of a remote list
 * still covers the exact bytes, BOM included (signed-list.ts).
 */
export function withoutByteOrderMark(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** JSON.parse after the BOM rule; a syntax error comes back as its message. */
export function parseListJson(text: string): { ok: true; json: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, json: JSON.parse(withoutByteOrderMark(text)) as unknown };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/** Parses the text of a list file; a JSON syntax error is a problem like any other. */
export function parseAllowlistText(text: string): ParseResult {
  const parsed = parseListJson(text);
  if (!parsed.ok) return { ok: false, problems: [{ path: '(root)', message: `not JSON: ${parsed.message}`, says: [sentence('adminProblemNotJson')] }] };
  return parseAllowlistFile(parsed.json);
}
