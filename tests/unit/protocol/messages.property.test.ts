import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { readingSchema } from '../../../src/background/page-conversation';
import { SIGNAL_LIMITS } from '../../../src/core/signals/signal-limits';
import { mediaRequestText, activityText, parseDecision, parseHookMessage } from '../../../src/main-world/call-events';
import { contentMessageSchema, extensionPageMessageSchema } from '../../../src/protocol/messages';
import { createRouter, type Sender } from '../../../src/protocol/router';
import { adminHandlerStubs } from './admin-handler-stubs';
import { linkCheckHandlerStubs } from './link-check-handler-stubs';

/**
 * Every schema a message or a reading crosses, fed anything: no input makes a parser throw
 * past its boundary (each answers "accepted" or "refused"), what is well formed is accepted,
 * and the router answers every sender with a reply or, for a foreign one, nothing.
 */

const RUNS = 300;

/** Values as odd as JavaScript has: a page (or a bug) can hand over anything. */
const anyValue = fc.anything({ withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, withTypedArray: true });

const url = fc.oneof(fc.webUrl(), fc.constantFrom('about:blank', 'blob:https://d0xy.me/1', 'data:text/html,x', 'javascript:void 0', ''));
const signals = fc.record({
  isSecureContext: fc.boolean(),
  passwordFields: fc.nat(50),
  forms: fc.array(fc.record({ action: url, method: fc.constantFrom('get', 'post'), hasPassword: fc.boolean() }), { maxLength: SIGNAL_LIMITS.forms }),
  videoElements: fc.nat(10),
  iframes: fc.array(fc.record({ src: url, allow: fc.constantFrom('', 'camera; microphone') }), { maxLength: 5 }),
});

/** Messages as the content script writes them: each must pass. */
const contentMessage = fc.oneof(
  fc.record({ type: fc.constant('page-signals'), signals, reading: fc.integer({ min: 1, max: 1e6 }) }),
  fc.record({ type: fc.constant('dismiss-lookalike-guard') }),
  fc.record({ type: fc.constant('call-activity'), activity: fc.constantFrom('camera-or-microphone', 'screen', 'peer-connection', 'frame-encryption') }),
  fc.record({ type: fc.constant('chat-typing') }),
  fc.record({ type: fc.constant('form-typing') }),
  fc.record({ type: fc.constant('warning-fought') }),
  fc.record({ type: fc.constant('frame-modal'), open: fc.boolean() }),
);

/** Anything shaped like a message, or nearly: known types with odd payloads, unknown types. */
const messageLike = fc.oneof(
  anyValue,
  contentMessage,
  fc.record({ type: fc.constantFrom('page-signals', 'call-activity', 'get-tab-state', 'get-popup-view', 'undo-dismissal', 'add-user-domain', 'check-link', 'nope'), signals: anyValue, reading: anyValue, tabId: anyValue, host: anyValue, domain: anyValue, activity: anyValue, text: anyValue }, { requiredKeys: ['type'] }),
);

const sender: fc.Arbitrary<Sender> = fc.record(
  {
    id: fc.constantFrom('test-extension', 'another-extension', undefined),
    url: fc.oneof(url, fc.constant('chrome-extension://test-extension/src/popup/index.html')),
    frameId: fc.oneof(fc.nat(20), fc.constant(undefined)),
    documentId: fc.oneof(fc.stringMatching(/^[0-9A-F]{32}$/), fc.constant(undefined)),
    tab: fc.oneof(fc.record({ id: fc.oneof(fc.nat(1000), fc.constant(undefined)), url: fc.oneof(url, fc.constant(undefined)) }, { requiredKeys: [] }), fc.constant(undefined)),
  },
  { requiredKeys: [] },
);

describe('message schemas, fed anything', () => {
  it('the content scripts’ and the extension pages’ schemas accept or refuse, and never throw', () => {
    fc.assert(
      fc.property(messageLike, (message) => {
        expect(() => contentMessageSchema.safeParse(message)).not.toThrow();
        expect(() => extensionPageMessageSchema.safeParse(message)).not.toThrow();
      }),
      { numRuns: RUNS },
    );
  });

  it('accept every message the content script can write, as written', () => {
    fc.assert(
      fc.property(contentMessage, (message) => {
        const parsed = contentMessageSchema.safeParse(message);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual(message);
      }),
      { numRuns: RUNS },
    );
  });

  it('a reading from inside a page is accepted only in its own shape, and no value makes the check throw', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.record({ signals, reading: fc.nat(), showing: fc.boolean() })), (value) => {
        const parsed = readingSchema.safeParse(value);
        if (parsed.success && parsed.data !== null) {
          expect(Object.keys(parsed.data).sort()).toEqual(['reading', 'showing', 'signals']);
          expect(parsed.data.signals.passwordFields).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the router, fed any message from any sender', () => {
  const answer = vi.fn(() => Promise.resolve(null));
  const route = createRouter({
    extensionId: 'test-extension',
    extensionOrigin: 'chrome-extension://test-extension/',
    content: { 'page-signals': answer, 'dismiss-lookalike-guard': answer, 'call-activity': answer, 'chat-typing': answer, 'form-typing': answer, 'warning-fought': answer, 'frame-modal': answer } as never,
    pages: { 'get-tab-state': answer, 'get-popup-view': answer, 'undo-dismissal': answer, ...adminHandlerStubs, ...linkCheckHandlerStubs } as never,
  });

  it('drops what a foreign sender says unheard, and answers everyone else with a reply, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(messageLike, sender, async (message, from) => {
        const reply = route(message, from);
        if (from.id !== 'test-extension') {
          expect(reply).toBeUndefined();
          return;
        }
        const settled = await reply;
        expect(settled).toHaveProperty('ok');
        if (settled?.ok === false) expect(typeof settled.error).toBe('string');
      }),
      { numRuns: RUNS },
    );
  });
});

describe('what the page-world hook and the content script say to each other', () => {
  it('parsers accept or refuse anything, and never throw', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.json(), fc.string()), (detail) => {
        expect(() => parseHookMessage(detail)).not.toThrow();
        expect(() => parseDecision(detail)).not.toThrow();
      }),
      { numRuns: RUNS },
    );
  });

  it('read back every message the hook writes, as it meant it', () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom('camera-or-microphone', 'screen'), fc.constantFrom('peer-connection', 'frame-encryption'), (id, media, activity) => {
        expect(parseHookMessage(mediaRequestText(id, media))).toEqual({ type: 'media-request', id, activity: media });
        expect(parseHookMessage(activityText(activity))).toEqual({ type: 'activity', activity });
        expect(parseDecision(JSON.stringify({ id, decision: 'allow' }))).toEqual({ id, decision: 'allow' });
      }),
      { numRuns: RUNS },
    );
  });
});
