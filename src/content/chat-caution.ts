import { element, listen } from './widget-dom';
import type { WidgetEnv } from './widget-env';
import { Widget } from './widget-host';

/** The contract's alert element, in its chat-caution form (data-kind). */
const TAG = 'telehealth-guard-alert';

const PLACEMENT =
  'bottom: 16px !important; left: 16px !important; top: auto !important; right: auto !important; width: min(380px, calc(100vw - 32px)) !important;';

const CSS = `
.head { background: #9a6700; color: #fff; padding: 8px 12px; font-weight: 600; }
p { margin: 8px 12px; } .foot { display: flex; justify-content: flex-end; padding: 0 12px 10px; }
`;

/**
 * The one-time caution when the user starts typing into a chat widget that the clinic has
 * not verified: a popover in a corner (widget-host), text only, kept on the page until the
 * user dismisses it.
 */
export function showChatCaution(env: WidgetEnv, provider: string): Widget {
  const { doc } = env;
  const widget = new Widget(env, {
    tag: TAG,
    kind: 'chat-caution',
    layer: 'popover',
    placement: PLACEMENT,
    css: CSS,
    role: 'alert',
    label: 'Telehealth Guard: careful in this chat',
  });
  const close = element(doc, 'button', '', 'Got it');
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
  widget.box.append(
    element(doc, 'div', 'head', `Careful with health details in this ${provider} chat`),
    element(
      doc,
      'p',
      '',
      `This chat is run by ${provider}, not verified by your clinic. Don't share health details here unless your provider confirms the chat is covered by a business associate agreement and encrypted.`,
    ),
    foot,
  );
  widget.show();
  return widget;
}
