import { beforeEach, describe, expect, it, vi } from 'vitest';

/** storage.local as a plain object: the store's only dependency. */
const local: Record<string, unknown> = {};
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      local: {
        get: (key: string) => Promise.resolve(local[key] === undefined ? {} : { [key]: structuredClone(local[key]) }),
        set: (items: Record<string, unknown>) => {
          Object.assign(local, structuredClone(items));
          return Promise.resolve();
        },
      },
    },
  },
}));

const { addDismissal, listDismissals, removeDismissal, trustedHosts } = await import('../../../src/background/dismissal-store');

beforeEach(() => {
  local.lookalikeDismissals = undefined;
});

describe('the trusted-site store', () => {
  it('remembers a site with its date and target, newest first, one entry per host', async () => {
    await addDismissal('d0xy.me', 'doxy.me', 1_000);
    await addDismissal('zo0m.us', 'zoom.us', 2_000);
    await addDismissal('d0xy.me', 'doxy.me', 3_000);
    expect(await listDismissals()).toEqual([
      { host: 'd0xy.me', target: 'doxy.me', at: 3_000 },
      { host: 'zo0m.us', target: 'zoom.us', at: 2_000 },
    ]);
    expect([...(await trustedHosts())].sort()).toEqual(['d0xy.me', 'zo0m.us']);
  });

  it('forgets a site on Undo, and says whether there was one', async () => {
    await addDismissal('d0xy.me', 'doxy.me', 1);
    expect(await removeDismissal('d0xy.me')).toBe(true);
    expect(await removeDismissal('d0xy.me')).toBe(false);
    expect(await listDismissals()).toEqual([]);
  });

  it('loses no change when two come at once', async () => {
    await Promise.all([addDismissal('a.example', 'doxy.me', 1), addDismissal('b.example', 'doxy.me', 2), addDismissal('c.example', 'doxy.me', 3)]);
    expect((await listDismissals()).map((d) => d.host)).toEqual(['c.example', 'b.example', 'a.example']);
  });

  it('guards again, and says why, when the stored list is unreadable', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    local.lookalikeDismissals = { 'd0xy.me': { host: 'd0xy.me', at: 'yesterday' } };
    expect(await trustedHosts()).toEqual(new Set());
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });
});
