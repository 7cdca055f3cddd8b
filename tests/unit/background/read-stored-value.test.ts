import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { readStoredValue } from '../../../src/background/read-stored-value';

/** A storage area holding `items`, as `get(key)` answers: only the keys it has. */
function areaWith(items: Record<string, unknown>) {
  return { get: (key: string) => Promise.resolve(key in items ? { [key]: items[key] } : {}) } as Parameters<typeof readStoredValue>[0];
}

const schema = z.array(z.object({ domain: z.string() }));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('readStoredValue', () => {
  it('gives the stored value when it passes the schema', async () => {
    const area = areaWith({ list: [{ domain: 'doxy.me' }] });
    expect(await readStoredValue(area, 'list', schema, [])).toEqual([{ domain: 'doxy.me' }]);
  });

  it('gives the fallback, quietly, when nothing is stored', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await readStoredValue(areaWith({}), 'list', schema, 'none')).toBe('none');
    expect(error).not.toHaveBeenCalled();
  });

  it('gives the fallback and says which value was unreadable, and why, when it fails the schema', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const area = areaWith({ list: [{ domain: 42 }] });
    expect(await readStoredValue(area, 'list', schema, undefined, 'user allowlist')).toBeUndefined();
    expect(error).toHaveBeenCalledOnce();
    expect(error.mock.calls[0]![0]).toBe('Telehealth Guard: ignoring unreadable user allowlist:');
    expect(error.mock.calls[0]![1]).toMatch(/domain/);
  });

  it('names the key when not told what the value is', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await readStoredValue(areaWith({ remoteListStatus: 'garbled' }), 'remoteListStatus', schema, []);
    expect(error.mock.calls[0]![0]).toBe('Telehealth Guard: ignoring unreadable remoteListStatus:');
  });
});
