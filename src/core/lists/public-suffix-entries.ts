import type { AllowlistEntry, AllowlistProblem } from './allowlist-file';
import { formatJsonPath } from './allowlist-file';
import { sentence, type Sentence } from './problem-words';
import { registrableDomainOf } from '../hostname';

/**
 * A list entry for a public suffix (`co.uk`, and from the private section of the public
 * suffix list `github.io`, `herokuapp.com`) would cover every site under it: anyone can
 * register `d0xy.github.io`, so listing `github.io` verifies every phishing page there.
 * The user's own list refuses such names (user-domain.ts); this is the same rule for every
 * admin list (policy, signed remote list, `--allowlist` files) and the one place it lives.
 *
 * Both sections of the list count, as everywhere in this extension (core/hostname.ts): a
 * private suffix is as open to strangers as a country's `co.uk`.
 */

/** A domain with no registrable part of its own is a public suffix (or an unknown TLD's). */
export function isPublicSuffix(domain: string): boolean {
  return registrableDomainOf(domain) === undefined;
}

/** The same, in sentences for the extension's pages. */
export function publicSuffixSentences(domain: string): Sentence[] {
  return [sentence('adminProblemPublicSuffix', domain), sentence('adminOutcomeEntryIgnored')];
}

/** Why a suffix is refused, in the words every list reader reports. */
export function publicSuffixMessage(domain: string): string {
  return `${domain} is a public suffix: listing it would verify every site under it; entry ignored`;
}

/**
 * The problems of one entry: its `domain` and each alias that is a public suffix, with the
 * JSON path under `at` (`['entries', 3]` → `entries[3].domain`). Any one of them makes the
 * whole entry ignored, since the entry stands for one platform.
 */
export function publicSuffixProblems(entry: Pick<AllowlistEntry, 'domain' | 'aliases'>, at: readonly PropertyKey[]): AllowlistProblem[] {
  const problems: AllowlistProblem[] = [];
  if (isPublicSuffix(entry.domain)) problems.push({ path: formatJsonPath([...at, 'domain']), message: publicSuffixMessage(entry.domain), says: publicSuffixSentences(entry.domain) });
  entry.aliases.forEach((alias, index) => {
    if (isPublicSuffix(alias)) problems.push({ path: formatJsonPath([...at, 'aliases', index]), message: publicSuffixMessage(alias), says: publicSuffixSentences(alias) });
  });
  return problems;
}

/** Every public-suffix problem of a list's entries, with paths `entries[i]…`. */
export function listPublicSuffixProblems(entries: readonly Pick<AllowlistEntry, 'domain' | 'aliases'>[]): AllowlistProblem[] {
  return entries.flatMap((entry, index) => publicSuffixProblems(entry, ['entries', index]));
}

/** Whether an entry may be used at all: none of its domains is a public suffix. */
export function coversNoPublicSuffix(entry: Pick<AllowlistEntry, 'domain' | 'aliases'>): boolean {
  return !isPublicSuffix(entry.domain) && !entry.aliases.some(isPublicSuffix);
}
