import { describe, expect, it } from 'vitest';
import { buildAllowlist } from '../../../../src/core/lists/allowlist';
import { assessPage, type Verdict } from '../../../../src/core/findings/assess';
import { loadBuiltInCatalog } from '../../../../src/core/lists/catalog';
import { explainFinding } from '../../../../src/core/findings/explain';
import { englishMessages } from '../../../../src/core/i18n/english-messages';
import { frameFindings, withFrameFindings } from '../../../../src/core/findings/frame-findings';
import { guardTargetFor, guardUnderPolicy } from '../../../../src/core/findings/guard-target';
import type { PageSignals } from '../../../../src/core/signals/page-signals';
import { hideTrustedLookalikes, lookalikeHosts } from '../../../../src/core/findings/trusted-sites';

const allowlist = buildAllowlist([{ source: 'catalog', file: loadBuiltInCatalog() }]);
const quiet: PageSignals = { isSecureContext: true, passwordFields: 0, forms: [], videoElements: 0, iframes: [] };
const login: PageSignals = { ...quiet, passwordFields: 1 };
const judge = (url: string, signals?: PageSignals): Verdict => assessPage(allowlist, { url, signals });
const codes = (verdict: Verdict): string[] => verdict.findings.map((f) => f.code);

describe('guardTargetFor: which look-alike a frame is guarded against', () => {
  it('guards a top frame on a look-alike, naming the real site', () => {
    const top = judge('https://d0xy.me/login', login);
    expect(guardTargetFor(top, top)).toEqual({ site: 'd0xy.me', target: 'doxy.me', targetName: 'Doxy.me' });
  });

  it("guards a look-alike frame inside an ordinary page by the frame's own address", () => {
    expect(guardTargetFor(judge('https://d0xy.me/frame', login), judge('https://forum.example.org/'))).toMatchObject({ site: 'd0xy.me' });
  });

  it("guards any frame of a look-alike tab by the tab's address", () => {
    expect(guardTargetFor(judge('https://forum.example.org/embed', login), judge('https://d0xy.me/'))).toMatchObject({ site: 'd0xy.me', target: 'doxy.me' });
  });

  it.each([
    ['the real site', 'https://doxy.me/login', 'https://doxy.me/'],
    ['an ordinary site', 'https://forum.example.org/login', 'https://forum.example.org/'],
    ['a real site framed by an ordinary one', 'https://doxy.me/room', 'https://forum.example.org/'],
  ])('leaves %s unguarded', (_label, frameUrl, tabUrl) => {
    expect(guardTargetFor(judge(frameUrl, login), judge(tabUrl))).toBeUndefined();
  });

  it("ignores look-alike findings a frame added to the tab's verdict", () => {
    const tab = withFrameFindings(judge('https://forum.example.org/'), frameFindings(judge('https://d0xy.me/f', login), judge('https://forum.example.org/'), 1));
    expect(guardTargetFor(tab, tab)).toBeUndefined();
  });
});

describe('frameFindings and withFrameFindings: what frames add to their tab', () => {
  it('adds a look-alike frame in an ordinary page, tagged with its host, at danger with a password', () => {
    const tab = judge('https://forum.example.org/embedded', quiet);
    const added = frameFindings(judge('https://d0xy.me/login-frame', login), tab, 1);
    expect(added.map((f) => [f.code, 'frame' in f ? f.frame : undefined])).toEqual([
      ['LOOKALIKE_DOMAIN', 'd0xy.me'],
      ['PASSWORD_ON_LOOKALIKE', 'd0xy.me'],
    ]);
    const merged = withFrameFindings(tab, added);
    expect(merged.level).toBe('danger');
    expect(codes(merged)).toEqual(['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE']);
    expect(explainFinding(merged.findings[0]!, englishMessages).detail).toContain('loaded from d0xy.me');
  });

  it("adds only the password of a frame on the tab's own look-alike host", () => {
    const tab = judge('https://d0xy.me/framed', quiet);
    const added = frameFindings(judge('https://d0xy.me/login-frame', login), tab, 1);
    expect(codes({ ...tab, findings: added })).toEqual(['PASSWORD_ON_LOOKALIKE']);
    const merged = withFrameFindings(tab, added);
    expect(merged.level).toBe('danger');
    expect(codes(merged)).toEqual(['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE']);
  });

  it('counts a password field in any frame of a look-alike tab', () => {
    const added = frameFindings(judge('https://forum.example.org/embed', login), judge('https://d0xy.me/'), 1);
    expect(added).toEqual([{ code: 'PASSWORD_ON_LOOKALIKE', level: 'danger', target: 'doxy.me', targetName: 'Doxy.me', passwordFields: 1 }]);
  });

  it('adds nothing for ordinary frames, nor for a frame without a password in an ordinary tab', () => {
    expect(frameFindings(judge('https://ads.example.net/x', login), judge('https://forum.example.org/'), 1)).toEqual([]);
    expect(frameFindings(judge('https://forum.example.org/x', quiet), judge('https://d0xy.me/'), 0)).toEqual([]);
    expect(frameFindings(judge('http://insecure.example.net/', login), judge('https://doxy.me/'), 1)).toEqual([]);
  });

  it('never adds the same finding twice, and keeps the verdict when nothing is new', () => {
    const tab = judge('https://d0xy.me/login', login);
    expect(withFrameFindings(tab, frameFindings(judge('https://d0xy.me/f', login), tab, 1))).toBe(tab);
  });

  it('can turn a verified page into a warning, but never the other way', () => {
    const verified = judge('https://doxy.me/room');
    const merged = withFrameFindings(verified, frameFindings(judge('https://d0xy.me/f', quiet), verified, 0));
    expect(merged.level).toBe('caution');
    expect(codes(merged)).toEqual(['VERIFIED_PLATFORM', 'LOOKALIKE_DOMAIN']);
  });
});

describe('trusted sites', () => {
  const framed = withFrameFindings(judge('https://forum.example.org/', quiet), frameFindings(judge('https://d0xy.me/f', login), judge('https://forum.example.org/'), 1));

  it('lists the look-alike hosts a verdict warns about', () => {
    expect(lookalikeHosts(judge('https://d0xy.me/login', login))).toEqual(['d0xy.me']);
    expect(lookalikeHosts(framed)).toEqual(['d0xy.me']);
    expect(lookalikeHosts(judge('https://doxy.me/'))).toEqual([]);
  });

  it("hides a trusted site's look-alike findings and recomputes the level", () => {
    const shown = hideTrustedLookalikes(judge('https://d0xy.me/login', login), (host) => host === 'd0xy.me');
    expect(shown.findings).toEqual([]);
    expect(shown.level).toBe('neutral');
    expect(hideTrustedLookalikes(framed, (host) => host === 'd0xy.me').level).toBe('neutral');
  });

  it('keeps findings that trusting a site does not answer', () => {
    const verdict = judge('http://d0xy.me/login', { ...login, forms: [{ action: 'http://d0xy.me/s', method: 'post', hasPassword: true }] });
    const shown = hideTrustedLookalikes(verdict, () => true);
    expect(codes(shown)).toEqual(['INSECURE_CONNECTION', 'INSECURE_FORM']);
    expect(shown.level).toBe('danger');
  });

  it('leaves other sites alone', () => {
    const verdict = judge('https://d0xy.me/login', login);
    expect(hideTrustedLookalikes(verdict, (host) => host === 'dxoy.me')).toBe(verdict);
  });
});

describe("guardUnderPolicy: the clinic's passwordOnLookalike action", () => {
  const guard = { site: 'd0xy.me', target: 'doxy.me', targetName: 'Doxy.me' };
  const trusted = (host: string): boolean => host === 'd0xy.me';
  it.each([
    ['warn', 'does not trust', guard],
    ['warn', 'trusts', null],
    ['block', 'trusts', { ...guard, locked: true }],
    ['off', 'does not trust', null],
  ] as const)('%s, when the user %s the site → %j', (action, user, expected) => {
    expect(guardUnderPolicy(guard, action, user === 'trusts' ? trusted : () => false)).toEqual(expected);
  });
  it('guards nothing where there is no look-alike', () => {
    expect(guardUnderPolicy(undefined, 'block', () => false)).toBeNull();
  });
});

describe('a frame of a weak look-alike the user wrote into', () => {
  const tab = judge('https://xoom.com/');
  const lookalikeOf = (verdict: Verdict) => verdict.findings.find((f) => f.code === 'LOOKALIKE_DOMAIN');

  it.each([
    ['a frame on the same host (srcdoc, about:blank)', 'https://xoom.com/'],
    ['a frame of another site', 'https://widgets.example.net/form'],
  ])('%s makes the tab\'s look-alike finding a caution, as the top frame would', (_label, frameUrl) => {
    expect(lookalikeOf(tab)).toMatchObject({ confidence: 'low', level: 'neutral' });
    const merged = withFrameFindings(tab, frameFindings(judge(frameUrl, { ...quiet, typedInto: true }), tab, 0, true));
    expect(lookalikeOf(merged)).toMatchObject({ target: 'zoom.com', level: 'caution' });
    expect(merged.findings.filter((f) => f.code === 'LOOKALIKE_DOMAIN')).toHaveLength(1);
    expect(merged.level).toBe('caution');
  });

  it('adds nothing when nobody wrote into the frame', () => {
    expect(withFrameFindings(tab, frameFindings(judge('https://xoom.com/', quiet), tab, 0, false))).toBe(tab);
  });

  it('keeps the louder of two same findings, never lowers one', () => {
    const loud = withFrameFindings(tab, [{ ...lookalikeOf(tab)!, level: 'caution' }]);
    expect(withFrameFindings(loud, [{ ...lookalikeOf(tab)!, level: 'neutral' }])).toBe(loud);
  });
});
