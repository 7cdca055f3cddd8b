import type { Strength } from '../core/passwords/strength';
import { explainWeakPassword } from '../core/passwords/explain-password';
import { element } from './widget-dom';
import type { WidgetEnv } from './widget-env';
import { Widget } from './widget-host';
import { uiMessages } from '../ui-text/ui-messages';

/** The note beside a new-password field: an element of its own, so the page's alert stays what it was. */
const TAG = 'telehealth-guard-strength';
const WIDTH = 320;

const CSS = `
.head { background: #9a6700; color: #fff; padding: 6px 10px; font-weight: 600; }
p { margin: 6px 10px; font-size: 13px; }
`;

/** Where the note sits: under the field, kept inside the viewport. */
function placementUnder(field: Element): string {
  const box = field.getBoundingClientRect();
  const left = Math.max(8, Math.min(box.left, innerWidth - WIDTH - 8));
  const top = Math.max(8, Math.min(box.bottom + 6, innerHeight - 120));
  return `top: ${Math.round(top)}px !important; left: ${Math.round(left)}px !important; width: min(${WIDTH}px, calc(100vw - 16px)) !important;`;
}

export interface StrengthNote {
  widget: Widget;
  /** What it shows and where, to know whether an update changes anything. */
  key: string;
}

/**
 * Shows, moves or takes away (`strength` null) the weak-password note beside `field`. A
 * popover like the alert (widget-host: the page cannot hide or cover it), made again when what
 * it says or where it sits changes: its placement is part of the host's own style, which the
 * widget keeps as it was made.
 */
export function updateStrengthNote(env: WidgetEnv, note: StrengthNote | undefined, field: Element, strength: Strength | null): StrengthNote | undefined {
  if (strength === null) {
    note?.widget.close();
    return undefined;
  }
  const placement = placementUnder(field);
  const m = uiMessages();
  const { title, detail, action } = explainWeakPassword({ code: 'WEAK_PASSWORD', level: 'caution', ...strength }, m);
  const key = JSON.stringify([placement, title, detail]);
  if (note?.key === key && note.widget.open) return note;
  note?.widget.close();
  const { doc } = env;
  // A status that takes no focus: it updates as the new password is typed, beside the field.
  const widget = new Widget(env, { tag: TAG, kind: 'weak-password', layer: 'popover', placement, css: CSS, role: 'status', label: m.text('strengthNoteLabel', title), level: 'caution' });
  const body = element(doc, 'div', '');
  body.setAttribute('data-finding', 'WEAK_PASSWORD');
  body.setAttribute('data-score', String(strength.score));
  const explanation = [element(doc, 'p', '', detail), element(doc, 'p', '', action)];
  body.append(element(doc, 'div', 'head', title), ...explanation);
  widget.describe(...explanation);
  widget.box.append(body);
  widget.show();
  return { widget, key };
}
