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

    // The browser has loaded the policy: the next call is answered, without onChanged.
    fake.managed.policy = { clinicName: 'Example Clinic' };
    fake.managed.held = false;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(answer).toEqual({ clinicName: 'Example Clinic' });
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('asks less and less often after 20 s, at most once a minute, so an idle worker may sleep', async () => {
    vi.useFakeTimers();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const get = vi.spyOn(fake.browser.storage.managed, 'get');
    fake.managed.held = true;
    void readManagedPolicy();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(get).toHaveBeenCalledTimes(9); // at 0, 2.5 … 20 s
    await vi.advanceTimersByTimeAsync(5_000 + 10_000 + 20_000 + 40_000);
    expect(get).toHaveBeenCalledTimes(13);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(get).toHaveBeenCalledTimes(23);
  });

  it('stops asking once the answer is no longer wanted', async () => {
    vi.useFakeTimers();
    const get = vi.spyOn(fake.browser.storage.managed, 'get');
    fake.managed.held = true;
    let wanted = true;
    const read = readManagedPolicy(() => wanted);
    await vi.advanceTimersByTimeAsync(5_000);
    wanted = false;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await read).toBeUndefined();
    expect(get).toHaveBeenCalledTimes(3);
  });
});
