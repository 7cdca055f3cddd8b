/**
 * Real names that once raised a false alarm, kept as fixed negatives of the evaluation: each
 * must stay quiet (no finding), or, where it is a real site near a short name, stay at low
 * confidence, which warns only beside a password field or a call. Some need a list entry the
 * catalog does not have (a clinic listing team.us); those are added for that name alone.
 */
import { buildAllowlist } from '../../src/core/lists/allowlist';
import { allowlistFileSchema } from '../../src/core/lists/allowlist-file';
import { loadBuiltInCatalog } from '../../src/core/lists/catalog';
import { normalizeHost } from '../../src/core/hostname';
import { findLookalike, type LookalikeMatch } from '../../src/core/lookalike/lookalike';

export interface FixedNegative {
  host: string;
  why: string;
  /** Listed beside the catalog for this name. */
  listed?: { domain: string; name: string }[];
  /** A real site near a short name: a low-confidence finding is what is expected. */
  lowAtMost?: boolean;
}

export const FIXED_NEGATIVES: readonly FixedNegative[] = [
  { host: 'online.google', why: "a host under Google's own .google ending", listed: [{ domain: 'google.com', name: 'Google' }] },
  { host: 'secure.google', why: "a host under Google's own .google ending", listed: [{ domain: 'google.com', name: 'Google' }] },
  { host: 'éam.us', why: 'one accented letter read as two', listed: [{ domain: 'team.us', name: 'Team' }] },
  { host: 'discord.gg', why: "Discord's invite domain" },
  { host: 'telegram.me', why: "Telegram's link domain" },
  { host: 't.me', why: "Telegram's link domain" },
  { host: 'telegram.dog', why: "Telegram's link domain" },
  { host: 't.co', why: 'a name of one letter beside t.me' },
  { host: 'klarna.com', why: 'one letter inside klara' },
  { host: 'discardmail.com', why: 'a word one vowel from discord' },
  { host: 'xoom.com', why: 'a real site one key from zoom.com', lowAtMost: true },
  { host: 'terra.com', why: 'a real site one bit from tebra.com', lowAtMost: true },
  { host: 'gato.com', why: 'a real site one vowel from goto.com', lowAtMost: true },
];

export interface FixedNegativeResult {
  negative: FixedNegative;
  found: LookalikeMatch | undefined;
  ok: boolean;
}

export function evaluateFixedNegatives(): FixedNegativeResult[] {
  const catalog = loadBuiltInCatalog();
  return FIXED_NEGATIVES.map((negative) => {
    const extra = negative.listed ? [{ source: 'policy' as const, file: allowlistFileSchema.parse({ version: 1, entries: negative.listed }) }] : [];
    const allowlist = buildAllowlist([{ source: 'catalog', file: catalog }, ...extra]);
    const found = findLookalike(allowlist, normalizeHost(negative.host));
    const ok = found === undefined || (negative.lowAtMost === true && found.confidence === 'low');
    return { negative, found, ok };
  });
}
