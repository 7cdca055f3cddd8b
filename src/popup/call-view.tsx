import type { Verdict } from '../core/findings/assess';
import { isInCall, type CallState } from '../core/signals/call-state';
import { SESSION_CHECKLIST } from '../core/session-checklist';
import { uiMessages } from '../ui-text/ui-messages';

/**
 * During a call: which platform the visit runs on, whether the extension's own page-world
 * wrapper saw the page attach frame encryption (never the page's word: it cannot reach the
 * channel that reports it), and the short checklist for a safe session. The platform's facts (end-to-end
 * encryption, business associate agreement, with sources) are in the platform section.
 */
export function CallView({ verdict, call }: { verdict: Verdict; call: CallState | undefined }) {
  if (!isInCall(call)) return null;
  const m = uiMessages();
  const where = verdict.platform?.name ?? verdict.host;
  const status = verdict.platform?.verified ? 'callPlatformVerified' : verdict.platform ? 'callPlatformGeneral' : 'callPlatformUnknown';
  return (
    <section aria-label={m.text('callSectionLabel')} data-call="active">
      <h2>{m.text('callHeading', where)}</h2>
      <p>
        {m.text(status, where)} {m.text(call?.frameEncryption ? 'callFrameEncryptionSeen' : 'callFrameEncryptionNotSeen')}
      </p>
      <h2>{m.text('checklistHeading')}</h2>
      <ul>
        {SESSION_CHECKLIST.map((key) => (
          <li key={key}>{m.text(key)}</li>
        ))}
      </ul>
    </section>
  );
}
