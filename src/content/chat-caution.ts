import { showCornerNotice } from './corner-notice';
import type { WidgetEnv } from './widget-env';
import type { Widget } from './widget-host';

/**
 * The one-time caution when the user starts typing into a chat widget that the clinic has
 * not verified, in the bottom-left corner (the camera's notice takes the other one).
 */
export function showChatCaution(env: WidgetEnv, provider: string): Widget {
  return showCornerNotice(env, {
    kind: 'chat-caution',
    corner: 'bottom-left',
    level: 'caution',
    label: 'Telehealth Guard: careful in this chat',
    head: `Careful with health details in this ${provider} chat`,
    paragraphs: [
      `This chat is run by ${provider}, not verified by your clinic. Don't share health details here unless your provider confirms the chat is covered by a business associate agreement and encrypted.`,
    ],
    close: 'Got it',
  });
}
