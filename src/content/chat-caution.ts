import { createElement, documentElementOf } from './safe-dom';
import { keepInPage } from './keep-in-page';

/** The contract's alert element, in its chat-caution form. */
const TAG = 'telehealth-guard-alert';
const HOST_STYLE = 'all: initial !important; position: fixed !important; z-index: 2147483647 !important; bottom: 16px !important; left: 16px !important; display: block !important;';

const STYLE = `
.box { max-width: 380px; background: #fff; border-radius: 10px; box-shadow: 0 6px 24px rgba(0,0,0,.25); overflow: hidden;
  font: 14px/1.45 system-ui, sans-serif; color: #1f2328; }
.head { background: #9a6700; color: #fff; padding: 8px 12px; font-weight: 600; }
p { margin: 8px 12px; } .foot { display: flex; justify-content: flex-end; padding: 0 12px 10px; }
button { font: inherit; padding: 4px 12px; border-radius: 6px; border: 1px solid #d0d7de; background: #f6f8fa; cursor: pointer; }
`;

/**
 * The one-time caution when the user starts typing into a chat widget that the clinic has
 * not verified. Text only, in a closed shadow root, kept in the page until dismissed.
 */
export function showChatCaution(doc: Document, provider: string): void {
  const host = createElement(doc, TAG);
  host.dataset.kind = 'chat-caution';
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = createElement(doc, 'style');
  style.textContent = STYLE;
  const box = createElement(doc, 'div');
  box.className = 'box';
  box.setAttribute('role', 'alert');
  const head = createElement(doc, 'div');
  head.className = 'head';
  head.textContent = `Careful with health details in this ${provider} chat`;
  const body = createElement(doc, 'p');
  body.textContent = `This chat is run by ${provider}, not verified by your clinic. Don't share health details here unless your provider confirms the chat is covered by a business associate agreement and encrypted.`;
  const close = createElement(doc, 'button');
  close.textContent = 'Got it';
  const foot = createElement(doc, 'div');
  foot.className = 'foot';
  foot.append(close);
  box.append(head, body, foot);
  shadow.append(style, box);
  host.setAttribute('style', HOST_STYLE);
  documentElementOf(doc)?.append(host);
  const stopKeeping = keepInPage(doc, host, HOST_STYLE);
  close.addEventListener('click', () => {
    stopKeeping();
    host.remove();
  });
}
