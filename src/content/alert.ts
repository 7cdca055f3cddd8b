import type { Verdict } from '../core/assess';
import { explainFinding, headline } from '../core/explain';
import { isAlertLevel } from '../core/risk-levels';

/** The contract's element name (DESIGN.md): tests and admins look for it. */
export const ALERT_TAG = 'telehealth-guard-alert';

const STYLE = `
:host { all: initial; position: fixed; z-index: 2147483647; top: 16px; right: 16px; max-width: 420px;
  font: 14px/1.45 system-ui, sans-serif; color: #1f2328; }
.box { background: #fff; border-radius: 10px; box-shadow: 0 6px 24px rgba(0,0,0,.25); overflow: hidden; }
.head { padding: 10px 14px; color: #fff; font-weight: 600; }
.danger .head { background: #cf222e; } .caution .head { background: #9a6700; }
ul { margin: 0; padding: 10px 14px 0 30px; } li { margin-bottom: 8px; }
.what { display: block; font-weight: 600; } .do { display: block; margin-top: 2px; }
.foot { display: flex; justify-content: space-between; align-items: center; padding: 8px 14px 12px; color: #57606a; font-size: 12px; }
button { font: inherit; padding: 4px 12px; border-radius: 6px; border: 1px solid #d0d7de; background: #f6f8fa; cursor: pointer; }
`;

function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function render(doc: Document, verdict: Verdict, onDismiss: () => void): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  const style = doc.createElement('style');
  style.textContent = STYLE;
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
  fragment.append(style, box);
  return fragment;
}

/**
 * The in-page alert for caution and danger. Text only (no HTML from anywhere), inside a
 * closed shadow root so the page can neither read nor restyle it.
 */
export class PageAlert {
  #host: HTMLElement | undefined;
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
    const host = this.doc.createElement(ALERT_TAG);
    const shadow = host.attachShadow({ mode: 'closed' });
    shadow.append(
      render(this.doc, verdict, () => {
        this.#dismissedKey = key;
        this.remove();
      }),
    );
    this.doc.documentElement.append(host);
    this.#host = host;
  }

  remove(): void {
    this.#host?.remove();
    this.#host = undefined;
  }
}
