import { describe, expect, it } from 'vitest';
import { pageSender } from '../../../src/protocol/send';

describe("the extension pages' typed send", () => {
  it('passes the message on and gives back the reply', async () => {
    const sent: unknown[] = [];
    const send = pageSender((message) => {
      sent.push(message);
      return Promise.resolve({ ok: true, value: null });
    });
    expect(await send({ type: 'get-tab-state', tabId: 4 })).toEqual({ ok: true, value: null });
    expect(sent).toEqual([{ type: 'get-tab-state', tabId: 4 }]);
  });

  it("gives back the background's refusal as it is", async () => {
    const send = pageSender(() => Promise.resolve({ ok: false, error: 'rejected message: tabId: Invalid input' }));
    expect(await send({ type: 'get-tab-state', tabId: -1 })).toEqual({ ok: false, error: 'rejected message: tabId: Invalid input' });
  });

  it.each([
    ['no answer', () => Promise.resolve(undefined), 'the background did not answer'],
    ['a failed send', () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')), 'Could not establish connection. Receiving end does not exist.'],
    ['an answer that is no reply', () => Promise.resolve({ value: 1 }), 'the background sent an answer that is no reply'],
    ['a refusal without its reason', () => Promise.resolve({ ok: false }), 'the background sent an answer that is no reply'],
  ])('turns %s into a refusal, never a rejection', async (_case, post, error) => {
    expect(await pageSender(post)({ type: 'get-admin-status' })).toEqual({ ok: false, error });
  });
});
