import type { GuardTarget } from '../core/findings/guard-target';
import { ControlProof, explainRefusal, proveClicks, type ProofContext } from './click-proof';
import type { Overlay, OverlayActions } from './page-ui-contract';
import { element, listen } from './widget-dom';
import { createWidgetEnv, type WidgetEnv } from './widget-env';
import { Widget } from './widget-host';
import { uiMessages } from '../ui-text/ui-messages';

/**
 * Its own element, not the contract's `<telehealth-guard-alert>`: the alert is "present
 * while a caution or danger alert is shown", and the overlay comes and goes with the
 * password field's focus (docs/design.md, Contract).
 */
export const OVERLAY_TAG = 'telehealth-guard-overlay';

const CSS = `
.widget { border-top: 8px solid #cf222e; padding: 18px 22px; }
h1 { margin: 0 0 8px; font-size: 20px; line-height: 1.3; color: #cf222e; }
p { margin: 0 0 10px; }
.go { display: block; text-align: center; margin: 14px 0 10px; padding: 10px 16px; border-radius: 8px; background: #1a7f37; color: #fff;
  font-weight: 600; text-decoration: none; }
.row { display: flex; gap: 8px; flex-wrap: wrap; justify-content: space-between; align-items: center; }
button { font-size: 13px; }
.small { font-size: 12px; color: #57606a; margin: 10px 0 0; }
.problem { margin: 10px 0 0; padding: 8px 10px; border-radius: 6px; background: #ffebe9; color: #82071e; font-weight: 600; }
.note { margin: 8px 0 0; }
`;

export interface GuardOverlayOptions {
  /** The document's shared widget state (page-ui-factory); one of its own otherwise. */
  env?: WidgetEnv;
  /** Seam for tests: jsdom marks no event trusted. */
  isTrusted?: (event: Event) => boolean;
}

/**
 * The blocking warning over a look-alike's password field: a modal dialog in a closed shadow
 * root (widget-host), built from text nodes only. It is told the sites, never what was typed:
 * nothing here reads a field. "I trust this site" counts only with the proof that the user
 * saw it (click-proof), by mouse or by the keys the guard hands over.
 */
export class GuardOverlay implements Overlay {
  #widget: Widget | undefined;
  #last: GuardTarget | undefined;
  #go: HTMLAnchorElement | undefined;
  #close: HTMLButtonElement | undefined;
  #trust: HTMLButtonElement | undefined;
  #trustProof: ControlProof | undefined;
  #problem: HTMLElement | undefined;
  readonly #env: WidgetEnv;
  readonly #isTrusted: (event: Event) => boolean;

  constructor(
    private readonly doc: Document,
    private readonly actions: OverlayActions,
    options: GuardOverlayOptions | ((event: Event) => boolean) = {},
  ) {
    // A bare function is the isTrusted seam alone (the guard's tests pass one).
    const { env, isTrusted } = typeof options === 'function' ? { env: undefined, isTrusted: options } : options;
    this.#env = env ?? createWidgetEnv(doc, isTrusted ? { isTrusted } : {});
    this.#isTrusted = isTrusted ?? this.#env.isTrusted;
  }

  /**
   * Whether the overlay is meant to be up: also while the page has just removed it and before
   * it is put back, so the guard keeps swallowing keys meanwhile.
   */
  get isOpen(): boolean {
    return this.#widget?.open === true;
  }

  /** Shows the overlay (again) with the focus on its way out: "Go to <target>". */
  show(guard: GuardTarget): void {
    this.#last = guard;
    if (!this.isOpen) {
      this.hide();
      this.#render(guard);
    }
    this.#go?.focus();
  }

  /** Trusting the site did not work: the overlay comes back, saying so. */
  showProblem(message: string): void {
    if (!this.isOpen) {
      if (!this.#last) {
        console.warn('Telehealth Guard:', message);
        return;
      }
      this.show(this.#last);
    }
    if (!this.#problem) {
      this.#problem = element(this.doc, 'p', 'problem');
      this.#problem.setAttribute('role', 'alert');
      this.#go?.before(this.#problem);
    }
    this.#problem.textContent = message;
  }

  hide(): void {
    // Let go of this widget before closing it: closing a modal dialog moves the focus, and what
    // that sets off may show the overlay again, as a new widget that must not be dropped here.
    const widget = this.#widget;
    this.#widget = this.#go = this.#close = this.#trust = this.#trustProof = this.#problem = undefined;
    widget?.close();
  }

  /**
   * Keys never reach the overlay's controls: the guard swallows every key while it is open
   * and hands the trusted key presses here. Tab, Shift+Tab and Escape do what they do in every
   * modal warning (Widget.handleKey: move between the controls, close); Enter and Space press
   * the focused control. Enter on "I trust" needs the same proof as a click: the user can see
   * the overlay, and has for a while.
   */
  handleKey(event: KeyboardEvent): void {
    if (this.#widget?.handleKey(event) === true || (event.key !== 'Enter' && event.key !== ' ')) return;
    const active = this.#widget?.root.activeElement;
    // The link's own click navigates; the buttons' actions are called directly, since a
    // click() from here would be an untrusted event that "I trust" rightly ignores.
    if (active === this.#go) this.#go?.click();
    else if (active === this.#close) this.actions.onClose();
    else if (this.#trust && this.#trustProof && active === this.#trust) this.#trustWith(event, this.#trust, this.#trustProof);
  }

  #trustWith(event: Event, control: HTMLElement, proof: ControlProof): void {
    const result = proof.check(event);
    if (result === 'accepted') this.actions.onTrust();
    else explainRefusal(this.doc, control, result);
  }

  #render({ site, target, targetName, locked }: GuardTarget): void {
    const { doc } = this;
    const m = uiMessages();
    const widget = new Widget(this.#env, {
      tag: OVERLAY_TAG,
      layer: 'modal',
      css: CSS,
      role: 'alertdialog',
      label: m.text('overlayLabel'),
      level: 'danger',
      // Escape (the guard hands it over, see handleKey): Close. Safe, since the password field
      // stays guarded. The focus does not go back to the field, which would bring the overlay
      // straight back: the guard took it off the field before the overlay opened (field-guard).
      onCancel: () => {
        this.actions.onClose();
      },
    });
    const go = element(doc, 'a', 'go', m.text('goTo', target));
    go.href = `https://${target}/`;
    // The whole tab leaves, even from a login framed inside another page.
    go.target = '_top';
    go.rel = 'noreferrer';
    const close = element(doc, 'button', '', m.text('closeButton'));
    listen(
      close,
      'click',
      () => {
        this.actions.onClose();
      },
      widget.signal,
    );
    // The clinic's policy may block look-alikes outright: then there is nothing to trust.
    const trust = locked ? undefined : element(doc, 'button', 'trust', m.text('trustButton', site));
    const context: ProofContext = {
      isTrusted: this.#isTrusted,
      now: this.#env.now,
      visibility: this.#env.visibility,
      covered: (control) => widget.covered(control),
      onTopSince: () => widget.onTopSince(),
      signal: widget.signal,
    };
    const trustProof = trust
      ? proveClicks(doc, trust, context, () => {
          this.actions.onTrust();
        })
      : undefined;

    const row = element(doc, 'div', 'row');
    row.append(close, ...(trust ? [trust] : []));
    const why = element(doc, 'p', '', m.text('overlayWhy', site, target));
    const typing = element(doc, 'p', '', m.text('overlayKeysHeld'));
    widget.describe(why, typing);
    widget.box.append(
      element(doc, 'h1', '', m.text('overlayHeading', targetName)),
      why,
      typing,
      go,
      row,
      element(doc, 'p', 'small', locked ? m.text('overlayLocked') : m.text('overlayTrustOnly', site)),
    );
    this.#widget = widget;
    this.#go = go;
    this.#close = close;
    this.#trust = trust;
    this.#trustProof = trustProof;
    widget.show();
  }
}
