import type { AdminStatus } from '../protocol/admin-messages';

const SOURCE_NAMES = { catalog: 'built-in catalog', policy: "clinic's policy list", remote: "clinic's signed list", user: 'your own list' } as const;

/** Who manages the extension, which lists are in force, and every policy value that could not be used. */
export function PolicySection({ status }: { status: AdminStatus }) {
  const { problems } = status;
  return (
    <section aria-label="Your clinic's policy" data-policy="">
      <h2>Your clinic's policy</h2>
      {status.managed ? (
        <p data-managed-by={status.clinicName ?? ''}>
          Managed by {status.clinicName ?? 'your clinic'}
          {status.supportContact !== undefined ? (
            <>
              {' · contact '}
              {status.supportHref !== undefined ? <a href={status.supportHref}>{status.supportContact}</a> : status.supportContact}
            </>
          ) : null}
          .
        </p>
      ) : (
        <p>No policy is set: the built-in catalog and your own list apply.</p>
      )}
      <p data-sources={status.sources.join(' ')}>
        Verified sites come from: {status.sources.map((source) => SOURCE_NAMES[source]).join(', then ')} (a later list decides for a domain an
        earlier one also lists).
      </p>
      {status.policyDomains.length > 0 ? <p>The policy lists: {status.policyDomains.join(', ')}.</p> : null}
      {problems.length > 0 ? (
        <div role="status">
          <p>
            {problems.length === 1 ? 'One value' : `${problems.length} values`} in the policy could not be used; the rest of the policy applies.
            Tell your clinic's IT team:
          </p>
          <ul>
            {problems.map((problem, index) => (
              <li key={`${problem.path}-${index}`} data-policy-problem={problem.path}>
                <code>{problem.path}</code>: {problem.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
