import { afterEach, describe, expect, it, vi } from 'vitest';
import { createReporter, type ReporterOptions } from '../../../src/content/reporter';

type Send = ReporterOptions<string, string>['send'];

/** A reporter of string signals; signals that start with "password" call for an answer. */
function reporterOf(collect: () => string, send: Send, show = vi.fn<(answer: string) => void>()) {
  const onError = vi.fn();
  const reporter = createReporter<string, string>({ collect, send, show, expectsAnswer: (signals) => signals.startsWith('password'), answerWaitMs: 1_000, onError });
  return { reporter, show, onError };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createReporter', () => {
  it('sends the same signals again when the background refused them', async () => {
    const send = vi.fn<Send>().mockResolvedValueOnce(undefined).mockResolvedValue('answer');
    const { reporter, show } = reporterOf(() => 'same signals', send);
    await reporter.report();
    await reporter.report();
    expect(send).toHaveBeenCalledTimes(2);
    expect(show).toHaveBeenCalledOnce();
  });

  it('sends the same signals again after a failed delivery', async () => {
    const send = vi.fn<Send>().mockRejectedValueOnce(new Error('no receiving end')).mockResolvedValue('answer');
    const { reporter } = reporterOf(() => 'same signals', send);
    await expect(reporter.report()).rejects.toThrow('no receiving end');
    await reporter.report();
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('numbers what it sends, as readings are numbered', async () => {
    const send = vi.fn<Send>(() => Promise.resolve('answer'));
    let signals = 'first';
    const { reporter } = reporterOf(() => signals, send);
    reporter.read();
    signals = 'second';
    await reporter.report();
    expect(send).toHaveBeenCalledWith('second', 2);
  });

  it('skips signals the background has and answered, by its own report or by a reading', async () => {
    const send = vi.fn<Send>(() => Promise.resolve('answer'));
    const { reporter, show } = reporterOf(() => 'password form', send);
    await reporter.report();
    await reporter.report();
    expect(send).toHaveBeenCalledOnce();

    const other = reporterOf(() => 'password form', send, show).reporter;
    const { signals, reading } = other.read();
    expect(signals).toBe('password form');
    other.answer(reading, 'pulled answer');
    await other.report();
    expect(send).toHaveBeenCalledOnce();
    expect(show.mock.calls).toEqual([['answer'], ['pulled answer']]);
  });

  it('counts a reading that calls for no answer as delivered: an unchanged page is not sent again', async () => {
    let signals = 'quiet page';
    const send = vi.fn<Send>(() => Promise.resolve('answer'));
    const { reporter } = reporterOf(() => signals, send);
    reporter.read();
    await reporter.report();
    expect(send).not.toHaveBeenCalled();
    signals = 'changed';
    await reporter.report();
    expect(send).toHaveBeenCalledOnce();
  });

  it('counts a reading that calls for an answer only once its answer came: without one, the same signals go out again', async () => {
    const send = vi.fn<Send>(() => Promise.resolve('answer'));
    const { reporter } = reporterOf(() => 'password form', send);
    reporter.read();
    await reporter.report();
    expect(send).toHaveBeenCalledOnce();
  });

  it('reports by itself when a reading that calls for an answer gets none in time (the worker stopped half-way)', async () => {
    vi.useFakeTimers();
    const send = vi.fn<Send>(() => Promise.resolve('late answer'));
    const { reporter, show } = reporterOf(() => 'password form', send);
    reporter.read();
    await vi.advanceTimersByTimeAsync(999);
    expect(send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledOnce();
    expect(show).toHaveBeenCalledWith('late answer');
    expect(reporter.answered).toBe(true);
  });

  it('does not report by itself when the answer came in time, or the reading called for none', async () => {
    vi.useFakeTimers();
    const send = vi.fn<Send>(() => Promise.resolve('answer'));
    const answered = reporterOf(() => 'password form', send).reporter;
    const { reading } = answered.read();
    answered.answer(reading, 'in time');
    reporterOf(() => 'quiet page', send).reporter.read();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(send).not.toHaveBeenCalled();
  });

  it('takes an answer given from the address (reading 0) only until a reading has been answered', () => {
    const { reporter, show } = reporterOf(() => 'password form', vi.fn<Send>());
    expect(reporter.answered).toBe(false);
    reporter.answer(0, 'from the address');
    expect(reporter.answered).toBe(true);
    const { reading } = reporter.read();
    reporter.answer(reading, 'from the reading');
    reporter.answer(0, 'a late address answer');
    expect(show.mock.calls).toEqual([['from the address'], ['from the reading']]);
  });

  it('drops the answer to a reading when a newer report went out since', async () => {
    let signals = 'first';
    const { reporter, show } = reporterOf(() => signals, () => Promise.resolve('for the report'));
    const { reading } = reporter.read();
    signals = 'second';
    await reporter.report();
    reporter.answer(reading, 'for the reading');
    expect(show.mock.calls).toEqual([['for the report']]);
  });

  it("drops an answer that comes back after a newer report's", async () => {
    let signals = 'first';
    const answers: ((answer: string) => void)[] = [];
    const send: Send = () => new Promise((resolve) => answers.push(resolve));
    const { reporter, show } = reporterOf(() => signals, send);
    const first = reporter.report();
    signals = 'second';
    const second = reporter.report();
    answers[1]!('for the second');
    await second;
    answers[0]!('for the first');
    await first;
    expect(show.mock.calls).toEqual([['for the second']]);
  });

  it('sends even unchanged, answered signals when forced (a password field in use before any answer)', async () => {
    const send = vi.fn<Send>(() => Promise.resolve('answer'));
    const { reporter } = reporterOf(() => 'password form', send);
    await reporter.report();
    await reporter.report({ force: true });
    expect(send).toHaveBeenCalledTimes(2);
  });
});
