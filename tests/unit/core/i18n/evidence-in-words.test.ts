import { describe, expect, it } from 'vitest';
import { catalogMessages } from '../../../../src/core/i18n/create-messages';
import { englishMessages } from '../../../../src/core/i18n/english-messages';
import { buildAllowlist } from '../../../../src/core/lists/allowlist';
import { loadBuiltInCatalog } from '../../../../src/core/lists/catalog';
import { evidenceInEnglish, type Evidence } from '../../../../src/core/lookalike/evidence';
import { evidenceInWords } from '../../../../src/core/lookalike/evidence-in-words';
import { findLookalike } from '../../../../src/core/lookalike/lookalike';
import spanish from '../../../../assets/static/_locales/es/messages.json';
import chinese from '../../../../assets/static/_locales/zh_CN/messages.json';

const allowlist = buildAllowlist([{ source: 'catalog', file: loadBuiltInCatalog() }]);

/** One host for every form of evidence the look-alike engine writes (tests/unit/core/lookalike). */
const HOSTS = [
  'd0xy.me', 'doxxy.me', 'dxy.me', 'doxy.me.example.net', 'doxy-login.net', 'discrod-gift.com', 'securedoxymelogin.com', 'securediscrodlogin.com',
  'xn--dxy-login-02h.com', 'xn--doxy-ub73c.me', 'doxy.xn--meexample-h74h.jp', 'vseec.om', 'discord-game-gift.com', 'dlscord-game.com',
];
const ENGLISH_FORMS = /instead of|left out|added|contains|with the dots moved|reads as|spelled|with the word|between the words| with "/;

/** Every form and nested form in a piece of evidence. */
function formsIn(evidence: Evidence): string[] {
  const inner = evidence.form === 'reads-as' || evidence.form === 'latin-letters' ? evidence.then : undefined;
  const place = evidence.form === 'brand-with-words' ? `:${evidence.place}${evidence.meant === undefined ? '' : ':for'}` : '';
  return [`${evidence.form}${place}`, ...(inner ? formsIn(inner) : [])];
}

/** The names, letters and words the evidence quotes, which every language shows as they are. */
const quotedIn = (evidence: Evidence): string[] => [...evidenceInEnglish(evidence).matchAll(/"([^"]*)"/g)].map((match) => match[1]!);

describe('a look-alike\u2019s evidence in words', () => {
  const found = HOSTS.map((host) => [host, findLookalike(allowlist, host)?.evidence] as const);

  it('knows a host for each form the engine writes, and each of its places and namings', () => {
    expect(found.filter(([, evidence]) => evidence === undefined).map(([host]) => host)).toEqual([]);
    const forms = new Set(found.flatMap(([, evidence]) => formsIn(evidence!)));
    expect([...forms].sort()).toEqual(
      [
        'added', 'brand-with-words:beside:for', 'brand-with-words:between', 'brand-with-words:between:for', 'brand-with-words:keyword', 'brand-with-words:keyword:for',
        'contains', 'dots-moved', 'instead-of', 'latin-letters', 'left-out', 'reads-as',
      ].sort(),
    );
  });

  it.each(found)('says the evidence for %s in the English messages as the command line does', (_, evidence) => {
    expect(evidenceInWords(evidence!, englishMessages)).toBe(evidenceInEnglish(evidence!));
  });

  it.each(found)('says the evidence for %s in Spanish and Chinese, with none of its English words and every name it quotes', (_, evidence) => {
    for (const messages of [catalogMessages(spanish, 'es'), catalogMessages(chinese, 'zh-CN')]) {
      const said = evidenceInWords(evidence!, messages);
      expect(said).not.toMatch(ENGLISH_FORMS);
      for (const quoted of quotedIn(evidence!)) expect(said).toContain(quoted);
    }
  });

  it('says a brand as listed beside other words, which no host above gives, in every language', () => {
    const evidence: Evidence = { form: 'brand-with-words', brand: 'discord', words: ['game', 'gift'], place: 'beside' };
    expect(evidenceInWords(evidence, englishMessages)).toBe('"discord" with "game" and "gift"');
    expect(evidenceInWords(evidence, catalogMessages(spanish, 'es'))).not.toMatch(ENGLISH_FORMS);
  });
});
