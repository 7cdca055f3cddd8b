import { describe, expect, it } from 'vitest';
import catalogJson from '../../../../assets/catalog.json';
import { parseAllowlistText } from '../../../../src/core/lists/allowlist-file';
import { loadBuiltInCatalog } from '../../../../src/core/lists/catalog';
import { DETAIL_LANGUAGES, factDetail } from '../../../../src/core/lists/fact-detail';
import { buildAllowlist } from '../../../../src/core/lists/allowlist';
import { assessPage } from '../../../../src/core/findings/assess';
import { catalogMessages } from '../../../../src/core/i18n/create-messages';
import { englishMessages } from '../../../../src/core/i18n/english-messages';
import { knownAbout } from '../../../../src/content/call-prompt';
import spanish from '../../../../assets/static/_locales/es/messages.json';
import chinese from '../../../../assets/static/_locales/zh_CN/messages.json';

const catalog = loadBuiltInCatalog();
const notes = catalog.entries.flatMap((entry) =>
  Object.entries(entry.facts ?? {}).flatMap(([name, fact]) => (fact?.detail ? [{ where: `${entry.domain} ${name}`, fact }] : [])),
);

describe("the catalog's fact notes in every language", () => {
  it('are there: the catalog has its 84 English notes', () => {
    expect(notes.length).toBeGreaterThanOrEqual(84);
  });

  it.each(DETAIL_LANGUAGES)('each have their %s translation, not the English left as it was', (lang) => {
    for (const { where, fact } of notes) {
      const translated = fact.detailI18n?.[lang];
      expect(translated?.trim(), where).toBeTruthy();
      expect(translated, where).not.toBe(fact.detail);
    }
  });

  it('keep the numbers, years and addresses of the English note', () => {
    for (const { where, fact } of notes) {
      // Digits as they are (a year, "6-digit", "2020"; "2-step" and "1:1" are words), e-mail addresses and domains.
      const kept = [...fact.detail!.replace(/\b2-step\b|\b1:1 (?!Online)/gi, '').matchAll(/\d+|[\w.-]+@[\w.-]+\w|\b[a-z-]+\.(?:me|com|si|app|aws|org|us)\b/g)].map((match) => match[0]);
      const missing = DETAIL_LANGUAGES.flatMap((lang) => kept.filter((token) => !fact.detailI18n?.[lang]?.includes(token)).map((token) => `${lang}: ${token}`));
      expect(missing, where).toEqual([]);
    }
  });

  it('keep the names HIPAA, BAA and HHS OCR where the English names them', () => {
    for (const { where, fact } of notes) {
      for (const term of ['HIPAA', 'BAA', 'HHS OCR'].filter((name) => fact.detail!.includes(name))) {
        for (const lang of DETAIL_LANGUAGES) expect(fact.detailI18n?.[lang], `${where} ${lang}`).toMatch(term === 'HHS OCR' ? /OCR del HHS|HHS OCR/ : new RegExp(term));
      }
    }
  });

  it('translate no fact that has no English note, and only into the languages the extension speaks', () => {
    for (const entry of catalogJson.entries as { domain: string; facts?: Record<string, { detail?: string; detailI18n?: Record<string, string> }> }[]) {
      for (const fact of Object.values(entry.facts ?? {})) {
        if (fact.detailI18n) {
          expect(fact.detail, entry.domain).toBeDefined();
          expect(Object.keys(fact.detailI18n).sort()).toEqual([...DETAIL_LANGUAGES].sort());
        }
      }
    }
  });
});

describe('factDetail', () => {
  const fact = { detail: 'In English.', detailI18n: { es: 'En español.' } };

  it("gives the note in the messages' language, English where that one is missing", () => {
    expect(factDetail(fact, 'es')).toBe('En español.');
    expect(factDetail(fact, 'zh-CN')).toBe('In English.');
    expect(factDetail(fact, 'en')).toBe('In English.');
    expect(factDetail(fact, 'fr')).toBe('In English.');
  });

  it('gives nothing without an English note', () => {
    expect(factDetail(undefined, 'es')).toBeUndefined();
    expect(factDetail({}, 'es')).toBeUndefined();
  });
});

describe('the list schema for translated notes', () => {
  const withNote = (fact: string) => `{"version":1,"entries":[{"domain":"x.com","name":"X","facts":{"endToEndEncryption":${fact},"hipaaBaa":{"value":"unknown"}}}]}`;

  it('accepts a note in Spanish and Chinese beside the English one', () => {
    expect(parseAllowlistText(withNote('{"value":"unknown","detail":"No.","detailI18n":{"es":"No.","zh-CN":"否。"}}')).ok).toBe(true);
  });

  it.each([
    ['a language the extension does not speak', '{"value":"unknown","detail":"No.","detailI18n":{"fr":"Non."}}'],
    ['an empty translation', '{"value":"unknown","detail":"No.","detailI18n":{"es":" "}}'],
    ['a translation without the English note', '{"value":"unknown","detailI18n":{"es":"No."}}'],
  ])('refuses %s', (_label, fact) => {
    const result = parseAllowlistText(withNote(fact));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((problem) => problem.path).join(' ')).toContain('entries[0].facts.endToEndEncryption');
  });
});

describe("the camera prompt's facts in the UI language", () => {
  const zoom = assessPage(buildAllowlist([{ source: 'catalog', file: catalog }]), { url: 'https://zoom.us/j/123456789' });
  const e2e = catalog.entries.find((entry) => entry.domain === 'zoom.us')!.facts!.endToEndEncryption;

  it.each([
    ['es', catalogMessages(spanish, 'es'), e2e.detailI18n!.es!],
    ['zh-CN', catalogMessages(chinese, 'zh-CN'), e2e.detailI18n!['zh-CN']!],
    ['en', englishMessages, e2e.detail!],
  ])('shows the %s note', (_lang, m, note) => {
    expect(knownAbout(zoom, m).join(' ')).toContain(note);
  });
});
