import type { WidgetLevel } from './widget-a11y';
import { element, listen } from './widget-dom';
import type { WidgetEnv } from './widget-env';
import { Widget } from './widget-host';

/** The contract's alert element: a corner notice is one of its forms (data-kind). */
const TAG = 'telehealth-guard-alert';

const CSS = `
.head { background: #9a6700; color: #fff; padding: 8px 12px; font-weight: 600; }
p { margin: 8px 12px; } .foot { display: flex; justify-content: flex-end; padding: 0 12px 10px; }
`;

export interface CornerNotice {
  kind: string;
  /** Which corner (the host's `bottom`/`left`/`right`/`top`, !important). */
  corner: 'bottom-left' | 'bottom-right';
  label: string;
  /** Said first in its accessible name. */
  level: WidgetLevel;
  head: string;
  paragraphs: readonly string[];
  close: string;
}

const PLACEMENTS: Record<CornerNotice['corner'], string> = {
  'bottom-left': 'bottom: 16px !important; left: 16px !important; top: auto !important; right: auto !important;',
  'bottom-right': 'bottom: 16px !important; right: 16px !important; top: auto !important; left: auto !important;',
};

/**
 * A notice in a corner: it informs, there is nothing to decide, so it is a popover (widget-host)
 * kept on the page until the user closes it. Text only. It is a named dialog
 * (`alertdialog`, its level first in its name, its paragraphs as its description) that takes
 * the focus a task after it shows, as the alert does: it comes as the user starts typing
 * health details into a page that passes them on (trackers, a chat no list verifies) or as a
 * call starts, and the typing should stop until they have read it. Escape or its button close
 * it and give the focus back to where it was, so they can go on. Returns the widget, to be
 * taken down when another notice replaces it.
 */
export function showCornerNotice(env: WidgetEnv, notice: CornerNotice): Widget {
  const { doc } = env;
  const widget = new Widget(env, {
    tag: TAG,
    kind: notice.kind,
    layer: 'popover',
    placement: `${PLACEMENTS[notice.corner]} width: min(380px, calc(100vw - 32px)) !important;`,
    css: CSS,
    role: 'alertdialog',
    label: notice.label,
    level: notice.level,
    takeFocus: true,
    // Escape closes it, as its button does: it only informs.
    onCancel: () => {
      widget.close();
    },
  });
  const close = element(doc, 'button', '', notice.close);
  listen(
    close,
    'click',
    () => {
      widget.close();
    },
    widget.signal,
  );
  const foot = element(doc, 'div', 'foot');
  foot.append(close);
  const paragraphs = notice.paragraphs.map((text) => element(doc, 'p', '', text));
  widget.box.append(element(doc, 'div', 'head', notice.head), ...paragraphs, foot);
  widget.describe(...paragraphs);
  widget.show();
  return widget;
}
