/** One entry of a `_locales/<lang>/messages.json` file. */
export interface CatalogEntry {
  message: string;
  description?: string;
  placeholders?: Readonly<Record<string, { content: string; example?: string }>>;
}

export type Catalog = Readonly<Record<string, CatalogEntry>>;

/**
 * A message with its substitutions, the way Chrome's and Firefox's `i18n.getMessage` do it,
 * so the command line and the unit tests read the very text the extension shows: `$name$`
 * becomes its placeholder's `content` (names match in any case), then `$1`..`$9` the
 * substitutions (a missing one is empty) and `$$` a dollar sign, in one pass, so a
 * substitution that holds `$1` stays as it is.
 */
export function formatEntry(entry: CatalogEntry, substitutions: readonly string[]): string {
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]));
  const withPlaceholders = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole);
  return withPlaceholders.replace(/\$(\$|[1-9])/g, (_whole, what: string) => (what === '$' ? '$' : (substitutions[Number(what) - 1] ?? '')));
}
