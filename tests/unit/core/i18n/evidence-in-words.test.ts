import { describe, expect, it } from 'vitest';
import { catalogMessages } from '../../../../src/core/i18n/create-messages';
import { englishMessages } from '../../../../src/core/i18n/english-messages';
import { buildAllowlist } from '../../../../src/core/lists/allowlist';
import { loadBuiltInCatalog } from '../../../../src/core/lists/catalog';
import { describeEvidence } from '../../../../src/core/lookalike/evidence-in-words';
import { findLookalike } from '../../../../src/core/lookalike/lookalike';
import spanish from '../../../../assets/static/_locales/es/messages.json';
import chinese from '../../../../assets/static/_locales/zh_CN/messages.json';

const allowlist = buildAllowlist([{ source: 'catalog', file: loadBuiltInCatalog() }]);

/** One host for every form of evidence the look-alike engine writes (tests/unit/core/lookalike). */
const HOSTS = [
  'd0xy.me', 'doxxy.me', 'dxy.me', 'doxy.me.example.net', 'doxy-login.net', 'discrod-gift.com', 'securedoxymelogin.com',
  'xn--dxy-login-02h.com', 'xn--doxy-ub73c.me', 'doxy.xn--meexample-h74h.jp', 'vseec.om', 'discord-game-gift.com',
];
const ENGLISH_FORMS = /instead of|left out|added|contains|with the dots moved|reads as|spelled|with the word|between the words| with "/;

describe('describeEvidence', () => {
  const evidence = HOSTS.map((host) => findLookalike(allowlist, host)?.evidence).filter((found): found is string => found !== undefined);

  it('knows a host for each form', () => {
    expect(evidence.length).toBe(HOSTS.length);
  });

  it.each(evidence)('says %s again in English as the command line does', (text) => {
    expect(describeEvidence(text, englishMessages)).toBe(text);
  });

  it.each(evidence)('says %s in Spanish and Chinese, with none of its English words', (text) => {
    for (const messages of [catalogMessages(spanish, 'es'), catalogMessages(chinese, 'zh-CN')]) {
      const said = describeEvidence(text, messages);
      expect(said).not.toMatch(ENGLISH_FORMS);
      for (const quoted of text.matchAll(/"([^"]*)"/g)) expect(said).toContain(quoted[1]);
    }
  });

  it('shows a form it does not know as it is', () => {
    expect(describeEvidence('something new', catalogMessages(spanish, 'es'))).toBe('something new');
  });
});
