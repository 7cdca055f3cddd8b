import type { ActionKey, PolicyAction } from '../core/lists/policy';
import type { AdminStatus } from '../protocol/admin-messages';

/** What each action does, in the words of docs/admin.md. */
const ACTION_WORDS: Record<ActionKey, { name: string } & Record<PolicyAction, string>> = {
  passwordOnLookalike: {
    name: 'Passwords on look-alike sites',
    warn: 'held until the user decides; they can trust the site',
    block: 'held, with no way to trust the site',
    off: 'not held (the warning stays)',
  },
  unknownVideoPlatform: {
    name: 'Camera and microphone on unknown video sites',
    warn: 'the user is asked first',
    block: 'kept off',
    off: 'allowed without asking',
  },
  trackers: {
    name: 'Trackers on telehealth pages',
    warn: 'named in the toolbar popup, with a caution when the user starts typing',
    block: 'blocked, and what was blocked is named in the toolbar popup',
    off: 'not watched, nothing said',
  },
};

// Types only from core/lists/policy: its values would bring the schema library into this page.
const ACTION_ORDER = Object.keys(ACTION_WORDS) as ActionKey[];

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
      <dl class="actions">
        {ACTION_ORDER.map((key) => (
          <div key={key} data-action={key} data-action-value={status.actions[key]}>
            <dt>{ACTION_WORDS[key].name}</dt>
            <dd>
              <strong>{status.actions[key]}</strong>: {ACTION_WORDS[key][status.actions[key]]}
            </dd>
          </div>
        ))}
      </dl>
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
