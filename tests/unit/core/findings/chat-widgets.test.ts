import { describe, expect, it } from 'vitest';
import { chatProviderOf, loadChatProviders } from '../../../../src/core/findings/chat-widgets';

const providers = loadChatProviders();

describe('built-in chat widget list', () => {
  it('validates, with a source for every provider', () => {
    expect(providers.length).toBeGreaterThanOrEqual(8);
    for (const provider of providers) expect(provider.source, provider.name).toMatch(/^https:\/\//);
  });

  it('gives every host to one provider only', () => {
    for (const kind of ['scriptHosts', 'frameHosts'] as const) {
      const hosts = providers.flatMap((provider) => provider[kind]);
      expect(new Set(hosts).size, kind).toBe(hosts.length);
    }
  });
});

describe('chatProviderOf', () => {
  it.each([
    ['widget.intercom.io', 'script', 'Intercom'],
    ['intercom-sheets.com', 'frame', 'Intercom'],
    ['embed.tawk.to', 'script', 'Tawk.to'],
    ['client.crisp.chat', 'script', 'Crisp'],
    ['abc.lpsnmedia.net', 'script', 'LivePerson'],
  ] as const)('%s (%s) is %s', (host, kind, name) => {
    expect(chatProviderOf(providers, host, kind)?.name).toBe(name);
  });

  it.each([
    ['evilwidget.intercom.io.example.net', 'script'],
    ['intercom.io', 'script'],
    ['lpsnmedia.net.example.org', 'script'],
    ['widget.intercom.io', 'frame'],
  ] as const)('%s (%s) is none', (host, kind) => {
    expect(chatProviderOf(providers, host, kind)).toBeUndefined();
  });

  it('rejects a list with a malformed host, naming where', () => {
    expect(() => loadChatProviders({ version: 1, providers: [{ id: 'x', name: 'X', scriptHosts: ['Not A Host'], frameHosts: [], source: 'https://x.example', hipaaBaa: { value: 'unknown' } }] })).toThrow(
      /providers\[0\]\.scriptHosts\[0\]/,
    );
  });
});
