import { describe, expect, it } from 'vitest';
import { allowlistFileSchema } from '../../../../src/core/lists/allowlist-file';
import { loadBuiltInCatalog } from '../../../../src/core/lists/catalog';
import { allowlistLayers, defaultPolicy, parsePolicy, supportContactLink, type ManagedPolicy } from '../../../../src/core/lists/policy';

const KEY_A = 'YhHUwokN0wfzgmFHl4U9zadGmNk+p85wOndnAstLfI4=';
const KEY_B = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=';

const clinic = { domain: 'telehealth.example-clinic.org', name: 'Example Clinic' };

describe('parsePolicy: no policy', () => {
  it.each([[undefined], [null], [{}]])('%j gives the defaults and no problems', (raw) => {
    expect(parsePolicy(raw)).toEqual({ policy: defaultPolicy(), problems: [] });
  });

  it.each([['a string'], [42], [[1, 2]]])('%j is reported at the root and the defaults apply', (raw) => {
    const { policy, problems } = parsePolicy(raw);
    expect(policy).toEqual(defaultPolicy());
    expect(problems).toMatchObject([{ path: '(root)', message: expect.stringContaining('must be an object') as unknown }]);
  });
});

describe('parsePolicy: each good value is taken', () => {
  it.each<[string, Record<string, unknown>, Partial<ManagedPolicy>]>([
    ['clinicName', { clinicName: '  Example Clinic ' }, { clinicName: 'Example Clinic' }],
    ['supportContact email', { supportContact: 'it@example-clinic.org' }, { supportContact: 'it@example-clinic.org' }],
    ['supportContact phone', { supportContact: '+1 (555) 010-4477' }, { supportContact: '+1 (555) 010-4477' }],
    ['supportContact URL', { supportContact: 'https://help.example-clinic.org/' }, { supportContact: 'https://help.example-clinic.org/' }],
    ['allowlist', { allowlist: [clinic] }, { allowlist: [allowlistFileSchema.shape.entries.element.parse(clinic)] }],
    ['allowlistMode', { allowlistMode: 'replace', allowlist: [clinic] }, { allowlistMode: 'replace' }],
    ['lockUserAllowlist', { lockUserAllowlist: true }, { lockUserAllowlist: true }],
    [
      'remote list',
      { remoteAllowlistUrl: 'https://it.example-clinic.org/thg/list.json', remoteAllowlistKeys: [KEY_A, KEY_B] },
      { remoteAllowlistUrl: 'https://it.example-clinic.org/thg/list.json', remoteAllowlistKeys: [KEY_A, KEY_B] },
    ],
    ['refreshHours', { refreshHours: 6 }, { refreshHours: 6 }],
    ['refreshHours fraction', { refreshHours: 1.5 }, { refreshHours: 1.5 }],
    [
      'actions',
      { actions: { passwordOnLookalike: 'block', trackers: 'off' } },
      { actions: { passwordOnLookalike: 'block', unknownVideoPlatform: 'warn', trackers: 'off' } },
    ],
    ['passwordProtection off', { passwordProtection: 'off' }, { passwordProtection: 'off' }],
    [
      'passwordSignInDomains',
      { passwordSignInDomains: ['Login.MicrosoftOnline.com.', 'example-clinic.okta.com'] },
      { passwordSignInDomains: ['login.microsoftonline.com', 'example-clinic.okta.com'] },
    ],
  ])('%s', (_name, raw, expected) => {
    const { policy, problems } = parsePolicy(raw);
    expect(problems).toEqual([]);
    expect(policy).toMatchObject(expected);
  });
});

describe('parsePolicy: a bad value is dropped and reported, the rest still applies', () => {
  it.each<[string, Record<string, unknown>, string, RegExp, Partial<ManagedPolicy>]>([
    ['empty clinicName', { clinicName: '' }, 'clinicName', /must not be empty; ignored/, {}],
    ['clinicName number', { clinicName: 7 }, 'clinicName', /expected string/, {}],
    ['supportContact not a contact', { supportContact: 'ask Bob' }, 'supportContact', /email address, a phone number or an https URL/, {}],
    ['supportContact http URL', { supportContact: 'http://help.example.org' }, 'supportContact', /https URL/, {}],
    ['allowlist not a list', { allowlist: { domain: 'x.org' } }, 'allowlist', /must be a list of entries/, { allowlist: [] }],
    ['allowlistMode typo', { allowlistMode: 'replaced' }, 'allowlistMode', /using "add"/, { allowlistMode: 'add' }],
    ['lockUserAllowlist string', { lockUserAllowlist: 'yes' }, 'lockUserAllowlist', /using false/, { lockUserAllowlist: false }],
    [
      'remoteAllowlistUrl http',
      { remoteAllowlistUrl: 'http://it.example.org/list.json', remoteAllowlistKeys: [KEY_A] },
      'remoteAllowlistUrl',
      /https URL; no remote list is fetched/,
      { remoteAllowlistKeys: [KEY_A] },
    ],
    [
      'remoteAllowlistUrl with credentials',
      { remoteAllowlistUrl: 'https://u:p@it.example.org/list.json', remoteAllowlistKeys: [KEY_A] },
      'remoteAllowlistUrl',
      /user name or password/,
      {},
    ],
    ['remoteAllowlistKeys not a list', { remoteAllowlistKeys: KEY_A }, 'remoteAllowlistKeys', /must be a list/, { remoteAllowlistKeys: [] }],
    ['refreshHours zero', { refreshHours: 0 }, 'refreshHours', /at least 1; using 24/, { refreshHours: 24 }],
    ['refreshHours too large', { refreshHours: 169 }, 'refreshHours', /at most 168/, { refreshHours: 24 }],
    ['refreshHours string', { refreshHours: '12' }, 'refreshHours', /expected number/, { refreshHours: 24 }],
    ['actions not an object', { actions: 'block' }, 'actions', /must be an object/, { actions: defaultPolicy().actions }],
    [
      'one bad action',
      { actions: { trackers: 'silence', passwordOnLookalike: 'block' } },
      'actions.trackers',
      /using "warn"/,
      { actions: { passwordOnLookalike: 'block', unknownVideoPlatform: 'warn', trackers: 'warn' } },
    ],
    ['unknown action', { actions: { popups: 'off' } }, 'actions.popups', /unknown action/, {}],
    ['passwordProtection typo', { passwordProtection: 'disabled' }, 'passwordProtection', /using "on"/, { passwordProtection: 'on' }],
    ['passwordSignInDomains not a list', { passwordSignInDomains: 'okta.com' }, 'passwordSignInDomains', /must be a list of domains/, { passwordSignInDomains: [] }],
    [
      'passwordSignInDomains public suffix',
      { passwordSignInDomains: ['example-clinic.okta.com', 'github.io'] },
      'passwordSignInDomains[1]',
      /github.io is a public suffix/,
      { passwordSignInDomains: ['example-clinic.okta.com'] },
    ],
    [
      'passwordSignInDomains repeat',
      { passwordSignInDomains: ['example-clinic.okta.com', 'EXAMPLE-CLINIC.okta.com'] },
      'passwordSignInDomains[1]',
      /listed twice/,
      { passwordSignInDomains: ['example-clinic.okta.com'] },
    ],
    ['passwordSignInDomains not a domain', { passwordSignInDomains: ['https://login.example.org/'] }, 'passwordSignInDomains[0]', /registrable hostname.*domain ignored/, { passwordSignInDomains: [] }],
    ['unknown setting', { allowList: [clinic] }, 'allowList', /unknown setting; the known ones are clinicName/, { allowlist: [] }],
  ])('%s', (_name, raw, path, message, expected) => {
    const { policy, problems } = parsePolicy({ ...raw, clinicName: raw.clinicName ?? 'Still Applied' });
    expect(problems).toMatchObject([{ path, message: expect.stringMatching(message) as unknown }]);
    expect(policy).toMatchObject(expected);
    if (raw.clinicName === undefined) expect(policy.clinicName).toBe('Still Applied');
  });

  it('keeps the good entries of an allowlist and reports each bad one by its path', () => {
    const { policy, problems } = parsePolicy({
      allowlist: [clinic, { domain: 'not a domain', name: 'X' }, { domain: 'ok.example.org' }, { ...clinic, name: 'Again' }],
    });
    expect(policy.allowlist.map((entry) => entry.domain)).toEqual(['telehealth.example-clinic.org']);
    expect(problems).toMatchObject([
      { path: 'allowlist[1].domain', message: expect.stringContaining('registrable hostname') as unknown },
      { path: 'allowlist[2].name', message: expect.stringContaining('entry ignored') as unknown },
      { path: 'allowlist[3].domain', message: expect.stringContaining('already listed at allowlist[0]') as unknown },
    ]);
  });

  it('drops an allowlist entry naming a public suffix, by its path, and keeps the rest', () => {
    const { policy, problems } = parsePolicy({
      allowlist: [
        { domain: 'visit.example-clinic.org', name: 'Example Clinic' },
        { domain: 'github.io', name: 'Our pages' },
        { domain: 'portal.example-clinic.org', name: 'Portal', aliases: ['clinic.example.net', 'herokuapp.com'] },
        { domain: 'co.uk', name: 'UK' },
      ],
    });
    expect(policy.allowlist.map((entry) => entry.domain)).toEqual(['visit.example-clinic.org']);
    expect(problems).toMatchObject([
      { path: 'allowlist[1].domain', message: 'github.io is a public suffix: listing it would verify every site under it; entry ignored' },
      { path: 'allowlist[2].aliases[1]', message: 'herokuapp.com is a public suffix: listing it would verify every site under it; entry ignored' },
      { path: 'allowlist[3].domain', message: 'co.uk is a public suffix: listing it would verify every site under it; entry ignored' },
    ]);
  });

  it.each(['nope', '[]', 'https://', 'https://a b'])('reports a remoteAllowlistUrl of %j that is no URL at all, without throwing', (url) => {
    expect(parsePolicy({ remoteAllowlistUrl: url }).problems).toMatchObject([
      { path: 'remoteAllowlistUrl', message: 'must be an https URL; no remote list is fetched' },
    ]);
  });

  it('names any kind of wrong value without throwing, a BigInt included', () => {
    expect(parsePolicy({ allowlist: 10n }).problems).toMatchObject([{ path: 'allowlist', message: 'must be a list of entries, not a bigint; ignored' }]);
    expect(parsePolicy(Symbol('x')).problems).toMatchObject([{ path: '(root)', message: 'the policy must be an object of settings, not a symbol; using the defaults' }]);
  });

  it('keeps the good keys and reports each bad or repeated one', () => {
    const { policy, problems } = parsePolicy({
      remoteAllowlistUrl: 'https://it.example.org/list.json',
      remoteAllowlistKeys: [KEY_A, 'c2hvcnQ=', 17, KEY_A, KEY_B],
    });
    expect(policy.remoteAllowlistKeys).toEqual([KEY_A, KEY_B]);
    expect(problems.map((p) => p.path)).toEqual(['remoteAllowlistKeys[1]', 'remoteAllowlistKeys[2]', 'remoteAllowlistKeys[3]']);
  });

  it('drops a remote URL that has no key to check its list with', () => {
    const { policy, problems } = parsePolicy({ remoteAllowlistUrl: 'https://it.example.org/list.json', remoteAllowlistKeys: ['bad'] });
    expect(policy.remoteAllowlistUrl).toBeUndefined();
    expect(problems.map((p) => p.path)).toEqual(['remoteAllowlistKeys[0]', 'remoteAllowlistUrl']);
  });

  it('falls back to "add" when "replace" has nothing to replace the catalog with', () => {
    const { policy, problems } = parsePolicy({ allowlistMode: 'replace', allowlist: [{ domain: 'bad domain', name: 'X' }] });
    expect(policy.allowlistMode).toBe('add');
    expect(problems.at(-1)).toMatchObject({ path: 'allowlistMode', message: expect.stringContaining('using "add"') as unknown });
  });

  it('keeps "replace" with a remote list only', () => {
    const { policy, problems } = parsePolicy({
      allowlistMode: 'replace',
      remoteAllowlistUrl: 'https://it.example.org/list.json',
      remoteAllowlistKeys: [KEY_A],
    });
    expect(problems).toEqual([]);
    expect(policy.allowlistMode).toBe('replace');
  });

  it('reports every problem of a policy that is wrong everywhere, and still has a whole policy', () => {
    const { policy, problems } = parsePolicy({
      clinicName: 1,
      supportContact: false,
      allowlist: 'doxy.me',
      allowlistMode: 2,
      lockUserAllowlist: 'true',
      remoteAllowlistUrl: 'ftp://x',
      remoteAllowlistKeys: null,
      refreshHours: -1,
      actions: [],
      extra: true,
    });
    expect(problems.map((p) => p.path)).toEqual([
      'clinicName',
      'supportContact',
      'allowlist',
      'allowlistMode',
      'lockUserAllowlist',
      'remoteAllowlistUrl',
      'remoteAllowlistKeys',
      'refreshHours',
      'actions',
      'extra',
    ]);
    expect(policy).toEqual(defaultPolicy());
  });
});

describe('supportContactLink', () => {
  it.each([
    ['it@example-clinic.org', 'email', 'mailto:it@example-clinic.org'],
    ['+44 20 7946 0958', 'phone', 'tel:+442079460958'],
    ['555-0100', 'phone', 'tel:5550100'],
    ['https://help.example.org/thg', 'url', 'https://help.example.org/thg'],
  ])('%s is a %s link', (contact, kind, href) => {
    expect(supportContactLink(contact)).toEqual({ kind, text: contact, href });
  });

  it.each(['', 'Bob', '12', 'javascript:alert(1)', 'http://help.example.org', 'it@localhost'])('%j is no contact', (contact) => {
    expect(supportContactLink(contact)).toBeUndefined();
  });
});

describe('allowlistLayers: precedence', () => {
  const catalog = loadBuiltInCatalog();
  const list = (domain: string) => allowlistFileSchema.parse({ version: 1, entries: [{ domain, name: domain }] });
  const remote = list('remote.example.org');
  const user = list('user.example.org');
  const withPolicy = (raw: Record<string, unknown>) => parsePolicy(raw).policy;

  it.each<[string, Record<string, unknown>, { remote?: boolean; user?: boolean }, string[]]>([
    ['no policy', {}, { remote: false, user: true }, ['catalog', 'user']],
    ['add', { allowlist: [clinic] }, { remote: true, user: true }, ['catalog', 'policy', 'remote', 'user']],
    ['replace with a policy list', { allowlistMode: 'replace', allowlist: [clinic] }, { remote: true, user: true }, ['policy', 'remote', 'user']],
    [
      'replace with a remote list only',
      { allowlistMode: 'replace', remoteAllowlistUrl: 'https://it.example.org/l.json', remoteAllowlistKeys: [KEY_A] },
      { remote: true },
      ['remote'],
    ],
    [
      'replace before the remote list has arrived keeps the catalog',
      { allowlistMode: 'replace', remoteAllowlistUrl: 'https://it.example.org/l.json', remoteAllowlistKeys: [KEY_A] },
      { remote: false },
      ['catalog'],
    ],
    ['locked user list', { lockUserAllowlist: true, allowlist: [clinic] }, { user: true }, ['catalog', 'policy']],
  ])('%s', (_name, raw, have, sources) => {
    const layers = allowlistLayers(withPolicy(raw), {
      catalog,
      remote: have.remote === true ? remote : undefined,
      user: have.user === true ? user : undefined,
    });
    expect(layers.map((layer) => layer.source)).toEqual(sources);
  });
});
