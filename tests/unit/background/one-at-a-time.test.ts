import { describe, expect, it } from 'vitest';
import { latestPerKey, oneAtATime, oneAtATimePerKey } from '../../../src/background/one-at-a-time';

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

describe('latestPerKey', () => {
  /** A write per call that finishes when the test says; each call logs what it writes. */
  function writes() {
    const log: string[] = [];
    const pending: { finish: () => void; fail: (error: Error) => void }[] = [];
    const write = (key: number, value: string): Promise<void> =>
      new Promise<void>((resolve, reject) => {
        log.push(`${key}=${value}`);
        pending.push({ finish: resolve, fail: reject });
      });
    return { log, pending, write };
  }

  it("writes a key's values one at a time, and of those asked for meanwhile only the newest", async () => {
    const { log, pending, write } = writes();
    const latest = latestPerKey(write);
    const answered: string[] = [];
    const ask = (value: string) => latest(1, value).then(() => answered.push(value));
    const asked = [ask('caution'), ask('verified'), ask('danger')];
    await settle();
    expect(log).toEqual(['1=caution']);
    pending[0]!.finish();
    await settle();
    // 'verified' was replaced by 'danger' before its turn: never written.
    expect(log).toEqual(['1=caution', '1=danger']);
    expect(answered).toEqual(['caution']);
    pending[1]!.finish();
    await Promise.all(asked);
    // The replaced value's caller is answered once the value that replaced it is written.
    expect(answered).toEqual(['caution', 'verified', 'danger']);
  });

  it("never holds one key's value behind another key's write", async () => {
    const { log, write } = writes();
    const latest = latestPerKey(write);
    void latest(1, 'slow');
    void latest(2, 'at once');
    await settle();
    expect(log).toEqual(['1=slow', '2=at once']);
  });

  it('hands the first value to the browser in the same tick it is asked for', () => {
    const { log, write } = writes();
    void latestPerKey(write)(3, 'now');
    expect(log).toEqual(['3=now']);
  });

  it("gives a failure to the callers of the value that failed, and goes on with the key's next value", async () => {
    const { log, pending, write } = writes();
    const latest = latestPerKey(write);
    const failing = latest(1, 'full');
    const next = latest(1, 'later');
    pending[0]!.fail(new Error('QUOTA_BYTES quota exceeded'));
    await expect(failing).rejects.toThrow('QUOTA_BYTES');
    await settle();
    pending[1]!.finish();
    await expect(next).resolves.toBeUndefined();
    expect(log).toEqual(['1=full', '1=later']);
  });

  it('starts a key afresh once its writes are done, and survives a write that throws at once', async () => {
    const latest = latestPerKey<number, string>((_key, value) => {
      if (value === 'bad') throw new Error('bad value');
      return Promise.resolve();
    });
    await expect(latest(1, 'bad')).rejects.toThrow('bad value');
    await expect(latest(1, 'good')).resolves.toBeUndefined();
  });
});
