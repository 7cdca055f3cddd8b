import { useEffect, useState } from 'preact/hooks';
import type { AdminStatus } from '../protocol/admin-messages';
import type { SendMessage } from '../protocol/send';

function day(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
}

/**
 * The popup's footer line about the clinic's settings: who manages the extension and whom
 * to contact, a policy with values that could not be used, a clinic list that is out of
 * date. Says nothing when no policy is set. The details are on the options page.
 */
export function AdminNote({ send }: { send: SendMessage }) {
  const [status, setStatus] = useState<AdminStatus | undefined>(undefined);
  useEffect(() => {
    void send({ type: 'get-admin-status' }).then((reply) => {
      // Without it the popup still shows the verdict.
      if (reply.ok) setStatus(reply.value);
    });
  }, [send]);

  if (!status?.managed) return null;
  const { clinicName, supportContact, supportHref, problems, remote } = status;
  const options = 'src/options/index.html';
  return (
    <aside class="admin-note" aria-label="Managed by your clinic" data-admin-note="">
      {clinicName !== undefined || supportContact !== undefined ? (
        <p data-managed-by={clinicName ?? ''}>
          {clinicName !== undefined ? `Managed by ${clinicName}` : 'Managed by your clinic'}
          {supportContact !== undefined ? (
            <>
              {' · contact '}
              {supportHref !== undefined ? <a href={supportHref} target="_blank" rel="noreferrer">{supportContact}</a> : supportContact}
            </>
          ) : null}
        </p>
      ) : null}
      {problems.length > 0 ? (
        <p data-policy-problems={problems.length}>
          {problems.length === 1 ? 'One setting' : `${problems.length} settings`} in your clinic's policy could not be used (the rest apply):{' '}
          {problems.map((problem) => problem.path).join(', ')}.{' '}
          <a href={`/${options}`} target="_blank" rel="noreferrer">Details</a>
        </p>
      ) : null}
      {remote.inForce?.expired ? (
        <p data-allowlist-stale="">
          Your clinic's list of verified sites expired on {day(remote.inForce.expires)}; the sites on it stay verified until a new list
          arrives. Please tell your clinic's IT team.
        </p>
      ) : null}
    </aside>
  );
}
