import { describe, expect, it } from 'vitest';
import { buildAllowlist } from '../../../../src/core/lists/allowlist';
import { assessPage } from '../../../../src/core/findings/assess';
import { loadBuiltInCatalog } from '../../../../src/core/lists/catalog';
import { signalsToKeep } from '../../../../src/core/signals/kept-signals';
import { pageSignalsSchema, type PageSignals } from '../../../../src/core/signals/page-signals';
import { SIGNAL_LIMITS } from '../../../../src/core/signals/signal-limits';

const allowlist = buildAllowlist([{ source: 'catalog', file: loadBuiltInCatalog() }]);

/** A page that puts everything it may into its report. */
const crowded: PageSignals = {
  isSecureContext: false,
  passwordFields: 3,
  videoElements: 2,
  forms: [
    { action: 'http://d0xy.me/login', method: 'post', hasPassword: true },
    { action: 'https://collector.example/in', method: 'post', hasPassword: true },
    { action: 'http://d0xy.me/login', method: 'post', hasPassword: true },
    ...Array.from({ length: 40 }, (_, i) => ({ action: `https://d0xy.me/search?q=${i}`, method: 'get', hasPassword: false })),
  ],
  iframes: [
    { src: 'https://zoom.us/wc/join/1', allow: 'camera; microphone' },
    { src: 'https://zoom.us/wc/join/1', allow: 'camera; microphone' },
    { src: 'https://ads.example/frame', allow: '' },
  ],
};

describe('signalsToKeep', () => {
  it.each(['https://d0xy.me/login', 'http://d0xy.me/login', 'https://doxy.me/room', 'https://forum.example.org/'])(
    'gives the same verdict as the whole report on %s',
    (url) => {
      expect(assessPage(allowlist, { url, signals: signalsToKeep(crowded) })).toEqual(assessPage(allowlist, { url, signals: crowded }));
    },
  );

  it('keeps password forms and frames once each, and no other form', () => {
    const kept = signalsToKeep(crowded);
    expect(kept.forms.map((form) => form.action)).toEqual(['http://d0xy.me/login', 'https://collector.example/in']);
    expect(kept.iframes).toHaveLength(2);
  });
});

describe('the report schema', () => {
  const form = { action: 'https://x.example/', method: 'post', hasPassword: true };
  const frame = { src: 'https://x.example/', allow: '' };
  const base: PageSignals = { isSecureContext: true, passwordFields: 0, forms: [], videoElements: 0, iframes: [] };

  it('accepts a report at the limits', () => {
    const full = {
      ...base,
      forms: Array.from({ length: SIGNAL_LIMITS.forms }, () => ({ ...form, action: `https://x.example/${'a'.repeat(SIGNAL_LIMITS.url - 18)}` })),
      iframes: Array.from({ length: SIGNAL_LIMITS.frames }, () => ({ src: 'https://x.example/', allow: 'a'.repeat(SIGNAL_LIMITS.allow) })),
    };
    expect(pageSignalsSchema.safeParse(full).success).toBe(true);
    // What one page can make a tab store, at most: well under storage.session's 10 MB for all tabs.
    expect(JSON.stringify(signalsToKeep(full)).length).toBeLessThan(200_000);
  });

  it.each([
    ['too many forms', { ...base, forms: Array.from({ length: SIGNAL_LIMITS.forms + 1 }, () => form) }],
    ['too many frames', { ...base, iframes: Array.from({ length: SIGNAL_LIMITS.frames + 1 }, () => frame) }],
    ['a long action', { ...base, forms: [{ ...form, action: 'h'.repeat(SIGNAL_LIMITS.url + 1) }] }],
    ['a long frame address', { ...base, iframes: [{ ...frame, src: 'h'.repeat(SIGNAL_LIMITS.url + 1) }] }],
  ])('rejects %s', (_name, signals) => {
    expect(pageSignalsSchema.safeParse(signals).success).toBe(false);
  });
});
