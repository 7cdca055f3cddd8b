import { describe, expect, it } from 'vitest';
import { oneAtATime, oneAtATimePerKey } from '../../../src/background/one-at-a-time';

/** A piece of work that logs its start and end and finishes when the test says. */
function step(log: string[], name: string) {
  let finish: () => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const done = new Promise<string>((resolve, reject) => {
    finish = () => {
      resolve(name);
    };
    fail = reject;
  });
  const work = async (): Promise<string> => {
    log.push(`${name} starts`);
    try {
      return await done;
    } finally {
      log.push(`${name} ends`);
    }
  };
  return { work, finish, fail };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('oneAtATime', () => {
  it('starts each piece of work once the one before has ended, in the order asked', async () => {
    const queued = oneAtATime();
    const log: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((name) => step(log, name));
    const results = [queued(a!.work), queued(b!.work), queued(c!.work)];
    await settle();
    expect(log).toEqual(['a starts']);
    c!.finish();
    b!.finish();
    a!.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a starts', 'a ends', 'b starts', 'b ends', 'c starts', 'c ends']);
  });

  it('gives a failure to its own caller only, and goes on with the next piece', async () => {
    const queued = oneAtATime();
    const failing = queued(() => Promise.reject(new Error('storage is full')));
    const thrown = queued(() => {
      throw new Error('bad change');
    });
    const next = queued(() => Promise.resolve('written'));
    await expect(failing).rejects.toThrow('storage is full');
    await expect(thrown).rejects.toThrow('bad change');
    expect(await next).toBe('written');
  });

  it('keeps separate queues apart', async () => {
    const first = oneAtATime();
    const second = oneAtATime();
    const log: string[] = [];
    const slow = step(log, 'slow');
    const waiting = first(slow.work);
    expect(await second(() => Promise.resolve('not held up'))).toBe('not held up');
    slow.finish();
    await waiting;
  });
});

describe('oneAtATimePerKey', () => {
  it("runs one key's work one at a time and different keys' side by side", async () => {
    const queued = oneAtATimePerKey<number>();
    const log: string[] = [];
    const [a1, a2, b1] = ['tab 1 first', 'tab 1 second', 'tab 2'].map((name) => step(log, name));
    const results = [queued(1, a1!.work), queued(1, a2!.work), queued(2, b1!.work)];
    await settle();
    expect(log).toEqual(['tab 1 first starts', 'tab 2 starts']);
    b1!.finish();
    a1!.fail(new Error('tab closed'));
    await settle();
    a2!.finish();
    const settled = await Promise.allSettled(results);
    expect(settled.map((result) => result.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(log.indexOf('tab 1 second starts')).toBeGreaterThan(log.indexOf('tab 1 first ends'));
  });

  it("goes on with a key's work after a failure and after its queue has run empty", async () => {
    const queued = oneAtATimePerKey<string>();
    expect(await queued('tab', () => Promise.resolve(1))).toBe(1);
    expect(await queued('tab', () => Promise.reject(new Error('gone'))).catch((error: unknown) => (error as Error).message)).toBe('gone');
    expect(await queued('tab', () => Promise.resolve(3))).toBe(3);
  });
});
