import { useEffect, useState } from 'preact/hooks';
import type { AdminStatus } from '../protocol/admin-messages';
import type { SendMessage } from '../protocol/send';
import { uiMessages } from '../ui-text/ui-messages';

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
  const m = uiMessages();
  return (
    <aside class="admin-note" aria-label={m.text('managedByYourClinic')} data-admin-note="">
      {clinicName !== undefined || supportContact !== undefined ? (
        <p data-managed-by={clinicName ?? ''}>
          {clinicName !== undefined ? m.text('managedBy', clinicName) : m.text('managedByYourClinic')}
          {supportContact !== undefined ? (
            <>
              {` · ${m.text('contactLabel')} `}
              {supportHref !== undefined ? <a href={supportHref} target="_blank" rel="noreferrer">{supportContact}</a> : supportContact}
            </>
          ) : null}
        </p>
      ) : null}
      {problems.length > 0 ? (
        <p data-policy-problems={problems.length}>
          {m.count('policySettingsUnused', problems.length, problems.map((problem) => problem.path).join(', '))}{' '}
          <a href={`/${options}`} target="_blank" rel="noreferrer">
            {m.text('detailsLink')}
          </a>
        </p>
      ) : null}
      {remote.inForce?.expired ? (
        <p data-allowlist-stale="">
          {m.text('staleListPopup', m.day(remote.inForce.expires))}
        </p>
      ) : null}
    </aside>
  );
}
