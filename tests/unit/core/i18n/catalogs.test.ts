import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../../../src/core/i18n/format-message';

const LOCALES = join(import.meta.dirname, '../../../../assets/static/_locales');
const SOURCES = join(import.meta.dirname, '../../../../src');
const MANIFEST = join(import.meta.dirname, '../../../../manifest.json');

const read = (lang: string): Catalog => JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8')) as Catalog;
const languages = readdirSync(LOCALES).sort();
const english = read('en');
const others = languages.filter((lang) => lang !== 'en');

/** `$name$` tokens a message uses, lower-cased as Chrome matches them. */
const usedPlaceholders = (message: string): string[] => [...new Set([...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((match) => match[1]!.toLowerCase()))].sort();
const definedPlaceholders = (entry: Catalog[string]): string[] =>
  Object.entries(entry.placeholders ?? {})
    .map(([name, value]) => `${name.toLowerCase()}=${value.content}`)
    .sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}
const sources = sourceFiles(SOURCES).map((file) => readFileSync(file, 'utf8'));
const manifest = readFileSync(MANIFEST, 'utf8');

describe('the message catalogs', () => {
  it('are English, Spanish and Simplified Chinese', () => {
    expect(languages).toEqual(['en', 'es', 'zh_CN']);
  });

  it.each(others)('%s has every English message, and no other', (lang) => {
    expect(Object.keys(read(lang)).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(others)('%s defines the same placeholders as English, with the same $n, and uses the same ones in each message', (lang) => {
    const catalog = read(lang);
    for (const [key, entry] of Object.entries(english)) {
      const translated = catalog[key];
      if (!translated) continue;
      expect(definedPlaceholders(translated), key).toEqual(definedPlaceholders(entry));
      expect(usedPlaceholders(translated.message), key).toEqual(usedPlaceholders(entry.message));
    }
  });

  it.each(languages)('%s has no empty message and no placeholder it does not define', (lang) => {
    for (const [key, entry] of Object.entries(read(lang))) {
      expect(entry.message.trim(), key).not.toBe('');
      const defined = Object.keys(entry.placeholders ?? {}).map((name) => name.toLowerCase());
      for (const name of usedPlaceholders(entry.message)) expect(defined, `${lang} ${key}`).toContain(name);
      // Chrome's names: ASCII letters, digits and underscores.
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
    }
  });

  it('has, for every plural message, its Other form (the fallback of every category) in English', () => {
    for (const key of Object.keys(english).filter((name) => /One$/.test(name))) expect(english[`${key.slice(0, -3)}Other`], key).toBeDefined();
  });

  it('has every message the code asks for', () => {
    const asked = new Set<string>();
    for (const source of sources) {
      for (const match of source.matchAll(/\b(text|count)\(\s*'([A-Za-z0-9_]+)'/g)) asked.add(match[1] === 'count' ? `${match[2]!}Other` : match[2]!);
    }
    for (const match of manifest.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) asked.add(match[1]!);
    expect(asked.size).toBeGreaterThan(50);
    for (const key of asked) expect(english[key], key).toBeDefined();
  });

  it('has no message the code never names (a plural by its stem)', () => {
    const everything = `${sources.join('\n')}\n${manifest}`;
    for (const key of Object.keys(english)) {
      const stem = key.replace(/(One|Other)$/, '');
      expect(everything.includes(`'${key}'`) || everything.includes(`'${stem}'`) || everything.includes(`__MSG_${key}__`), key).toBe(true);
    }
  });

  it('names its own language in languageTag, as BCP 47', () => {
    expect(languages.map((lang) => read(lang).languageTag?.message)).toEqual(['en', 'es', 'zh-CN']);
  });
});
