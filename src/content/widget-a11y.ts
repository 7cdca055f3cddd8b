/**
 * What screen readers and keyboards need from a widget (widget-host), kept apart from how it
 * stays on top. Its text is English for now, beside the widgets' other strings.
 */

export type WidgetLevel = 'danger' | 'caution';

/** Said first in a widget's accessible name: a screen reader user hears how bad it is before what. */
const LEVEL_WORDS: Readonly<Record<WidgetLevel, string>> = { danger: 'Danger', caution: 'Caution' };

export function accessibleName(level: WidgetLevel | undefined, label: string): string {
  return level ? `${LEVEL_WORDS[level]}: ${label}` : label;
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
