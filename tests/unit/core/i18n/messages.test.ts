import { describe, expect, it } from 'vitest';
import { catalogMessages, createMessages } from '../../../../src/core/i18n/create-messages';
import { englishMessages } from '../../../../src/core/i18n/english-messages';
import { pluralKey } from '../../../../src/core/i18n/plural-key';
import spanish from '../../../../assets/static/_locales/es/messages.json';
import chinese from '../../../../assets/static/_locales/zh_CN/messages.json';

const has = (...keys: string[]) => (key: string) => keys.includes(key);

describe('pluralKey', () => {
  it.each([
    ['en', 1, 'fooOne'],
    ['en', 0, 'fooOther'],
    ['en', 2, 'fooOther'],
    ['es', 1, 'fooOne'],
    ['es', 5, 'fooOther'],
    // CLDR gives Spanish "many" for round millions: no fooMany here, so Other.
    ['es', 1_000_000, 'fooOther'],
    // Chinese has only "other".
    ['zh-CN', 1, 'fooOther'],
  ])('%s, %d: %s', (lang, count, expected) => {
    expect(pluralKey('foo', count, lang, has('fooOne', 'fooOther'))).toBe(expected);
  });

  it('takes a category the catalog has beyond one and other', () => {
    expect(new Intl.PluralRules('es').select(1_000_000)).toBe('many');
    expect(pluralKey('foo', 1_000_000, 'es', has('fooOne', 'fooMany', 'fooOther'))).toBe('fooMany');
  });
});

describe('messages', () => {
  const es = catalogMessages(spanish, 'es');
  const zh = catalogMessages(chinese, 'zh-CN');

  it('say a count in whole sentences, by the language’s plural rules', () => {
    expect(englishMessages.count('requestsTo', 1, 'Meta')).toBe('1 request to Meta');
    expect(englishMessages.count('requestsTo', 3, 'Meta')).toBe('3 requests to Meta');
    expect(es.count('requestsTo', 1, 'Meta')).toBe('1 solicitud a Meta');
    expect(es.count('requestsTo', 1_000_000, 'Meta')).toBe('1.000.000 solicitudes a Meta');
    expect(zh.count('requestsTo', 1, 'Meta')).toBe('发往 Meta 的 1 个请求');
  });

  it('write numbers, lists and days the language’s way', () => {
    expect(es.count('requestsTo', 12_345, 'Meta')).toBe('12.345 solicitudes a Meta');
    expect(englishMessages.list(['Meta', 'Hotjar', 'TikTok'])).toBe('Meta, Hotjar, and TikTok');
    expect(es.list(['Meta', 'Hotjar', 'TikTok'])).toBe('Meta, Hotjar y TikTok');
    expect(zh.list(['Meta', 'Hotjar', 'TikTok'])).toBe('Meta、Hotjar和TikTok');
    expect(englishMessages.day('2026-03-31T23:00:00Z', 'utc')).toBe('March 31, 2026');
    expect(es.day('2026-03-31T23:00:00Z', 'utc')).toBe('31 de marzo de 2026');
    expect(zh.day('2026-03-31T23:00:00Z', 'utc')).toBe('2026年3月31日');
  });

  it('leave no placeholder unfilled in any message of any language', () => {
    for (const [lang, catalog] of [['es', spanish], ['zh-CN', chinese]] as const) {
      const messages = catalogMessages(catalog, lang);
      for (const key of Object.keys(catalog) as (keyof typeof catalog)[]) {
        expect(messages.text(key, 'a', 'b', 'c', 'd', 'e'), `${lang} ${key}`).not.toMatch(/\$/);
      }
    }
  });

  it('come from any lookup, with numbers written before it sees them', () => {
    const seen: string[][] = [];
    const messages = createMessages('es', (key, substitutions) => {
      seen.push([key, ...substitutions]);
      return key === 'x' ? 'ok' : '';
    });
    expect(messages.text('extensionName', 1234.5, 'a')).toBe('');
    expect(seen).toEqual([['extensionName', '1234,5', 'a']]);
  });
});
