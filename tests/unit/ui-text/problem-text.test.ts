import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogMessages } from '../../../src/core/i18n/create-messages';
import { englishMessages as m } from '../../../src/core/i18n/english-messages';
import type { Catalog } from '../../../src/core/i18n/format-message';
import { parseAllowlistFile, parseAllowlistText, type AllowlistProblem } from '../../../src/core/lists/allowlist-file';
import { parsePolicy } from '../../../src/core/lists/policy';
import { parseListBytes } from '../../../src/core/lists/signed-list';
import { failureText, problemText } from '../../../src/ui-text/problem-text';

const said = (problems: readonly AllowlistProblem[]) => problems.map((problem) => `${problem.path}: ${problemText(problem, m)}`);

const KEY = Buffer.alloc(32, 7).toString('base64');

describe('policy and list problems in words', () => {
  it('says each policy problem in whole sentences, the path kept apart and the raw values named', () => {
    const { problems } = parsePolicy({
      clinicName: '',
      supportContact: 'call us',
      allowlistMode: 'copy',
      lockUserAllowlist: 'yes',
      remoteAllowlistUrl: 'http://lists.example-clinic.org/l.json',
      remoteAllowlistKeys: ['nope', KEY, KEY],
      refreshHours: 0,
      actions: { trackers: 'loud', camera: 'warn' },
      passwordProtection: 'maybe',
      passwordSignInDomains: ['github.io', 'login.example-clinic.org', 'login.example-clinic.org'],
      allowlist: [{ domain: 'doxy.me', name: 'Doxy' }, { domain: 'doxy.me', name: 'Again' }, { domain: 'not a domain', name: 'X' }],
      colour: 'blue',
    });
    expect(said(problems)).toEqual([
      'clinicName: This must not be empty. The value is ignored.',
      'supportContact: This must be an email address, a phone number or an https web address. The value is ignored.',
      'allowlistMode: This must be one of: "add", "replace". The clinic\'s sites are added to the built-in list ("add").',
      'lockUserAllowlist: This must be true or false. People can still add their own sites.',
      'remoteAllowlistUrl: This must be an https web address. No remote list is downloaded.',
      'remoteAllowlistKeys[0]: This must be a base64 Ed25519 public key of 32 bytes (the text of allowlist.pub). The key is ignored.',
      'remoteAllowlistKeys[2]: The same key is listed twice. The value is ignored.',
      'refreshHours: This must be at least 1. The list is checked every 24 hours.',
      'actions.trackers: This must be one of: "warn", "block", "off". This action warns ("warn").',
      'actions.camera: This action is unknown; the known ones are passwordOnLookalike, unknownVideoPlatform, trackers.',
      'passwordProtection: This must be one of: "on", "off". Password protection stays on.',
      'passwordSignInDomains[0]: github.io is a public suffix: listing it would verify every site under it. The entry is ignored.',
      'passwordSignInDomains[2]: login.example-clinic.org is listed twice. The value is ignored.',
      'allowlist[1].domain: doxy.me is already listed at allowlist[0]. The entry is ignored.',
      "allowlist[2].domain: This must be a site's domain name, like \"doxy.me\". The entry is ignored.",
      expect.stringMatching(/^colour: This setting is unknown; the known ones are clinicName, .*passwordSignInDomains\.$/),
    ]);
  });

  it('says what is wrong with a policy that is no object, and with a list file', () => {
    expect(said(parsePolicy('x').problems)).toEqual(['(root): The policy must be an object of settings. The default settings are used.']);
    const notJson = parseAllowlistText('{');
    expect(notJson.ok ? [] : said(notJson.problems)).toEqual(['(root): The file is not valid JSON text.']);
    const file = parseAllowlistFile({ version: -1, entries: [{ name: 'X', extra: 1 }], expires: 'soon' });
    expect(file.ok ? [] : said(file.problems)).toEqual([
      'version: This must be at least 0.',
      'expires: This must be a date and time like "2026-12-31T00:00:00Z".',
      'entries[0].domain: This value is required and missing.',
      'entries[0]: These names are not part of the format: "extra".',
    ]);
    const big = parseListBytes(new Uint8Array(20), 10);
    expect(big.ok ? [] : said(big.problems)).toEqual(['(root): The list is 20 bytes, more than the limit of 10.']);
  });

  it('says a problem recorded without sentences, or with a key no catalog has, as a value that cannot be used', () => {
    expect(problemText({}, m)).toBe('This value cannot be used.');
    expect(problemText({ says: [{ key: 'adminProblemFromTheFuture' as never }] }, m)).toBe('This value cannot be used.');
  });

  it("says why the signed list failed by the failure's reason", () => {
    expect(failureText('signature-mismatch', m)).toBe("The signature does not match the list and the clinic's keys: the list may have been changed after it was signed.");
    expect(failureText('http-error', m)).toBe('The server did not hand over the list or its signature (an HTTP error).');
    expect(failureText('toString', m)).toBe('The list could not be used.');
  });

  it('has every sentence a policy problem says in Spanish and Chinese, too', () => {
    const { problems } = parsePolicy({ clinicName: 7, refreshHours: 1000, actions: [], remoteAllowlistUrl: 'https://a.example.org/l', allowlistMode: 'replace' });
    for (const lang of ['es', 'zh_CN']) {
      const catalog = JSON.parse(readFileSync(join(import.meta.dirname, `../../../assets/static/_locales/${lang}/messages.json`), 'utf8')) as Catalog;
      const messages = catalogMessages(catalog, lang.replace('_', '-'));
      for (const problem of problems) {
        const text = problemText(problem, messages);
        expect(text).not.toBe(problemText({}, messages));
        expect(text).not.toBe(problemText(problem, m));
      }
    }
  });
});
