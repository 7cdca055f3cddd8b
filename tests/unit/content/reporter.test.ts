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

  it('skips signals already delivered, by its own report or by a reading the background answered', async () => {
    const send = vi.fn(() => Promise.resolve('answer'));
    const show = vi.fn();
    const reporter = createReporter(() => 'same signals', send, show);
    await reporter.report();
    await reporter.report();
    expect(send).toHaveBeenCalledOnce();

    const other = createReporter(() => 'same signals', send, show);
    const { signals, reading } = other.read();
    expect(signals).toBe('same signals');
    other.answer(reading, 'pulled answer');
    await other.report();
    expect(send).toHaveBeenCalledOnce();
    expect(show.mock.calls).toEqual([['answer'], ['pulled answer']]);
  });

  it('reads whenever the background asks, even what it already took, and sends what changed after an unanswered reading', async () => {
    let signals = 'first';
    const send = vi.fn(() => Promise.resolve('answer'));
    const show = vi.fn();
    const reporter = createReporter(() => signals, send, show);
    const first = reporter.read();
    reporter.answer(first.reading, 'for the first');
    expect(reporter.read().signals).toBe('first');
    signals = 'second';
    await reporter.report();
    expect(send).toHaveBeenCalledOnce();
    expect(show.mock.calls).toEqual([['for the first'], ['answer']]);
  });

  it('counts what the background read as delivered, answered or not: an unchanged page is not sent again', async () => {
    let signals = 'read';
    const send = vi.fn(() => Promise.resolve('answer'));
    const reporter = createReporter(() => signals, send, vi.fn());
    reporter.read();
    await reporter.report();
    expect(send).not.toHaveBeenCalled();
    signals = 'changed';
    await reporter.report();
    expect(send).toHaveBeenCalledOnce();
  });

  it("drops the answer to a reading when a newer report went out since", async () => {
    let signals = 'first';
    const show = vi.fn();
    const reporter = createReporter(() => signals, () => Promise.resolve('for the report'), show);
    const { reading } = reporter.read();
    signals = 'second';
    await reporter.report();
    reporter.answer(reading, 'for the reading');
    expect(show.mock.calls).toEqual([['for the report']]);
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
