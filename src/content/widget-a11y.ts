import type { Messages } from '../core/i18n/messages';

/**
 * What screen readers and keyboards need from a widget (widget-host), kept apart from how it
 * stays on top.
 */

export type WidgetLevel = 'danger' | 'caution';

/** The level said first in a widget's accessible name: a screen reader user hears how bad it is before what. */
export function accessibleName(level: WidgetLevel | undefined, label: string, messages: Messages): string {
  if (!level) return label;
  return messages.text(level === 'danger' ? 'widgetNameDanger' : 'widgetNameCaution', label);
}

/** Ids are scoped to the widget's shadow root, so a counter of our own never meets the page's. */
let nextId = 0;

/** aria-describedby on `box` naming `parts` (inside the same shadow root), given ids as needed. */
export function describe(box: HTMLElement, parts: readonly HTMLElement[]): void {
  const ids = parts.map((part) => (part.id ||= `thg-${++nextId}`));
  box.setAttribute('aria-describedby', ids.join(' '));
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The controls Tab moves between, in order. */
export function focusablesIn(box: HTMLElement): HTMLElement[] {
  return [...box.querySelectorAll<HTMLElement>(FOCUSABLE)];
}
