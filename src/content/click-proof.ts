import type { VisibilitySource } from './visibility';
import { element, later, listen } from './widget-dom';
import { uiMessages } from '../ui-text/ui-messages';

/**
 * How long a control that lowers protection ("I trust this site", "Continue" to the camera)
 * must have been seen, whole and unobscured, before a click on it counts. A page that covers
 * our warning with its own content and takes the cover away just as the user clicks (so the
 * click lands on our button, unseen) gets nothing: the button was not visible long enough.
 */
export const MIN_VISIBLE_MS = 500;

/** What a refused click says, beside the control. */
export const refusedNote = (): string => uiMessages().text('refusedNote');

/**
 * What became of an activation: `accepted`; `untrusted` (made by a script, not the user);
 * `unseen` (the control was not visible for MIN_VISIBLE_MS just before); `covered` (a page's
 * modal dialog, fullscreen element or cover lies over it now).
 */
export type ProofResult = 'accepted' | 'untrusted' | 'unseen' | 'covered';

export interface ProofContext {
  isTrusted(event: Event): boolean;
  now(): number;
  visibility: VisibilitySource;
  /** Whether something of the page lies over the control now (Widget.covered). */
  covered(control: Element): string | null;
  /**
   * Since when the widget has been on top with nothing of the page raised after it
   * (Widget.onTopSince), on the `now()` clock; undefined while the page has raised something.
   */
  onTopSince(): number | undefined;
  /** The widget's teardown. */
  signal: AbortSignal;
}

/**
 * The proof that the user saw what they clicked: a trusted event, on a control that IntersectionObserver
 * v2 (trackVisibility) has reported visible, continuously, for MIN_VISIBLE_MS, with nothing of the
 * page over it at that moment.
 *
 * Where the browser has no v2 (Firefox), it cannot say whether a page's transparent layer lies
 * over the control, so the top layer has to: the widget must have been on top for
 * MIN_VISIBLE_MS with nothing of the page raised after it. A page that keeps raising a
 * see-through popover over our warning (to take the user's click on "I trust") never gives it
 * that quiet, and each raise it makes is a fight (widget-host), which soon gets the page
 * replaced by the warning page. (Measured in Firefox ESR 153: without this, a click through such
 * a layer trusted the look-alike.)
 *
 * For tests that look in through CDP, the control carries `data-proof-state` (`waiting`,
 * `ready` once a click would pass the visibility part, `untracked` without v2, where only the
 * time on top is judged) and, after an activation, `data-proof` with its ProofResult.
 */
export class ControlProof {
  #visibleSince: number | undefined;
  #generation = 0;

  constructor(
    private readonly control: HTMLElement,
    private readonly context: ProofContext,
  ) {
    const { visibility, signal } = context;
    if (!visibility.tracksOcclusion) {
      control.dataset.proofState = 'untracked';
      return;
    }
    control.dataset.proofState = 'waiting';
    visibility.watch(
      control,
      ({ visible }) => {
        const generation = ++this.#generation;
        if (!visible) {
          this.#visibleSince = undefined;
          control.dataset.proofState = 'waiting';
          return;
        }
        this.#visibleSince ??= context.now();
        later(signal, MIN_VISIBLE_MS, () => {
          if (generation === this.#generation && this.#visibleSince !== undefined) control.dataset.proofState = 'ready';
        });
      },
      signal,
    );
  }

  check(event: Event): ProofResult {
    const result = this.#judge(event);
    this.control.dataset.proof = result;
    return result;
  }

  #judge(event: Event): ProofResult {
    const { context } = this;
    if (!context.isTrusted(event)) return 'untrusted';
    const since = context.visibility.tracksOcclusion ? this.#visibleSince : context.onTopSince();
    if (since === undefined || context.now() - since < MIN_VISIBLE_MS) return 'unseen';
    return context.covered(this.control) ? 'covered' : 'accepted';
  }
}

/**
 * Says, next to the control, why its click did nothing. A forged event gets no answer: only
 * scripts make those, and the page cannot reach into our closed root to make one anyway.
 */
export function explainRefusal(doc: Document, control: HTMLElement, result: ProofResult): void {
  if (result === 'accepted' || result === 'untrusted') return;
  const anchor = control.parentElement ?? control;
  const next = anchor.nextElementSibling;
  const note = next instanceof HTMLElement && next.classList.contains('note') ? next : element(doc, 'p', 'note');
  note.setAttribute('role', 'status');
  note.textContent = refusedNote();
  if (note !== next) anchor.after(note);
}

/**
 * A control that lowers protection: its click counts only with the proof; otherwise nothing
 * happens and the widget says why.
 */
export function proveClicks(doc: Document, control: HTMLElement, context: ProofContext, onAccepted: () => void): ControlProof {
  const proof = new ControlProof(control, context);
  listen(
    control,
    'click',
    (event) => {
      const result = proof.check(event);
      if (result === 'accepted') onAccepted();
      else explainRefusal(doc, control, result);
    },
    context.signal,
  );
  return proof;
}
