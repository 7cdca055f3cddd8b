import { useState } from 'preact/hooks';
import type { AdminStatus } from '../protocol/admin-messages';
import { formatTime } from './format-time';
import type { Act } from './options-app';

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

  const checkNow = async (): Promise<void> => {
    setBusy(true);
    setError(await act({ type: 'refresh-remote-list' }));
    setBusy(false);
  };

  return (
    <section
      aria-label="Your clinic's signed list"
      data-remote-list=""
      data-list-version={inForce?.version ?? ''}
      data-last-success-at={lastSuccessAt ?? ''}
      data-last-attempt-at={lastAttemptAt ?? ''}
      data-last-failure-reason={lastFailure?.reason ?? ''}
      data-last-failure-at={lastFailure?.at ?? ''}
    >
      <h2>Your clinic's signed list</h2>
      <p>
        Address: <code>{url ?? '(no longer set in the policy)'}</code>
      </p>
      {inForce ? (
        <p data-list-in-force="">
          In force: version {inForce.version}, {inForce.entries} sites, expires {new Date(inForce.expires).toLocaleString()}
          {inForce.expired ? ' — expired: its sites stay verified, with a warning, until a newer list arrives' : ''}.
        </p>
      ) : (
        <p>No list from this address has been accepted yet.</p>
      )}
      {ignored.length > 0 ? (
        <div role="status" data-list-problems={ignored.length}>
          <p>Some entries of this list could not be used; the rest of the list applies. Tell your clinic's IT team:</p>
          <ul>
            {ignored.map((problem, index) => (
              <li key={`${problem.path}-${index}`} data-list-problem={problem.path}>
                <code>{problem.path}</code>: {problem.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>Last successful check: {formatTime(lastSuccessAt)}.</p>
      {lastFailure ? (
        <div data-last-failure="">
          <p>
            Last failure, {formatTime(lastFailure.at)}: <strong>{lastFailure.reason}</strong>. {lastFailure.message}
          </p>
          {lastFailure.problems?.length ? (
            <ul>
              {lastFailure.problems.map((problem, index) => (
                <li key={`${problem.path}-${index}`}>
                  <code>{problem.path}</code>: {problem.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {url !== undefined ? (
        <button type="button" disabled={busy} onClick={() => void checkNow()}>
          {busy ? 'Checking…' : 'Check now'}
        </button>
      ) : null}
      {error !== undefined ? <p role="alert">Could not check: {error}</p> : null}
    </section>
  );
}
