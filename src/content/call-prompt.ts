import type { Verdict } from '../core/assess';
import { describeFact } from '../core/explain';
import type { PromptAnswer } from './page-ui-contract';

/** The contract's in-page alert element: the camera prompt is one of its forms. */
const PROMPT_TAG = 'telehealth-guard-alert';

const STYLE = `
:host { all: initial !important; position: fixed !important; inset: 0 !important; z-index: 2147483647 !important;
  display: flex !important; align-items: center; justify-content: center; background: rgba(0,0,0,.45);
  font: 15px/1.5 system-ui, sans-serif; color: #1f2328; }
.box { background: #fff; border-radius: 12px; max-width: 460px; margin: 16px; box-shadow: 0 8px 32px rgba(0,0,0,.35); overflow: hidden; }
.head { background: #9a6700; color: #fff; padding: 12px 16px; font-weight: 600; }
.body { padding: 12px 16px; } ul { padding-left: 20px; margin: 8px 0; }
.buttons { display: flex; gap: 8px; justify-content: flex-end; padding: 0 16px 16px; }
button { font: inherit; padding: 6px 14px; border-radius: 6px; border: 1px solid #d0d7de; background: #f6f8fa; cursor: pointer; }
button.leave { background: #1a7f37; color: #fff; border-color: #1a7f37; }
`;

function text<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, content: string, className = ''): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  node.textContent = content;
  if (className) node.className = className;
  return node;
}

/** What is known about the site, in lines: a general-purpose platform's facts, or nothing. */
export function knownAbout(verdict: Verdict): string[] {
  const platform = verdict.platform;
  if (!platform) return [`Nothing is known about ${verdict.host}: it is on no list of telemedicine platforms.`];
  const facts = platform.facts;
  return [
    `${platform.name} is a general-purpose platform, not one verified for medical visits.`,
    `End-to-end encryption: ${describeFact(facts?.endToEndEncryption)}${facts?.endToEndEncryption.detail ? ` (${facts.endToEndEncryption.detail})` : ''}.`,
    `HIPAA business associate agreement: ${describeFact(facts?.hipaaBaa)}${facts?.hipaaBaa.detail ? ` (${facts.hipaaBaa.detail})` : ''}.`,
  ];
}

/**
 * Asks before the camera opens on a site that is not verified: what is known, continue or
 * leave. Text only, in a closed shadow root; the camera request waits for the answer.
 */
export function askBeforeCamera(doc: Document, verdict: Verdict, activity: 'camera-or-microphone' | 'screen'): Promise<PromptAnswer> {
  return new Promise((resolve) => {
    const host = doc.createElement(PROMPT_TAG);
    host.dataset.kind = 'camera-prompt';
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    const box = doc.createElement('div');
    box.className = 'box';
    box.setAttribute('role', 'alertdialog');
    box.setAttribute('aria-label', 'Telehealth Guard: before the camera opens');
    const what = activity === 'screen' ? 'share your screen' : 'use your camera and microphone';
    box.append(text(doc, 'div', `This site wants to ${what}`, 'head'));
    const body = doc.createElement('div');
    body.className = 'body';
    body.append(text(doc, 'p', `${verdict.host} is not a verified telemedicine platform for your clinic.`));
    const list = doc.createElement('ul');
    for (const line of knownAbout(verdict)) list.append(text(doc, 'li', line));
    body.append(list, text(doc, 'p', 'Continue only if your provider sent you here for your visit.'));
    const buttons = doc.createElement('div');
    buttons.className = 'buttons';
    const answer = (choice: PromptAnswer) => (event: Event) => {
      // Only the user's own click counts: a page script cannot answer for them.
      if (!event.isTrusted) return;
      host.remove();
      resolve(choice);
    };
    const leave = text(doc, 'button', 'Leave', 'leave');
    const go = text(doc, 'button', 'Continue', 'continue');
    leave.addEventListener('click', answer('leave'));
    go.addEventListener('click', answer('continue'));
    buttons.append(leave, go);
    box.append(body, buttons);
    shadow.append(style, box);
    doc.documentElement.append(host);
    leave.focus();
  });
}

/** The clinic blocks calls on platforms it has not verified: say why the camera stays off. */
export function showCameraBlocked(doc: Document, verdict: Verdict): void {
  const host = doc.createElement(PROMPT_TAG);
  host.dataset.kind = 'camera-blocked';
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const box = doc.createElement('div');
  box.className = 'box';
  box.setAttribute('role', 'alertdialog');
  box.append(text(doc, 'div', 'The camera stays off on this site', 'head'));
  const body = doc.createElement('div');
  body.className = 'body';
  body.append(
    text(doc, 'p', `Your clinic allows video visits only on platforms it has verified, and ${verdict.host} is not one of them.`),
    text(doc, 'p', 'Use the visit link your clinic sent, or ask them which platform to use.'),
  );
  const buttons = doc.createElement('div');
  buttons.className = 'buttons';
  const close = text(doc, 'button', 'Close', 'leave');
  close.addEventListener('click', () => {
    host.remove();
  });
  buttons.append(close);
  box.append(body, buttons);
  shadow.append(style, box);
  doc.documentElement.append(host);
}
