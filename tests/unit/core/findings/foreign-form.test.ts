import { describe, expect, it } from 'vitest';
import { buildAllowlist } from '../../../../src/core/lists/allowlist';
import { assessPage } from '../../../../src/core/findings/assess';
import { loadBuiltInCatalog } from '../../../../src/core/lists/catalog';
import type { PageSignals } from '../../../../src/core/signals/page-signals';

/**
 * Where a password may go: the page's own site, a verified platform, or the page's own
 * platform under another of its domains. A general-purpose platform is no safe receiver:
 * phishing kits deliver stolen passwords to Telegram bots and Discord webhooks.
 */

const allowlist = buildAllowlist([{ source: 'catalog', file: loadBuiltInCatalog() }]);

const loginPosting = (action: string): PageSignals => ({
  isSecureContext: true,
  passwordFields: 1,
  forms: [{ action, method: 'post', hasPassword: true }],
  videoElements: 0,
  iframes: [],
});

function foreignForms(url: string, action: string) {
  return assessPage(allowlist, { url, signals: loginPosting(action) }).findings.filter((finding) => finding.code === 'FOREIGN_FORM_ACTION');
}

describe('FOREIGN_FORM_ACTION receivers', () => {
  it.each([
    ['a Telegram bot', 'https://api.telegram.org/bot123:ABC/sendMessage', 'telegram.org'],
    ['a Discord webhook', 'https://discord.com/api/webhooks/123/abc', 'discord.com'],
    ['a Discord webhook on its old domain', 'https://discordapp.com/api/webhooks/123/abc', 'discordapp.com'],
    ['a general-purpose video platform', 'https://zoom.us/signin', 'zoom.us'],
  ])('an ordinary login page posting to %s is a finding', (_, action, actionDomain) => {
    expect(foreignForms('https://portal.example-clinic.org/login', action)).toEqual([
      { code: 'FOREIGN_FORM_ACTION', level: 'caution', action, actionDomain },
    ]);
  });

  it('is danger when the page is a look-alike posting to a Telegram bot', () => {
    const findings = foreignForms('https://d0xy.me/login', 'https://api.telegram.org/bot1/sendMessage');
    expect(findings).toEqual([expect.objectContaining({ level: 'danger', actionDomain: 'telegram.org' })]);
  });

  it.each([
    ['a verified platform', 'https://portal.example-clinic.org/login', 'https://auth.doxy.me/session'],
    ['the same registrable domain', 'https://login.example-clinic.org/', 'https://portal.example-clinic.org/session'],
    ["the page's own platform under another of its domains", 'https://zoom.us/signin', 'https://zoom.com/signin'],
    ['Discord posting to itself', 'https://discord.com/login', 'https://discord.com/api/v9/auth/login'],
  ])('posting to %s is no finding', (_, url, action) => {
    expect(foreignForms(url, action)).toEqual([]);
  });

  it("trusts a general-purpose platform's own other domain only from that platform's pages", () => {
    expect(foreignForms('https://teams.microsoft.com/login', 'https://teams.live.com/session')).toEqual([]);
    expect(foreignForms('https://zoom.us/signin', 'https://teams.live.com/session')).toHaveLength(1);
  });
});
