// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MIN_VISIBLE_MS, proveClicks, refusedNote, type ProofContext } from '../../../src/content/click-proof';
import type { VisibilitySource } from '../../../src/content/visibility';
import { FakeVisibility, manualClock } from './fake-top-layer';

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

function setUp({ trusted = true, covered = false, visibility, onTopSince = () => 0 }: { trusted?: boolean; covered?: boolean; visibility?: VisibilitySource; onTopSince?: () => number | undefined } = {}) {
  const clock = manualClock();
  const fake = new FakeVisibility(clock.now);
  const controller = new AbortController();
  const row = document.createElement('div');
  const control = document.createElement('button');
  control.textContent = 'I trust d0xy.me';
  row.append(control);
  document.body.append(row);
  const state = { covered };
  const context: ProofContext = {
    isTrusted: () => trusted,
    now: clock.now,
    visibility: visibility ?? fake,
    covered: () => (state.covered ? 'covered' : null),
    onTopSince,
    signal: controller.signal,
  };
  const onAccepted = vi.fn();
  proveClicks(document, control, context, onAccepted);
  const note = (): string | undefined => (row.nextElementSibling as HTMLElement | null)?.textContent ?? undefined;
  return { clock, fake, control, onAccepted, note, state, controller };
}

describe('the proof that the user saw what they clicked', () => {
  it('ignores a click a script made, and says nothing', () => {
    const { fake, control, clock, onAccepted, note } = setUp({ trusted: false });
    fake.report(control, true);
    clock.advance(MIN_VISIBLE_MS * 2);
    control.click();
    expect(onAccepted).not.toHaveBeenCalled();
    expect(control.dataset.proof).toBe('untrusted');
    expect(note()).toBeUndefined();
  });

  it('refuses a click on a control not visible for long enough, and says why', () => {
    const { fake, control, clock, onAccepted, note } = setUp();
    control.click();
    expect(control.dataset.proof).toBe('unseen');
    fake.report(control, true);
    clock.advance(MIN_VISIBLE_MS - 1);
    control.click();
    expect(onAccepted).not.toHaveBeenCalled();
    expect(control.dataset.proof).toBe('unseen');
    expect(note()).toBe(refusedNote());
    expect((control.parentElement!.nextElementSibling as HTMLElement).getAttribute('role')).toBe('status');
    clock.advance(1);
    control.click();
    expect(onAccepted).toHaveBeenCalledOnce();
    expect(control.dataset.proof).toBe('accepted');
  });

  it('wants the control visible without a break: a page that covers it starts the wait again', () => {
    const { fake, control, clock, onAccepted } = setUp();
    fake.report(control, true);
    clock.advance(MIN_VISIBLE_MS * 3);
    fake.report(control, false);
    clock.advance(100);
    // The page takes its cover away just under the pointer.
    fake.report(control, true);
    clock.advance(MIN_VISIBLE_MS - 100);
    control.click();
    expect(onAccepted).not.toHaveBeenCalled();
    clock.advance(100);
    control.click();
    expect(onAccepted).toHaveBeenCalledOnce();
  });

  it("refuses while a page's modal dialog, fullscreen element or cover is over it", () => {
    const { fake, control, clock, onAccepted, state } = setUp({ covered: true });
    fake.report(control, true);
    clock.advance(MIN_VISIBLE_MS);
    control.click();
    expect(control.dataset.proof).toBe('covered');
    state.covered = false;
    control.click();
    expect(onAccepted).toHaveBeenCalledOnce();
  });

  it('marks the control ready once a click would pass, for tests that look in', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { fake, control } = setUp();
    expect(control.dataset.proofState).toBe('waiting');
    fake.report(control, true);
    await vi.advanceTimersByTimeAsync(MIN_VISIBLE_MS);
    expect(control.dataset.proofState).toBe('ready');
    fake.report(control, false);
    expect(control.dataset.proofState).toBe('waiting');
  });

  describe('where the browser cannot tell visibility (Firefox): the time on top, with nothing of the page raised after', () => {
    const untracked: VisibilitySource = { tracksOcclusion: false, watch: () => ({ refresh: () => undefined }) };

    it('counts a click once the widget has been on top for MIN_VISIBLE_MS', () => {
      const onTop = { since: undefined as number | undefined };
      const { control, clock, onAccepted } = setUp({ visibility: untracked, onTopSince: () => onTop.since });
      onTop.since = clock.now();
      expect(control.dataset.proofState).toBe('untracked');
      clock.advance(MIN_VISIBLE_MS - 1);
      control.click();
      expect(control.dataset.proof).toBe('unseen');
      clock.advance(1);
      control.click();
      expect(onAccepted).toHaveBeenCalledOnce();
    });

    it("refuses a click while the page has raised something over the widget, and right after the widget's raise above it", () => {
      const onTop = { since: undefined as number | undefined };
      const { control, clock, onAccepted, note } = setUp({ visibility: untracked, onTopSince: () => onTop.since });
      clock.advance(MIN_VISIBLE_MS * 4);
      control.click();
      expect(control.dataset.proof).toBe('unseen');
      // The widget raised itself above the page's layer again: the wait starts over.
      onTop.since = clock.now();
      clock.advance(MIN_VISIBLE_MS / 5);
      control.click();
      expect(control.dataset.proof).toBe('unseen');
      expect(onAccepted).not.toHaveBeenCalled();
      expect(note()).toBe(refusedNote());
    });
  });

  it('stops listening with the widget', () => {
    const { fake, control, clock, onAccepted, controller } = setUp();
    fake.report(control, true);
    clock.advance(MIN_VISIBLE_MS);
    controller.abort();
    control.click();
    expect(onAccepted).not.toHaveBeenCalled();
    expect(fake.watching).toBe(0);
  });
});
