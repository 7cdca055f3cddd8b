import type { Verdict } from '../core/findings/assess';
import { describeFact } from '../core/findings/explain';
import { proveClicks } from './click-proof';
import { showCornerNotice } from './corner-notice';
import type { PromptAnswer } from './page-ui-contract';
import { element, listen } from './widget-dom';
import type { WidgetEnv } from './widget-env';
import { Widget } from './widget-host';

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
 * leave. A modal widget (widget-host): the in-page alert stays away meanwhile, so this is the
 * one message the user reads. "Continue" opens the camera, so it needs the proof that the
 * user saw it (click-proof); "Leave" and Escape keep it closed and need only the user's own
 * event. The camera request waits for the answer.
 */
export function askBeforeCamera(env: WidgetEnv, verdict: Verdict, activity: 'camera-or-microphone' | 'screen'): Promise<PromptAnswer> {
  const { doc } = env;
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
      label: 'Telehealth Guard: before the camera opens',
      level: 'caution',
      // Escape is Leave: safe, since the camera stays off and the user is taken back.
      onCancel: () => {
        answer('leave');
      },
    });
    const what = activity === 'screen' ? 'share your screen' : 'use your camera and microphone';
    const body = element(doc, 'div', 'body');
    const list = element(doc, 'ul');
    for (const line of knownAbout(verdict)) list.append(element(doc, 'li', '', line));
    body.append(
      element(doc, 'p', '', `${verdict.host} is not a verified telemedicine platform for your clinic.`),
      list,
      element(doc, 'p', '', 'Continue only if your provider sent you here for your visit.'),
    );
    const leave = element(doc, 'button', 'leave', 'Leave');
    const go = element(doc, 'button', 'continue', 'Continue');
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
    widget.box.append(element(doc, 'div', 'head', `This site wants to ${what}`), body, buttons);
    widget.describe(body);
    widget.show();
    // On the safe answer: Enter right away keeps the camera off. Tab and Shift+Tab stay in the
    // prompt (widget-host), and when it closes the focus goes back to what had it.
    leave.focus();
  });
}

/** The clinic blocks calls on platforms it has not verified: says why the camera stays off. */
export function showCameraBlocked(env: WidgetEnv, verdict: Verdict): Widget {
  return showCornerNotice(env, {
    kind: 'camera-blocked',
    corner: 'bottom-right',
    level: 'caution',
    label: 'Telehealth Guard: the camera stays off',
    head: 'The camera stays off on this site',
    paragraphs: [
      `Your clinic allows video visits only on platforms it has verified, and ${verdict.host} is not one of them.`,
      'Use the visit link your clinic sent, or ask them which platform to use.',
    ],
    close: 'Close',
  });
}
