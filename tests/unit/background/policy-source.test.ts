import { afterEach, describe, expect, it, vi } from 'vitest';
import { fake } from './fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fake.browser }));
const { readManagedPolicy } = await import('../../../src/background/policy-source');

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  fake.reset();
});

describe('reading the admin policy from storage.managed', () => {
  it('answers with the policy as soon as the browser does', async () => {
    fake.managed.policy = { clinicName: 'Example Clinic' };
    expect(await readManagedPolicy()).toEqual({ clinicName: 'Example Clinic' });
  });

  it('keeps asking a browser that leaves its calls unanswered, well past 20 s, and says once that it waits', async () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fake.managed.held = true;
    let answer: Record<string, unknown> | undefined;
    void readManagedPolicy().then((value) => {
      answer = value;
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(answer).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/has not answered in 20 s; the cached policy stays in use, and the extension keeps asking/);

    // The browser has loaded the policy: a call made now is answered, without onChanged.
    fake.managed.policy = { clinicName: 'Example Clinic' };
    fake.managed.held = false;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(answer).toEqual({ clinicName: 'Example Clinic' });
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
