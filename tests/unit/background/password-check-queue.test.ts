import { describe, expect, it } from 'vitest';
import { checkNewest, MAX_CHECKS_PER_DOCUMENT, MAX_HASHES_AT_ONCE } from '../../../src/background/password-check-queue';

/** A check that finishes when told, recording what it was given. */
function controlledCheck() {
  const seen: string[] = [];
  const finishers: (() => void)[] = [];
  const check = (password: string): Promise<boolean> => {
    seen.push(password);
    return new Promise((resolve) => finishers.push(() => { resolve(password === 'reused-one'); }));
  };
  const finishNext = async (): Promise<void> => {
    finishers.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { seen, check, finishNext };
}

describe('password checks, paced per field', () => {
  it('runs one check at a time per field, and of the values sent meanwhile only the newest', async () => {
    const { seen, check, finishNext } = controlledCheck();
    const first = checkNewest('doc-a', '1', 'reuse', check);
    const second = checkNewest('doc-a', '1', 'reused', check);
    const third = checkNewest('doc-a', '1', 'reused-one', check);
    expect(seen).toEqual(['reuse']);
    expect(await second).toBe(false);
    await finishNext();
    expect(await first).toBe(false);
    expect(seen).toEqual(['reuse', 'reused-one']);
    await finishNext();
    expect(await third).toBe(true);
  });

  it("answers each caller with its own check's finding, the newest one's run after the one before", async () => {
    const found: string[] = [];
    let finish: () => void = () => undefined;
    const slow = (password: string): Promise<boolean> => new Promise((resolve) => (finish = () => { found.push(`first saw ${password}`); resolve(false); }));
    const first = checkNewest('doc-e', '1', 'partial', slow);
    const newest = checkNewest('doc-e', '1', 'reused-one', (password) => {
      found.push(`newest saw ${password}`);
      return Promise.resolve(true);
    });
    finish();
    expect(await first).toBe(false);
    expect(await newest).toBe(true);
    expect(found).toEqual(['first saw partial', 'newest saw reused-one']);
  });

  it('checks two fields of a document side by side: a decoy field cannot push the real one out', async () => {
    const { seen, check, finishNext } = controlledCheck();
    const real = checkNewest('doc-b', '1', 'reused-one', check);
    const decoy = checkNewest('doc-b', '2', 'decoy', check);
    expect(seen).toEqual(['reused-one', 'decoy']);
    await finishNext();
    await finishNext();
    expect(await real).toBe(true);
    expect(await decoy).toBe(false);
  });

  it(`hashes at most ${MAX_HASHES_AT_ONCE} values at once in the whole worker, the others in turn`, async () => {
    let running = 0;
    let most = 0;
    const check = async (): Promise<boolean> => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      return false;
    };
    await Promise.all(Array.from({ length: 8 }, (_, i) => checkNewest(`doc-f${i}`, '1', 'value', check)));
    expect(most).toBe(MAX_HASHES_AT_ONCE);
  });

  it(`stops at ${MAX_CHECKS_PER_DOCUMENT} checks of one document, and counts each document on its own`, async () => {
    const check = (password: string): Promise<boolean> => Promise.resolve(password === 'reused-one');
    for (let i = 0; i < MAX_CHECKS_PER_DOCUMENT; i++) await checkNewest('doc-c', String(i), `guess-${i}`, check);
    expect(await checkNewest('doc-c', 'last', 'reused-one', check)).toBe(false);
    expect(await checkNewest('doc-d', '1', 'reused-one', check)).toBe(true);
  });
});
