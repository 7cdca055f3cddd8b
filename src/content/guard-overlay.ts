import type { GuardTarget } from '../core/guard-target';
import { keepInPage } from './keep-in-page';
import type { Overlay, OverlayActions } from './page-ui-contract';
import { createElement, documentElementOf } from './safe-dom';

/**
 * Its own element, not the contract's `<telehealth-guard-alert>`: the alert is "present
 * while a caution or danger alert is shown", and the overlay comes and goes with the
 * password field's focus on top of it (docs/design.md, Contract).
 */
export const OVERLAY_TAG = 'telehealth-guard-overlay';

/**
 * On the host element itself and in `:host`, both !important, so page CSS aimed at the tag can
 * neither hide nor shrink it (see the alert's HOST_STYLE).
 */
const HOST_STYLE =
  'all: initial !important; display: block !important; position: fixed !important; inset: 0 !important; ' +
  'z-index: 2147483647 !important; visibility: visible !important; opacity: 1 !important;';

const STYLE = `
:host { ${HOST_STYLE} }
.backdrop { position: fixed; inset: 0; overflow: auto; display: flex; align-items: center; justify-content: center;
  background: rgba(31,35,40,.78); font: 15px/1.5 system-ui, sans-serif; color: #1f2328; }
.box { background: #fff; max-width: 460px; margin: 12px; padding: 18px 22px; border-radius: 12px; border-top: 8px solid #cf222e;
  box-shadow: 0 8px 32px rgba(0,0,0,.4); }
h1 { margin: 0 0 8px; font-size: 20px; color: #cf222e; }
p { margin: 0 0 10px; }
.go { display: block; text-align: center; margin: 14px 0 10px; padding: 10px 16px; border-radius: 8px; background: #1a7f37; color: #fff;
  font-weight: 600; text-decoration: none; }
.row { display: flex; gap: 8px; flex-wrap: wrap; justify-content: space-between; align-items: center; }
button { font: inherit; font-size: 13px; padding: 4px 12px; border-radius: 6px; border: 1px solid #d0d7de; background: #f6f8fa; cursor: pointer; }
.small { font-size: 12px; color: #57606a; margin: 10px 0 0; }
:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
`;

function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string, text: string): HTMLElementTagNameMap[K] {
  const node = createElement(doc, tag);
  if (className) node.className = className;
  node.textContent = text;
  return node;
}

/**
 * The blocking warning over a look-alike's password field: a full-viewport modal in a
 * closed shadow root, built from text nodes only. It is told the sites, never what was
 * typed: nothing here reads a field.
 */
export class GuardOverlay implements Overlay {
  #host: HTMLElement | undefined;
  #stopKeeping: (() => void) | undefined;
  #root: ShadowRoot | undefined;
  #go: HTMLAnchorElement | undefined;
  #close: HTMLButtonElement | undefined;
  #trust: HTMLButtonElement | undefined;

  constructor(
    private readonly doc: Document,
    private readonly actions: OverlayActions,
    private readonly isTrusted: (event: Event) => boolean = (event) => event.isTrusted,
  ) {}

  get isOpen(): boolean {
    return this.#host?.isConnected === true;
  }

  /** Shows the overlay (again) with the focus on its way out: "Go to <target>". */
  show(guard: GuardTarget): void {
    if (!this.isOpen) {
      this.hide();
      this.#render(guard);
    }
    this.#go?.focus();
  }

  hide(): void {
    this.#stopKeeping?.();
    this.#host?.remove();
    this.#host = this.#stopKeeping = this.#root = this.#go = this.#close = this.#trust = undefined;
  }

  /**
   * Keys never reach the overlay's controls: the guard swallows every key while it is open
   * and hands the trusted key presses here. Tab and Shift+Tab move between the controls,
   * Enter and Space press the focused one, Escape closes.
   */
  handleKey(event: KeyboardEvent): void {
    const controls = [this.#go, this.#close, this.#trust].filter((control) => control !== undefined);
    const active = this.#root?.activeElement;
    if (event.key === 'Tab') {
      const step = event.shiftKey ? -1 : 1;
      const index = controls.findIndex((control) => control === active);
      controls[(index + step + controls.length) % controls.length]?.focus();
    } else if (event.key === 'Escape') {
      this.actions.onClose();
    } else if (event.key === 'Enter' || event.key === ' ') {
      // The link's own click navigates; the buttons' actions are called directly, since a
      // click() from here would be an untrusted event that "I trust" rightly ignores.
      if (active === this.#go) this.#go?.click();
      else if (active === this.#close) this.actions.onClose();
      else if (this.#trust && active === this.#trust) this.actions.onTrust();
    }
  }

  #render({ site, target, targetName, locked }: GuardTarget): void {
    const { doc } = this;
    const host = createElement(doc, OVERLAY_TAG);
    const root = host.attachShadow({ mode: 'closed' });
    const style = element(doc, 'style', '', STYLE);

    const box = element(doc, 'div', 'box', '');
    box.setAttribute('role', 'alertdialog');
    box.setAttribute('aria-modal', 'true');
    box.setAttribute('aria-label', 'Telehealth Guard: look-alike site');

    const go = element(doc, 'a', 'go', `Go to ${target}`);
    go.href = `https://${target}/`;
    // The whole tab leaves, even from a login framed inside another page.
    go.target = '_top';
    go.rel = 'noreferrer';
    const close = element(doc, 'button', '', 'Close');
    close.addEventListener('click', () => {
      this.actions.onClose();
    });
    // The clinic's policy may block look-alikes outright: then there is nothing to trust.
    const trust = locked ? undefined : element(doc, 'button', '', `I trust ${site}`);
    trust?.addEventListener('click', (event) => {
      // A page can't reach into the closed root, but a forged click must never trust a site.
      if (this.isTrusted(event)) this.actions.onTrust();
    });

    const row = element(doc, 'div', 'row', '');
    row.append(close, ...(trust ? [trust] : []));
    box.append(
      element(doc, 'h1', '', `Stop: this is not ${targetName}`),
      element(doc, 'p', '', `You are on ${site}, a look-alike of ${target}. Sites like this steal passwords.`),
      element(doc, 'p', '', 'While this warning is up, what you type does not reach this page.'),
      go,
      row,
      element(
        doc,
        'p',
        'small',
        locked
          ? `Your clinic blocks passwords on look-alike sites. Telehealth Guard · wrong warning? Tell your clinic.`
          : `Trust ${site} only if your clinic told you to use this exact address. Telehealth Guard · wrong warning? Tell your clinic.`,
      ),
    );
    const backdrop = element(doc, 'div', 'backdrop', '');
    backdrop.append(box);
    root.append(style, backdrop);
    documentElementOf(doc)?.append(host);
    this.#host = host;
    // Sets the host's style, and puts the overlay back if the page takes it away.
    this.#stopKeeping = keepInPage(doc, host, HOST_STYLE);
    this.#root = root;
    this.#go = go;
    this.#close = close;
    this.#trust = trust;
  }
}
