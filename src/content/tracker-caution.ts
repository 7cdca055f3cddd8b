import { listInWords } from '../core/list-in-words';
import { showCornerNotice } from './corner-notice';
import type { WidgetEnv } from './widget-env';
import type { Widget } from './widget-host';

/**
 * The one-time caution when the user starts typing on a page that sends to advertising or
 * session replay (the background decides, and names them as the popup does), in the
 * bottom-left corner like the chat caution: it informs, there is nothing to decide.
 */
export function showTrackerCaution(env: WidgetEnv, receivers: readonly string[]): Widget {
  return showCornerNotice(env, {
    kind: 'tracker-caution',
    corner: 'bottom-left',
    level: 'caution',
    label: 'Telehealth Guard: this page shares what you do with other companies',
    head: 'Careful with health details on this page',
    paragraphs: [
      `This page sends data to ${listInWords(receivers)}. What you type here can reach them, and with it what you are being treated for.`,
      "Don't type health details here unless you must. Ask your clinic about it, or use its app or patient portal instead.",
    ],
    close: 'Got it',
  });
}
