import { useState } from 'preact/hooks';
import type { AdminStatus } from '../protocol/admin-messages';
import { formatTime } from './format-time';
import type { Act } from './options-app';
import { uiMessages } from '../ui-text/ui-messages';
import { failureText, problemText } from '../ui-text/problem-text';

/**
 * The signed remote list: the list in force, when it was last fetched successfully, and why
 * the last attempt failed (the last good list stays in force after any failure).
 */
export function RemoteListSection({ status, act }: { status: AdminStatus; act: Act }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const { url, inForce, lastSuccessAt, lastAttemptAt, lastFailure } = status.remote;
  if (url === undefined && inForce === undefined) return null;
  const ignored = inForce?.ignored ?? [];
  const m = uiMessages();

  const checkNow = async (): Promise<void> => {
    setBusy(true);
    setError((await act({ type: 'refresh-remote-list' }))?.error);
    setBusy(false);
  };

  return (
    <section
      aria-label={m.text('remoteListHeading')}
      data-remote-list=""
      data-list-version={inForce?.version ?? ''}
      data-last-success-at={lastSuccessAt ?? ''}
      data-last-attempt-at={lastAttemptAt ?? ''}
      data-last-failure-reason={lastFailure?.reason ?? ''}
      data-last-failure-at={lastFailure?.at ?? ''}
    >
      <h2>{m.text('remoteListHeading')}</h2>
      <p>
        {m.text('remoteListAddressLabel')} <code>{url ?? m.text('remoteListNoAddress')}</code>
      </p>
      {inForce ? (
        <p data-list-in-force="">
          {m.count(inForce.expired ? 'remoteListInForceExpired' : 'remoteListInForce', inForce.entries, inForce.version, m.time(inForce.expires))}
        </p>
      ) : (
        <p>{m.text('remoteListNoneYet')}</p>
      )}
      {ignored.length > 0 ? (
        <div role="status" data-list-problems={ignored.length}>
          <p>{m.text('remoteListProblems')}</p>
          <ul>
            {ignored.map((problem, index) => (
              <li key={`${problem.path}-${index}`} data-list-problem={problem.path}>
                <code>{problem.path}</code>: {problemText(problem, m)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>{m.text('remoteListLastSuccess', formatTime(lastSuccessAt, m))}</p>
      {lastFailure ? (
        <div data-last-failure="">
          <p>
            {m.text('remoteListLastFailure', formatTime(lastFailure.at, m))} <strong>{failureText(lastFailure.reason, m)}</strong> (<code>{lastFailure.reason}</code>)
          </p>
          {lastFailure.problems?.length ? (
            <ul>
              {lastFailure.problems.map((problem, index) => (
                <li key={`${problem.path}-${index}`}>
                  <code>{problem.path}</code>: {problemText(problem, m)}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {url !== undefined ? (
        <button type="button" disabled={busy} onClick={() => void checkNow()}>
          {m.text(busy ? 'checkingButton' : 'checkNowButton')}
        </button>
      ) : null}
      {error !== undefined ? <p role="alert" data-error={error}>
          {m.text('adminCheckFailed')}
        </p> : null}
    </section>
  );
}
