import { describe, expect, it, vi } from 'vitest';
import { createReporter } from '../../../src/content/reporter';

describe('createReporter', () => {
  it('sends the same signals again when the background refused them', async () => {
    const send = vi.fn<(signals: string) => Promise<string | undefined>>().mockResolvedValueOnce(undefined).mockResolvedValue('answer');
    const show = vi.fn();
    const reporter = createReporter(() => 'same signals', send, show);
    await reporter.report();
    await reporter.report();
    expect(send).toHaveBeenCalledTimes(2);
    expect(show).toHaveBeenCalledOnce();
  });

  it('sends the same signals again after a failed delivery', async () => {
    const send = vi.fn<(signals: string) => Promise<string | undefined>>().mockRejectedValueOnce(new Error('no receiving end')).mockResolvedValue('answer');
    const reporter = createReporter(() => 'same signals', send, vi.fn());
    await expect(reporter.report()).rejects.toThrow('no receiving end');
    await reporter.report();
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('skips signals already delivered, until the background asks again', async () => {
    const send = vi.fn(() => Promise.resolve('answer'));
    const reporter = createReporter(() => 'same signals', send, vi.fn());
    await reporter.report();
    await reporter.report();
    expect(send).toHaveBeenCalledOnce();
    reporter.forget();
    await reporter.report();
    expect(send).toHaveBeenCalledTimes(2);
  });

  it("drops an answer that comes back after a newer report's", async () => {
    let signals = 'first';
    const answers: ((answer: string) => void)[] = [];
    const send = (): Promise<string | undefined> => new Promise((resolve) => answers.push(resolve));
    const show = vi.fn();
    const reporter = createReporter(() => signals, send, show);
    const first = reporter.report();
    signals = 'second';
    const second = reporter.report();
    answers[1]!('for the second');
    await second;
    answers[0]!('for the first');
    await first;
    expect(show.mock.calls).toEqual([['for the second']]);
  });
});
