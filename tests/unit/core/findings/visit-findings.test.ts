import { describe, expect, it } from 'vitest';
import { buildAllowlist } from '../../../../src/core/lists/allowlist';
import { allowlistFileSchema } from '../../../../src/core/lists/allowlist-file';
import { loadBuiltInCatalog } from '../../../../src/core/lists/catalog';
import { loadChatProviders } from '../../../../src/core/findings/chat-widgets';
import { visitFindings, type VisitSignals } from '../../../../src/core/findings/visit-findings';

const catalog = loadBuiltInCatalog();
const allowlist = buildAllowlist([{ source: 'catalog', file: catalog }]);
const providers = loadChatProviders();
const quiet: VisitSignals = {
  scheme: 'https:',
  pageVerified: false,
  knownPlatform: false,
  lookalike: false,
  call: undefined,
  frames: [],
  scriptHosts: [],
  insecureResources: [],
};
const codes = (signals: Partial<VisitSignals>, list = allowlist) => visitFindings(list, providers, { ...quiet, ...signals }).map((f) => f.code);

describe('visitFindings', () => {
  it('says nothing on a quiet page', () => {
    expect(codes({})).toEqual([]);
  });

  it('names a call on a site no list knows', () => {
    const [finding] = visitFindings(allowlist, providers, { ...quiet, call: { activities: ['camera-or-microphone'], frameEncryption: true } });
    expect(finding).toMatchObject({ code: 'UNKNOWN_VIDEO_PLATFORM', activity: 'camera-or-microphone', frameEncryption: true, level: 'caution' });
  });

  it('does not call a known platform unknown', () => {
    expect(codes({ knownPlatform: true, call: { activities: ['peer-connection'], frameEncryption: false } })).toEqual([]);
  });

  it('lets a verified page embed a verified platform', () => {
    expect(codes({ pageVerified: true, knownPlatform: true, frames: [{ src: 'https://doxy.me/drsmith', allow: 'camera; microphone' }] })).toEqual([]);
  });

  it.each([
    ['an unverified page embedding a verified platform', { frames: [{ src: 'https://doxy.me/drsmith', allow: 'camera' }] }, 'https://doxy.me'],
    ['a verified page embedding an unknown camera frame', { pageVerified: true, knownPlatform: true, frames: [{ src: 'https://cam.example-vendor.net/x', allow: 'camera' }] }, 'https://cam.example-vendor.net'],
    ['a verified page embedding a general-purpose platform', { pageVerified: true, knownPlatform: true, frames: [{ src: 'https://zoom.us/wc/123/join', allow: '' }] }, 'https://zoom.us'],
  ])('flags %s, naming the origin', (_label, signals, origin) => {
    const findings = visitFindings(allowlist, providers, { ...quiet, ...signals });
    expect(findings).toEqual([expect.objectContaining({ code: 'UNVERIFIED_EMBED', kind: 'call', origin })]);
  });

  it('names a chat widget on a verified page, by its provider, once', () => {
    const findings = visitFindings(allowlist, providers, {
      ...quiet,
      pageVerified: true,
      knownPlatform: true,
      scriptHosts: ['widget.intercom.io', 'js.intercomcdn.com'],
      frames: [{ src: 'https://intercom-sheets.com/messenger', allow: '' }],
    });
    expect(findings).toEqual([expect.objectContaining({ code: 'UNVERIFIED_EMBED', kind: 'chat', provider: 'Intercom', origin: 'https://widget.intercom.io' })]);
  });

  it('says nothing of a chat widget on an ordinary site', () => {
    expect(codes({ scriptHosts: ['widget.intercom.io'] })).toEqual([]);
  });

  it('says nothing of a chat widget the clinic verified', () => {
    const clinic = buildAllowlist([
      { source: 'catalog', file: catalog },
      { source: 'policy', file: allowlistFileSchema.parse({ version: 1, entries: [{ domain: 'widget.intercom.io', name: 'Clinic chat (Intercom, BAA signed)' }] }) },
    ]);
    expect(codes({ pageVerified: true, knownPlatform: true, scriptHosts: ['widget.intercom.io'] }, clinic)).toEqual([]);
  });

  it('names http parts of an https page, a few of them', () => {
    const resources = Array.from({ length: 8 }, (_, i) => ({ kind: 'script', url: `http://cdn.example.net/${i}.js` }));
    const [finding] = visitFindings(allowlist, providers, { ...quiet, insecureResources: resources });
    expect(finding).toMatchObject({ code: 'MIXED_CONTENT', level: 'caution' });
    expect(finding?.code === 'MIXED_CONTENT' && finding.resources).toHaveLength(5);
  });
});
