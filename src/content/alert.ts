import type { Verdict } from '../core/assess';
import { explainFinding, headline } from '../core/explain';
import { isAlertLevel } from '../core/risk-levels';
import { keepInPage } from './keep-in-page';
import { createElement, documentElementOf } from './safe-dom';

/** The contract's element name (DESIGN.md): tests and admins look for it. */
export const ALERT_TAG = 'telehealth-guard-alert';

/**
 * Where the alert sits, twice over, so page CSS aimed at the tag can't hide or move it: on the
 * host's own style attribute with !important (it beats the page's stylesheet rules, even
 * !important ones), and in `:host` with !important (an important rule from inside the shadow
 * tree beats the page's important ones, on the host's style attribute too).
 */
const HOST_STYLE =
  'all: initial !important; display: block !important; position: fixed !important; z-index: 2147483647 !important; ' +
  'top: 16px !important; right: 16px !important; max-width: 420px !important; visibility: visible !important; opacity: 1 !important;';

const STYLE = `
:host { ${HOST_STYLE} font: 14px/1.45 system-ui, sans-serif !important; color: #1f2328 !important; }
.box { background: #fff; border-radius: 10px; box-shadow: 0 6px 24px rgba(0,0,0,.25); overflow: hidden; }
.head { padding: 10px 14px; color: #fff; font-weight: 600; }
.danger .head { background: #cf222e; } .caution .head { background: #9a6700; }
ul { margin: 0; padding: 10px 14px 0 30px; } li { margin-bottom: 8px; }
.what { display: block; font-weight: 600; } .do { display: block; margin-top: 2px; }
.foot { display: flex; justify-content: space-between; align-items: center; padding: 8px 14px 12px; color: #57606a; font-size: 12px; }
button { font: inherit; padding: 4px 12px; border-radius: 6px; border: 1px solid #d0d7de; background: #f6f8fa; cursor: pointer; }
`;

function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = createElement(doc, tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function render(doc: Document, shadow: ShadowRoot, verdict: Verdict, onDismiss: () => void): void {
  const style = element(doc, 'style', '', STYLE);
  const box = element(doc, 'div', `box ${verdict.level}`);
  box.setAttribute('role', 'alertdialog');
  box.setAttribute('aria-label', 'Telehealth Guard warning');
  box.append(element(doc, 'div', 'head', headline(verdict)));
  const list = element(doc, 'ul', '');
  for (const finding of verdict.findings) {
    if (!isAlertLevel(finding.level)) continue;
    const { title, detail, action } = explainFinding(finding);
    const item = element(doc, 'li', '');
    item.dataset.finding = finding.code;
    item.append(element(doc, 'span', 'what', title), element(doc, 'span', 'why', detail), element(doc, 'span', 'do', action));
    list.append(item);
  }
  const dismiss = element(doc, 'button', '', 'Dismiss');
  dismiss.addEventListener('click', onDismiss);
  const foot = element(doc, 'div', 'foot');
  // Every warning says how to reach someone who can fix a wrong one (DESIGN.md, Principles).
  foot.append(element(doc, 'span', '', 'Telehealth Guard · details in the toolbar button. Wrong warning? Tell your clinic.'), dismiss);
  box.append(list, foot);
  shadow.append(style, box);
}

/**
 * The in-page alert for caution and danger. Text only (no HTML from anywhere), inside a
 * closed shadow root so the page can neither read nor restyle it; put back if the page
 * removes it (keep-in-page).
 */
export class PageAlert {
  #host: HTMLElement | undefined;
  #stopKeeping: (() => void) | undefined;
  #dismissedKey: string | undefined;

  constructor(private readonly doc: Document) {}

  /** Shows, replaces or removes the alert to match the verdict. */
  update(verdict: Verdict | null): void {
    if (!verdict || !isAlertLevel(verdict.level)) {
      this.remove();
      return;
    }
    // Once dismissed, the same warning stays away; a new or louder one comes back.
    const key = `${verdict.level}:${verdict.findings.map((f) => f.code).join(',')}`;
    if (key === this.#dismissedKey) return;
    this.remove();
    const host = createElement(this.doc, ALERT_TAG);
    render(this.doc, host.attachShadow({ mode: 'closed' }), verdict, () => {
      this.#dismissedKey = key;
      this.remove();
    });
    documentElementOf(this.doc)?.append(host);
    this.#host = host;
    this.#stopKeeping = keepInPage(this.doc, host, HOST_STYLE);
  }

  remove(): void {
    this.#stopKeeping?.();
    this.#host?.remove();
    this.#host = this.#stopKeeping = undefined;
  }
}
