import { showCornerNotice } from './corner-notice';
import type { WidgetEnv } from './widget-env';
import type { Widget } from './widget-host';
import { uiMessages } from '../ui-text/ui-messages';

/**
 * The one-time caution when the user starts typing on a page that sends to advertising or
 * session replay (the background decides, and names them as the popup does), in the
 * bottom-left corner like the chat caution: it informs, there is nothing to decide.
 */
export function showTrackerCaution(env: WidgetEnv, receivers: readonly string[]): Widget {
  const m = uiMessages();
  return showCornerNotice(env, {
    kind: 'tracker-caution',
    corner: 'bottom-left',
    level: 'caution',
    label: m.text('trackerCautionLabel'),
    head: m.text('trackerCautionHead'),
    paragraphs: [m.text('trackerCautionWhy', m.list(receivers)), m.text('trackerCautionWhatToDo')],
    close: m.text('gotItButton'),
  });
}
