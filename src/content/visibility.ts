import { onAbort } from './widget-dom';

export interface VisibilityReport {
  /** Painted, whole and unobscured (IntersectionObserver v2's isVisible). */
  visible: boolean;
  /** In the viewport at all: a control scrolled out of view is not visible, but not covered either. */
  intersecting: boolean;
  /** When the browser worked it out, on the `now()` clock of widget-env (performance.now). */
  time: number;
}

export interface VisibilityWatch {
  /** Asks for a fresh report (after a widget was raised: the last one may tell of before). */
  refresh(): void;
}

/** Where a widget learns whether its box or a control can be seen; a seam for tests. */
export interface VisibilitySource {
  /**
   * Whether reports tell about occlusion. Only IntersectionObserver v2 (`trackVisibility`,
   * Chromium) does; Firefox has no `isVisible`, and there the widgets rely on the top layer
   * and trusted events alone.
   */
  readonly tracksOcclusion: boolean;
  /** Calls `report` at every change of `target`'s visibility, until `signal` aborts. */
  watch(target: Element, report: (visibility: VisibilityReport) => void, signal: AbortSignal): VisibilityWatch;
}

const noWatch: VisibilityWatch = { refresh: () => undefined };
const nothingTracked: VisibilitySource = { tracksOcclusion: false, watch: () => noWatch };

/**
 * IntersectionObserver v2 where the browser has it. It works headless too (measured in
 * Chromium 156): in the top layer an uncovered element is visible, and a page popover shown
 * over it, even a transparent one, makes it not visible. `delay` 100 is the least v2 allows.
 * It does not see modal dialogs or `inert` (an element under a page's later modal dialog
 * still reports visible): the widgets check those themselves (widget-cover).
 */
export function browserVisibility(scope: typeof globalThis = globalThis): VisibilitySource {
  const Observer = scope.IntersectionObserver as typeof IntersectionObserver | undefined;
  const Entry = scope.IntersectionObserverEntry as typeof IntersectionObserverEntry | undefined;
  if (typeof Observer !== 'function' || !Entry || !('isVisible' in Entry.prototype)) return nothingTracked;
  return {
    tracksOcclusion: true,
    watch(target, report, signal) {
      if (signal.aborted) return noWatch;
      const observer = new Observer(
        (entries) => {
          const last = entries.at(-1) as (IntersectionObserverEntry & { isVisible?: boolean }) | undefined;
          if (last && !signal.aborted) report({ visible: last.isVisible === true, intersecting: last.isIntersecting, time: last.time });
        },
        { threshold: [0, 1], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
      );
      observer.observe(target);
      onAbort(signal, () => {
        observer.disconnect();
      });
      return {
        // Observing anew makes the browser report the target's state as it is now.
        refresh() {
          if (signal.aborted) return;
          observer.unobserve(target);
          observer.observe(target);
        },
      };
    },
  };
}
