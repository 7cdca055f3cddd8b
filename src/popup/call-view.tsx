import type { Verdict } from '../core/findings/assess';
import { isInCall, type CallState } from '../core/signals/call-state';
import { SESSION_CHECKLIST } from '../core/session-checklist';

/**
 * During a call: which platform the visit runs on, whether the extension's own page-world
 * wrapper saw the page attach frame encryption (never the page's word: it cannot reach the
 * channel that reports it), and the short checklist for a safe session. The platform's facts (end-to-end
 * encryption, business associate agreement, with sources) are in the platform section.
 */
export function CallView({ verdict, call }: { verdict: Verdict; call: CallState | undefined }) {
  if (!isInCall(call)) return null;
  const where = verdict.platform?.name ?? verdict.host;
  const status = verdict.platform?.verified
    ? 'a verified telemedicine platform'
    : verdict.platform
      ? 'a general-purpose platform, not verified for visits'
      : 'a site no list knows';
  return (
    <section aria-label="Video visit" data-call="active">
      <h2>In a video visit on {where}</h2>
      <p>
        {where} is {status}.{' '}
        {call?.frameEncryption
          ? 'Telehealth Guard saw the page hand the call\'s video and sound to code of its own before sending them (frame encryption, the way browser apps add end-to-end encryption). Whether that code really encrypts, only the page says.'
          : 'Telehealth Guard saw no end-to-end encryption of the page\'s own; any such claim is the platform\'s word (see its facts).'}
      </p>
      <h2>For a safe visit</h2>
      <ul>
        {SESSION_CHECKLIST.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
