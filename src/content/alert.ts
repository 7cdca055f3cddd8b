import type { Verdict } from '../core/findings/assess';
import { explainFinding, headline } from '../core/findings/explain';
import { isAlertLevel } from '../core/findings/risk-levels';
import { element, listen } from './widget-dom';
import type { WidgetEnv } from './widget-env';
import { Widget } from './widget-host';
import { uiMessages } from '../ui-text/ui-messages';

/** The contract's element name (DESIGN.md): tests and admins look for it. */
export const ALERT_TAG = 'telehealth-guard-alert';

const PLACEMENT =
  'top: 16px !important; right: 16px !important; left: auto !important; bottom: auto !important; ' +
  'width: min(420px, calc(100vw - 32px)) !important;';

// Short enough to leave the bottom corners to the camera notice and the chat caution.
const CSS = `
.widget { max-height: calc(100vh - 200px); overflow: auto; }
.head { padding: 10px 14px; color: #fff; font-weight: 600; }
.danger .head { background: #cf222e; } .caution .head { background: #9a6700; }
ul { margin: 0; padding: 10px 14px 0 30px; } li { margin-bottom: 8px; }
.what { display: block; font-weight: 600; } .do { display: block; margin-top: 2px; }
.foot { display: flex; justify-content: space-between; align-items: center; gap: 8px; padding: 8px 14px 12px; color: #57606a; font-size: 12px; }
`;

/** What the alert says: the same text twice is the same alert (a page reported again re-renders nothing). */
const contentKey = (verdict: Verdict): string => JSON.stringify([verdict.level, verdict.host, verdict.findings]);
/** Once dismissed, the same warning stays away; a new or louder one comes back. */
const dismissKey = (verdict: Verdict): string => `${verdict.level}:${verdict.findings.map((f) => f.code).join(',')}`;

function render(widget: Widget, doc: Document, verdict: Verdict, onDismiss: () => void): void {
  const m = uiMessages();
  widget.box.classList.add(verdict.level);
  widget.box.append(element(doc, 'div', 'head', headline(verdict, m)));
  const list = element(doc, 'ul');
  widget.describe(list);
  for (const finding of verdict.findings) {
    if (!isAlertLevel(finding.level)) continue;
    const { title, detail, action } = explainFinding(finding, m);
    const item = element(doc, 'li');
    item.dataset.finding = finding.code;
    item.append(element(doc, 'span', 'what', title), element(doc, 'span', 'why', detail), element(doc, 'span', 'do', action));
    list.append(item);
  }
  const dismiss = element(doc, 'button', '', m.text('dismissButton'));
  listen(dismiss, 'click', onDismiss, widget.signal);
  const foot = element(doc, 'div', 'foot');
  // Every warning says how to reach someone who can fix a wrong one (DESIGN.md, Principles).
  foot.append(element(doc, 'span', '', m.text('alertFooter')), dismiss);
  widget.box.append(list, foot);
}

/**
 * The in-page alert for caution and danger: a popover in the top layer (widget-host), text
 * only. While one of our modal warnings is up (the guard's overlay, the camera prompt) it
 * stays away, so the user reads one message at a time, and comes back when that one goes.
 */
export class PageAlert {
  #verdict: Verdict | null = null;
  #suspended = false;
  #widget: Widget | undefined;
  #shownKey: string | undefined;
  #dismissedKey: string | undefined;

  constructor(private readonly env: WidgetEnv) {
    env.widgets.onModalChange(() => {
      this.#sync();
    });
  }

  /** Shows, replaces or removes the alert to match the verdict. */
  update(verdict: Verdict | null): void {
    this.#verdict = verdict;
    this.#sync();
  }

  remove(): void {
    this.update(null);
  }

  /**
   * A frame of this page shows a modal warning (the guard's overlay, a camera prompt): the
   * alert makes way there too. Measured in Chromium 156: while the top document has anything in
   * its top layer, IntersectionObserver v2 reports every element of a cross-site frame as not
   * visible, so the frame's "I trust" and "Continue" could never prove they were seen.
   */
  suspend(suspended: boolean): void {
    this.#suspended = suspended;
    this.#sync();
  }

  #sync(): void {
    const verdict = this.#verdict;
    const wanted = verdict !== null && isAlertLevel(verdict.level) && dismissKey(verdict) !== this.#dismissedKey && !this.env.widgets.modalOpen && !this.#suspended;
    if (!wanted) {
      this.#take();
      return;
    }
    const key = contentKey(verdict);
    if (this.#widget?.open === true && key === this.#shownKey) return;
    // A new alert takes the focus: on a look-alike it may come while a password is being typed,
    // and the keys that follow must stop. One that replaces another takes it only if the other
    // had it or the level changed (a caution turned danger), and gives it back, when dismissed,
    // to what had it before the first.
    const previous = this.#widget?.open === true ? this.#widget : undefined;
    const takeFocus = !previous || previous.hasFocus || !previous.box.classList.contains(verdict.level);
    const returnTo = previous?.returnTo;
    if (previous) previous.returnTo = null;
    this.#take();
    const dismiss = (): void => {
      this.#dismissedKey = dismissKey(verdict);
      this.#sync();
    };
    const widget = new Widget(this.env, {
      tag: ALERT_TAG,
      layer: 'popover',
      placement: PLACEMENT,
      css: CSS,
      role: 'alertdialog',
      label: uiMessages().text('alertLabel'),
      level: verdict.level === 'danger' ? 'danger' : 'caution',
      // Escape is Dismiss: safe, since the alert only informs. The findings stay in the popup,
      // a look-alike's password fields stay guarded, and a new or louder warning comes back.
      onCancel: dismiss,
      takeFocus,
    });
    render(widget, this.env.doc, verdict, dismiss);
    this.#widget = widget;
    this.#shownKey = key;
    widget.show();
    if (returnTo !== undefined) widget.returnTo = returnTo;
  }

  #take(): void {
    this.#widget?.close();
    this.#widget = this.#shownKey = undefined;
  }
}
