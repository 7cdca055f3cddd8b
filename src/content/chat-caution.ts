import { showCornerNotice } from './corner-notice';
import type { WidgetEnv } from './widget-env';
import type { Widget } from './widget-host';
import { uiMessages } from '../ui-text/ui-messages';

/**
 * The one-time caution when the user starts typing into a chat widget that the clinic has
 * not verified, in the bottom-left corner (the camera's notice takes the other one).
 */
export function showChatCaution(env: WidgetEnv, provider: string): Widget {
  const m = uiMessages();
  return showCornerNotice(env, {
    kind: 'chat-caution',
    corner: 'bottom-left',
    level: 'caution',
    label: m.text('chatCautionLabel'),
    head: m.text('chatCautionHead', provider),
    paragraphs: [m.text('chatCautionWhy', provider)],
    close: m.text('gotItButton'),
  });
}
