import { describe, expect, it } from 'vitest';
import { buildAllowlist } from '../../../../src/core/lists/allowlist';
import { assessPage } from '../../../../src/core/findings/assess';
import { loadBuiltInCatalog } from '../../../../src/core/lists/catalog';
import { explainFinding } from '../../../../src/core/findings/explain';
import { englishMessages } from '../../../../src/core/i18n/english-messages';
import type { PageSignals } from '../../../../src/core/signals/page-signals';

const allowlist = buildAllowlist([{ source: 'catalog', file: loadBuiltInCatalog() }]);

const quietPage: PageSignals = { isSecureContext: true, passwordFields: 0, forms: [], videoElements: 0, iframes: [] };
const loginPage = (action: string): PageSignals => ({
  ...quietPage,
  passwordFields: 1,
  forms: [{ action, method: 'post', hasPassword: true }],
});
const videoPage: PageSignals = { ...quietPage, videoElements: 1 };

interface Case {
  behaviour: string;
  url: string;
  signals?: PageSignals;
  level: string;
  codes: string[];
}

const cases: Case[] = [
  { behaviour: 'a verified platform is verified', url: 'https://doxy.me/dr-smith', signals: videoPage, level: 'verified', codes: ['VERIFIED_PLATFORM'] },
  { behaviour: 'a clinic subdomain of a verified platform is verified', url: 'https://clinic.doxy.me/', level: 'verified', codes: ['VERIFIED_PLATFORM'] },
  { behaviour: 'doxy.me never covers notdoxy.me', url: 'https://notdoxy.me/', level: 'neutral', codes: [] },
  { behaviour: 'an ordinary site with a login says nothing', url: 'https://forum.example.org/login', signals: loginPage('https://forum.example.org/session'), level: 'neutral', codes: [] },
  { behaviour: 'a general-purpose platform stays neutral and says what it is', url: 'https://zoom.us/j/123456789', level: 'neutral', codes: ['GENERAL_PURPOSE_PLATFORM'] },
  { behaviour: 'a lookalike without a password field is caution', url: 'https://d0xy.me/', signals: quietPage, level: 'caution', codes: ['LOOKALIKE_DOMAIN'] },
  {
    behaviour: 'a password field on a lookalike is danger',
    url: 'https://d0xy.me/login',
    signals: loginPage('https://d0xy.me/login'),
    level: 'danger',
    codes: ['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE'],
  },
  {
    behaviour: 'an http login is danger twice over',
    url: 'http://patient-portal.example-clinic.com/',
    signals: loginPage('http://patient-portal.example-clinic.com/login'),
    level: 'danger',
    codes: ['INSECURE_CONNECTION', 'INSECURE_FORM'],
  },
  { behaviour: 'a visit offered over http is danger', url: 'http://visit.example-clinic.com/', signals: videoPage, level: 'danger', codes: ['INSECURE_CONNECTION'] },
  { behaviour: 'an http page with nothing to protect says nothing', url: 'http://example.com/', signals: quietPage, level: 'neutral', codes: [] },
  { behaviour: 'a verified platform over http is not verified', url: 'http://doxy.me/', level: 'caution', codes: ['VERIFIED_PLATFORM', 'INSECURE_CONNECTION'] },
  {
    behaviour: 'an https login that posts over http is danger',
    url: 'https://forum.example.org/login',
    signals: loginPage('http://forum.example.org/session'),
    level: 'danger',
    codes: ['INSECURE_FORM'],
  },
];

const searchForm = (action: string): PageSignals => ({ ...quietPage, forms: [{ action, method: 'get', hasPassword: false }] });
const twoLogins = (a: string, b: string): PageSignals => ({
  ...quietPage,
  passwordFields: 2,
  forms: [
    { action: a, method: 'post', hasPassword: true },
    { action: b, method: 'post', hasPassword: true },
  ],
});

/** FOREIGN_FORM_ACTION: a password form posting to another registrable domain that is no verified platform. */
const foreignFormCases: Case[] = [
  {
    behaviour: 'a password form posting to another site is caution',
    url: 'https://forum.example.org/login',
    signals: loginPage('https://accounts.example.net/session'),
    level: 'caution',
    codes: ['FOREIGN_FORM_ACTION'],
  },
  {
    behaviour: 'another subdomain of the same registrable domain is the same site',
    url: 'https://login.example-clinic.com/',
    signals: loginPage('https://portal.example-clinic.com/session'),
    level: 'neutral',
    codes: [],
  },
  {
    behaviour: 'a verified platform as receiver is no finding',
    url: 'https://forum.example.org/login',
    signals: loginPage('https://auth.doxy.me/signin'),
    level: 'neutral',
    codes: [],
  },
  {
    behaviour: 'a platform that is only known (not verified) is a foreign receiver',
    url: 'https://forum.example.org/login',
    signals: loginPage('https://zoom.us/signin'),
    level: 'caution',
    codes: ['FOREIGN_FORM_ACTION'],
  },
  {
    behaviour: 'a look-alike posting elsewhere is danger',
    url: 'https://d0xy.me/login',
    signals: loginPage('https://collector.example.net/p'),
    level: 'danger',
    codes: ['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE', 'FOREIGN_FORM_ACTION'],
  },
  {
    behaviour: 'a form without a password may post anywhere',
    url: 'https://forum.example.org/',
    signals: searchForm('https://search.example.net/'),
    level: 'neutral',
    codes: [],
  },
  {
    behaviour: 'posting to another site over http is both insecure and foreign',
    url: 'https://forum.example.org/login',
    signals: loginPage('http://accounts.example.net/session'),
    level: 'danger',
    codes: ['INSECURE_FORM', 'FOREIGN_FORM_ACTION'],
  },
  {
    behaviour: 'a script-handled form (javascript:) posts nowhere',
    url: 'https://forum.example.org/login',
    signals: loginPage('javascript:void(0)'),
    level: 'neutral',
    codes: [],
  },
  {
    behaviour: 'two forms posting to one foreign domain make one finding',
    url: 'https://forum.example.org/login',
    signals: twoLogins('https://a.example.net/x', 'https://b.example.net/y'),
    level: 'caution',
    codes: ['FOREIGN_FORM_ACTION'],
  },
  {
    behaviour: 'a verified platform posting its password elsewhere loses verified',
    url: 'https://doxy.me/signin',
    signals: loginPage('https://accounts.example.net/session'),
    level: 'caution',
    codes: ['VERIFIED_PLATFORM', 'FOREIGN_FORM_ACTION'],
  },
  {
    behaviour: 'an IP address page posting to itself is the same site',
    url: 'https://192.168.1.10/login',
    signals: loginPage('https://192.168.1.10/session'),
    level: 'neutral',
    codes: [],
  },
];

describe('assessPage', () => {
  it.each(cases)('$behaviour', ({ url, signals, level, codes }) => {
    const verdict = assessPage(allowlist, { url, signals });
    expect(verdict.level).toBe(level);
    expect(verdict.findings.map((finding) => finding.code)).toEqual(codes);
  });

  it.each(foreignFormCases)('$behaviour', ({ url, signals, level, codes }) => {
    const verdict = assessPage(allowlist, { url, signals });
    expect(verdict.level).toBe(level);
    expect(verdict.findings.map((finding) => finding.code)).toEqual(codes);
  });

  it('gives the foreign form evidence: where it posts and which domain receives it', () => {
    const verdict = assessPage(allowlist, { url: 'https://forum.example.org/login', signals: loginPage('https://login.accounts.example.net/session?next=1') });
    expect(verdict.findings).toEqual([
      { code: 'FOREIGN_FORM_ACTION', level: 'caution', action: 'https://login.accounts.example.net/session?next=1', actionDomain: 'example.net' },
    ]);
    const { title, detail, action } = explainFinding(verdict.findings[0]!, englishMessages);
    expect(title).toBe('Login form sends your password to another site');
    expect(detail).toContain('example.net');
    expect(action).toContain("If you are not sure, don't");
  });

  it('names the platform and its facts', () => {
    const verdict = assessPage(allowlist, { url: 'https://zoom.us/j/1' });
    expect(verdict.platform).toMatchObject({ name: 'Zoom', verified: false, domain: 'zoom.us' });
    expect(verdict.platform?.facts?.endToEndEncryption.value).toBeDefined();
  });

  it('gives the lookalike evidence: target and rule', () => {
    const verdict = assessPage(allowlist, { url: 'https://d0xy.me/login', signals: loginPage('https://d0xy.me/x') });
    expect(verdict.findings[0]).toMatchObject({ code: 'LOOKALIKE_DOMAIN', target: 'doxy.me', targetName: 'Doxy.me', rule: 'digit-for-letter' });
    expect(verdict.findings[1]).toMatchObject({ code: 'PASSWORD_ON_LOOKALIKE', target: 'doxy.me', passwordFields: 1 });
  });

  it('explains every finding it makes in plain words', () => {
    for (const { url, signals } of [...cases, ...foreignFormCases]) {
      for (const finding of assessPage(allowlist, { url, signals }).findings) {
        const explanation = explainFinding(finding, englishMessages);
        expect(explanation.title.length, finding.code).toBeGreaterThan(5);
        expect(explanation.detail.length, finding.code).toBeGreaterThan(10);
        expect(explanation.action.length, finding.code).toBeGreaterThan(10);
      }
    }
  });
});

describe('assessPage for video visits and chats', () => {
  const inCall = { activities: ['camera-or-microphone' as const], frameEncryption: false };

  it('names a call on a site no list knows', () => {
    const verdict = assessPage(allowlist, { url: 'https://visits.example-telehealth.net/room', signals: quietPage, call: inCall });
    expect(verdict.level).toBe('caution');
    expect(verdict.findings).toEqual([expect.objectContaining({ code: 'UNKNOWN_VIDEO_PLATFORM', activity: 'camera-or-microphone' })]);
  });

  it('keeps a verified platform verified in a call', () => {
    expect(assessPage(allowlist, { url: 'https://doxy.me/drsmith', signals: videoPage, call: inCall }).level).toBe('verified');
  });

  it('keeps a verified page verified with a chat widget, and names the widget', () => {
    const verdict = assessPage(allowlist, { url: 'https://doxy.me/drsmith', signals: { ...quietPage, scriptHosts: ['widget.intercom.io'] } });
    expect(verdict.level).toBe('verified');
    expect(verdict.findings.map((f) => f.code)).toEqual(['VERIFIED_PLATFORM', 'UNVERIFIED_EMBED']);
  });

  it('calls out a meeting link on a lookalike host', () => {
    const [finding] = assessPage(allowlist, { url: 'https://zoom-us.net/j/123456789' }).findings;
    expect(finding).toMatchObject({ code: 'LOOKALIKE_DOMAIN', target: 'zoom.us', joinLink: 'Zoom' });
    expect(explainFinding(finding!, englishMessages).title).toBe('This is a fake Zoom meeting link');
  });

  it('calls an https page with http scripts mixed content, but not its loopback parts', () => {
    const signals = {
      ...quietPage,
      insecureResources: [
        { kind: 'script' as const, url: 'http://cdn.example.net/a.js' },
        { kind: 'media' as const, url: 'http://localhost:8080/v.mp4' },
      ],
    };
    const [finding] = assessPage(allowlist, { url: 'https://portal.example-clinic.com/', signals }).findings;
    expect(finding).toEqual({ code: 'MIXED_CONTENT', level: 'caution', resources: [{ kind: 'script', url: 'http://cdn.example.net/a.js' }] });
  });

  it('calls an http page embedding a camera frame a danger', () => {
    const signals = { ...quietPage, iframes: [{ src: 'https://video.example-vendor.net/room', allow: 'camera; microphone' }] };
    const verdict = assessPage(allowlist, { url: 'http://clinic.example.org/visit', signals });
    expect(verdict.level).toBe('danger');
    expect(verdict.findings.map((f) => f.code)).toEqual(['INSECURE_CONNECTION', 'UNVERIFIED_EMBED']);
  });
});

describe('a low-confidence resemblance warns only where it matters', () => {
  const lookalikeOf = (verdict: ReturnType<typeof assessPage>) => verdict.findings.find((finding) => finding.code === 'LOOKALIKE_DOMAIN');

  it('is noted, not raised, on a page without a password field or a call (xoom.com near zoom.com)', () => {
    const verdict = assessPage(allowlist, { url: 'https://xoom.com/', signals: quietPage });
    expect(verdict.level).toBe('neutral');
    expect(lookalikeOf(verdict)).toMatchObject({ target: 'zoom.com', confidence: 'low', level: 'neutral' });
    expect(explainFinding(lookalikeOf(verdict)!, englishMessages).detail).toContain('only if the page asks for a password, starts a call, is a meeting link, or you type into it');
  });

  it('warns beside a password field, and the field is danger as on any look-alike', () => {
    const verdict = assessPage(allowlist, { url: 'https://xoom.com/login', signals: loginPage('https://xoom.com/session') });
    expect(verdict.level).toBe('danger');
    expect(lookalikeOf(verdict)).toMatchObject({ confidence: 'low', level: 'caution' });
    expect(verdict.findings.map((finding) => finding.code)).toContain('PASSWORD_ON_LOOKALIKE');
  });

  it('warns once the user typed into the page, whatever the field claims to be (a password asked for in a text field)', () => {
    const verdict = assessPage(allowlist, { url: 'https://xoom.com/verify', signals: { ...quietPage, typedInto: true } });
    expect(lookalikeOf(verdict)).toMatchObject({ confidence: 'low', level: 'caution' });
    expect(verdict.level).toBe('caution');
  });

  it('warns during a call', () => {
    const verdict = assessPage(allowlist, { url: 'https://xoom.com/room', signals: quietPage, call: { activities: ['camera-or-microphone'], frameEncryption: false } });
    expect(lookalikeOf(verdict)?.level).toBe('caution');
  });

  it('leaves findings of higher confidence at caution on any page', () => {
    const verdict = assessPage(allowlist, { url: 'https://d0xy.me/', signals: quietPage });
    expect(lookalikeOf(verdict)).toMatchObject({ confidence: 'high', level: 'caution' });
    expect(verdict.level).toBe('caution');
  });
});
