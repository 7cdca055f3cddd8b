import { describe, expect, it } from 'vitest';
import { translations as englishTranslations } from '@zxcvbn-ts/language-en';
import { catalogMessages, createMessages } from '../../../../src/core/i18n/create-messages';
import { englishMessages } from '../../../../src/core/i18n/english-messages';
import { explainWeakPassword } from '../../../../src/core/passwords/explain-password';
import { ratePassword } from '../../../../src/core/passwords/strength';
import { strengthTranslations, SUGGESTION_KEYS, WARNING_KEYS } from '../../../../src/core/passwords/strength-tips';
import english from '../../../../assets/static/_locales/en/messages.json';
import spanish from '../../../../assets/static/_locales/es/messages.json';
import chinese from '../../../../assets/static/_locales/zh_CN/messages.json';

const spanishMessages = catalogMessages(spanish, 'es');
const chineseMessages = catalogMessages(chinese, 'zh-CN');

describe("the strength rater's tips", () => {
  it("name every warning and suggestion zxcvbn's English pack has, and no other", () => {
    expect(Object.keys(WARNING_KEYS).sort()).toEqual(Object.keys(englishTranslations.warnings).sort());
    expect(Object.keys(SUGGESTION_KEYS).sort()).toEqual(Object.keys(englishTranslations.suggestions).sort());
  });

  it('are in English as zxcvbn writes them', () => {
    const catalog: Record<string, { message: string }> = english;
    for (const [key, message] of Object.entries(WARNING_KEYS)) expect(catalog[message]?.message, key).toBe(englishTranslations.warnings[key as keyof typeof WARNING_KEYS]);
    for (const [key, message] of Object.entries(SUGGESTION_KEYS)) expect(catalog[message]?.message, key).toBe(englishTranslations.suggestions[key as keyof typeof SUGGESTION_KEYS]);
  });

  it.each([
    ['es', spanish],
    ['zh_CN', chinese],
  ])('are all translated in %s: none empty, none left in English, each short enough to report', (_lang, catalog: Record<string, { message: string }>) => {
    for (const message of [...Object.values(WARNING_KEYS), ...Object.values(SUGGESTION_KEYS)]) {
      expect(catalog[message]?.message.trim(), message).toBeTruthy();
      // The rater's report to the background takes a warning or suggestion of at most 200 characters (protocol/messages).
      expect(catalog[message]!.message.length, message).toBeLessThanOrEqual(200);
      expect(catalog[message]?.message, message).not.toBe((english as Record<string, { message: string }>)[message]?.message);
    }
  });

  it("take English from zxcvbn's pack and another language from the messages", () => {
    expect(strengthTranslations(englishMessages)).toBe(englishTranslations);
    const stub = createMessages('xx', (key) => `<${key}>`);
    const translated = strengthTranslations(stub);
    expect(translated.warnings.common).toBe('<strengthTipWarningCommon>');
    expect(translated.suggestions.l33t).toBe('<strengthTipSuggestionL33t>');
    expect(translated.timeEstimation).toBe(englishTranslations.timeEstimation);
  });
});

describe('rating a new password in the UI language', () => {
  it('warns in Spanish with Spanish messages', () => {
    const rated = ratePassword('password123', [], spanishMessages);
    expect(rated.warning).toBe(spanish.strengthTipWarningCommon.message);
    expect(rated.suggestions.length).toBeGreaterThan(0);
    for (const line of rated.suggestions) expect(Object.values(spanish).map((entry) => entry.message)).toContain(line);
  });

  it('warns in Chinese with Chinese messages', () => {
    const rated = ratePassword('password123', [], chineseMessages);
    expect(rated.warning).toBe(chinese.strengthTipWarningCommon.message);
    expect(rated.suggestions.length).toBeGreaterThan(0);
  });

  it('stays in English without messages, and with English ones', () => {
    expect(ratePassword('password123').warning).toBe(englishTranslations.warnings.common);
    expect(ratePassword('password123', [], englishMessages).warning).toBe(englishTranslations.warnings.common);
  });

  it('shows the tips in the weak-password note in every language', () => {
    const rated = ratePassword('qwertyuiop', [], spanishMessages);
    const { detail } = explainWeakPassword({ code: 'WEAK_PASSWORD', level: 'caution', ...rated }, spanishMessages);
    expect(rated.warning).toBeDefined();
    expect(detail).toContain(rated.warning);
    const chineseRated = ratePassword('qwertyuiop', [], chineseMessages);
    expect(explainWeakPassword({ code: 'WEAK_PASSWORD', level: 'caution', ...chineseRated }, chineseMessages).detail).toContain(chineseRated.warning);
  });
});
