import { afterEach, describe, expect, it, vi } from 'vitest';
import { fake } from './fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fake.browser }));
const { onManagedPolicyChanged, startListInputs } = await import('../../../src/background/list-inputs');
const { getPolicy } = await import('../../../src/background/allowlist-state');

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the policy at a worker start, from a browser that does not answer', () => {
  it('goes on with the cached policy after 20 s, and applies the fresh one whenever the browser answers', async () => {
    vi.useFakeTimers();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fake.local.set('managedPolicyCache', { clinicName: 'Cached Clinic' });
    fake.managed.held = true;
    let ready = false;
    void startListInputs().then(() => {
      ready = true;
    });

    await vi.advanceTimersByTimeAsync(19_000);
    expect(ready).toBe(false);
    await vi.advanceTimersByTimeAsync(1_500);
    // What waits for the start (alarms, the start-up list check) goes on, with the cached policy.
    expect(ready).toBe(true);
    expect(getPolicy().policy.clinicName).toBe('Cached Clinic');

    await vi.advanceTimersByTimeAsync(60_000);
    fake.managed.policy = { clinicName: 'Example Clinic' };
    fake.managed.held = false;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(getPolicy().policy.clinicName).toBe('Example Clinic');
    expect(fake.local.get('managedPolicyCache')).toEqual({ clinicName: 'Example Clinic' });
  });

  it('a read after a change applies at once; the older unanswered read stops asking, and its late answer is dropped', async () => {
    vi.useFakeTimers();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // The browser leaves the first call unanswered, and only that one (as seen in Chromium).
    let late: (policy: Record<string, unknown>) => void = () => undefined;
    const get = vi
      .spyOn(fake.browser.storage.managed, 'get')
      .mockImplementationOnce(() => new Promise((resolve) => (late = resolve)))
      .mockImplementation(() => new Promise(() => undefined));
    const first = onManagedPolicyChanged();
    await vi.advanceTimersByTimeAsync(1_000);
    get.mockImplementation(() => Promise.resolve({ clinicName: 'Changed Clinic' }));
    await onManagedPolicyChanged();
    expect(getPolicy().policy.clinicName).toBe('Changed Clinic');

    const asked = get.mock.calls.length;
    late({ clinicName: 'Old Clinic' });
    await vi.advanceTimersByTimeAsync(60_000);
    await first;
    expect(getPolicy().policy.clinicName).toBe('Changed Clinic');
    expect(get.mock.calls.length).toBe(asked);
  });
});
