/**
 * A platform fact's note in the UI language. Apart from the catalog's schema (allowlist-file,
 * which carries zod), so the content script that shows the camera prompt can use it.
 */

/**
 * The languages other than English a fact's note can be given in (`detailI18n`), by the
 * BCP 47 tag each message catalog names as its own (`languageTag`, a Messages' `lang`).
 */
export const DETAIL_LANGUAGES = ['es', 'zh-CN'] as const;
export type DetailLanguage = (typeof DETAIL_LANGUAGES)[number];

/** The part of a fact with its notes. */
export interface FactNotes {
  detail?: string | undefined;
  detailI18n?: Partial<Record<DetailLanguage, string | undefined>> | undefined;
}

const isDetailLanguage = (lang: string): lang is DetailLanguage => (DETAIL_LANGUAGES as readonly string[]).includes(lang);

/** A fact's note in `lang`, in English where it has none in that language; undefined without a note. */
export function factDetail(fact: FactNotes | undefined, lang: string): string | undefined {
  if (!fact?.detail) return undefined;
  return (isDetailLanguage(lang) ? fact.detailI18n?.[lang] : undefined) ?? fact.detail;
}
