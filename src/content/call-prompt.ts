import type { Verdict } from '../core/findings/assess';
import { describeFact } from '../core/findings/explain';
import { factDetail } from '../core/lists/fact-detail';
import { proveClicks } from './click-proof';
import { showCornerNotice } from './corner-notice';
import type { PromptAnswer } from './page-ui-contract';
import { element, listen } from './widget-dom';
import type { WidgetEnv } from './widget-env';
import { Widget } from './widget-host';
import type { Messages } from '../core/i18n/messages';
import { uiMessages } from '../ui-text/ui-messages';

/** The contract's in-page alert element: the camera prompt and notice are forms of it (data-kind). */
const TAG = 'telehealth-guard-alert';

/** Compact: as tall as what it says, in the system font (widget-host), never the window's height. */
const CSS = `
.head { background: #9a6700; color: #fff; padding: 10px 16px; font-weight: 600; }
.body { padding: 10px 16px 4px; } .body p { margin: 0 0 8px; } ul { padding-left: 20px; margin: 0 0 8px; }
.buttons { display: flex; gap: 8px; justify-content: flex-end; padding: 4px 16px 14px; }
button { padding: 6px 14px; }
button.leave { background: #1a7f37; color: #fff; border-color: #1a7f37; }
.note { margin: 0 16px 12px; }
`;


/** What is known about the site, in lines: a general-purpose platform's facts, or nothing. */
export function knownAbout(verdict: Verdict, m: Messages): string[] {
  const platform = verdict.platform;
  if (!platform) return [m.text('promptNothingKnown', verdict.host)];
  const facts = platform.facts;
  // The catalog's notes, in the UI language where the catalog has it (English otherwise), after the answer.
  const withDetail = (answer: string, detail: string | undefined): string => (detail ? m.text('factWithDetail', answer, detail) : answer);
  return [
    m.text('promptGeneralPurpose', platform.name),
    m.text('promptEndToEnd', withDetail(describeFact(facts?.endToEndEncryption, m), factDetail(facts?.endToEndEncryption, m.lang))),
    m.text('promptHipaaBaa', withDetail(describeFact(facts?.hipaaBaa, m), factDetail(facts?.hipaaBaa, m.lang))),
  ];
}

/**
 * Asks before the camera opens on a site that is not verified: what is known, continue or
 * leave. A modal widget (widget-host): the in-page alert stays away meanwhile, so this is the
 * one message the user reads. "Continue" opens the camera, so it needs the proof that the
 * user saw it (click-proof); "Leave" and Escape keep it closed and need only the user's own
 * event. The camera request waits for the answer.
 */
export function askBeforeCamera(env: WidgetEnv, verdict: Verdict, activity: 'camera-or-microphone' | 'screen'): Promise<PromptAnswer> {
  const { doc } = env;
  const m = uiMessages();
  return new Promise((resolve) => {
    const answer = (choice: PromptAnswer): void => {
      widget.close();
      resolve(choice);
    };
    const widget = new Widget(env, {
      tag: TAG,
      kind: 'camera-prompt',
      layer: 'modal',
      css: CSS,
      role: 'alertdialog',
      label: m.text('promptLabel'),
      level: 'caution',
      // Escape is Leave: safe, since the camera stays off and the user is taken back.
      onCancel: () => {
        answer('leave');
      },
    });
    const body = element(doc, 'div', 'body');
    const list = element(doc, 'ul');
    for (const line of knownAbout(verdict, m)) list.append(element(doc, 'li', '', line));
    body.append(
      element(doc, 'p', '', m.text('promptNotVerified', verdict.host)),
      list,
      element(doc, 'p', '', m.text('promptContinueOnly')),
    );
    const leave = element(doc, 'button', 'leave', m.text('leaveButton'));
    const go = element(doc, 'button', 'continue', m.text('continueButton'));
    listen(
      leave,
      'click',
      (event) => {
        // Only the user's own click counts: a page script cannot answer for them.
        if (env.isTrusted(event)) answer('leave');
      },
      widget.signal,
    );
    proveClicks(doc, go, { isTrusted: env.isTrusted, now: env.now, visibility: env.visibility, covered: (control) => widget.covered(control), onTopSince: () => widget.onTopSince(), signal: widget.signal }, () => {
      answer('continue');
    });
    const buttons = element(doc, 'div', 'buttons');
    buttons.append(leave, go);
    widget.box.append(element(doc, 'div', 'head', m.text(activity === 'screen' ? 'promptHeadScreen' : 'promptHeadCamera')), body, buttons);
    widget.describe(body);
    widget.show();
    // On the safe answer: Enter right away keeps the camera off. Tab and Shift+Tab stay in the
    // prompt (widget-host), and when it closes the focus goes back to what had it.
    leave.focus();
  });
}

/** The clinic blocks calls on platforms it has not verified: says why the camera stays off. */
export function showCameraBlocked(env: WidgetEnv, verdict: Verdict): Widget {
  const m = uiMessages();
  return showCornerNotice(env, {
    kind: 'camera-blocked',
    corner: 'bottom-right',
    level: 'caution',
    label: m.text('cameraBlockedLabel'),
    head: m.text('cameraBlockedHead'),
    paragraphs: [m.text('cameraBlockedWhy', verdict.host), m.text('cameraBlockedWhatToDo')],
    close: m.text('closeButton'),
  });
}
