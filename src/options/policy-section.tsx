import type { ActionKey, PolicyAction } from '../core/lists/policy';
import type { AdminStatus } from '../protocol/admin-messages';
import type { MessageKey } from '../core/i18n/messages';
import { uiMessages } from '../ui-text/ui-messages';
import { problemText } from '../ui-text/problem-text';
import { SOURCE_NAMES } from '../ui-text/source-names';

/** What each action does, in the words of docs/admin.md: the setting's name, then each value's meaning. */
const ACTION_WORDS: Record<ActionKey, { name: MessageKey } & Record<PolicyAction, MessageKey>> = {
  passwordOnLookalike: { name: 'actionPasswordName', warn: 'actionPasswordWarn', block: 'actionPasswordBlock', off: 'actionPasswordOff' },
  unknownVideoPlatform: { name: 'actionCameraName', warn: 'actionCameraWarn', block: 'actionCameraBlock', off: 'actionCameraOff' },
  trackers: { name: 'actionTrackersName', warn: 'actionTrackersWarn', block: 'actionTrackersBlock', off: 'actionTrackersOff' },
};

/** A setting's value in words ("Warn"); the raw value stays in `data-action-value`. */
const ACTION_VALUE_WORDS: Record<PolicyAction, MessageKey> = { warn: 'adminActionValueWarn', block: 'adminActionValueBlock', off: 'adminActionValueOff' };

// Types only from core/lists/policy: its values would bring the schema library into this page.
const ACTION_ORDER = Object.keys(ACTION_WORDS) as ActionKey[];


/** Who manages the extension, which lists are in force, and every policy value that could not be used. */
export function PolicySection({ status }: { status: AdminStatus }) {
  const { problems } = status;
  const m = uiMessages();
  // "A, then B, then C": each list after the one before it, which it overrides.
  const names = status.sources.map((source) => m.text(SOURCE_NAMES[source]));
  const inOrder = names.length > 0 ? names.reduce((earlier, later) => m.text('sourceThen', earlier, later)) : m.text('sourceCatalog');
  return (
    <section aria-label={m.text('policyHeading')} data-policy="">
      <h2>{m.text('policyHeading')}</h2>
      {status.managed ? (
        <p data-managed-by={status.clinicName ?? ''}>
          {status.clinicName !== undefined ? m.text('managedBy', status.clinicName) : m.text('managedByYourClinic')}
          {status.supportContact !== undefined ? (
            <>
              {` · ${m.text('contactLabel')} `}
              {status.supportHref !== undefined ? <a href={status.supportHref}>{status.supportContact}</a> : status.supportContact}
            </>
          ) : null}
          .
        </p>
      ) : (
        <p>{m.text('policyNone')}</p>
      )}
      <p data-sources={status.sources.join(' ')}>
        {m.text('policySources', inOrder)}
      </p>
      {status.policyDomains.length > 0 ? <p>{m.text('policyDomains', m.list(status.policyDomains))}</p> : null}
      <dl class="actions">
        {ACTION_ORDER.map((key) => (
          <div key={key} data-action={key} data-action-value={status.actions[key]}>
            <dt>{m.text(ACTION_WORDS[key].name)}</dt>
            <dd>
              <strong>{m.text(ACTION_VALUE_WORDS[status.actions[key]])}</strong>: {m.text(ACTION_WORDS[key][status.actions[key]])}
            </dd>
          </div>
        ))}
      </dl>
      {problems.length > 0 ? (
        <div role="status">
          <p>{m.count('policyValuesUnused', problems.length)}</p>
          <ul>
            {problems.map((problem, index) => (
              <li key={`${problem.path}-${index}`} data-policy-problem={problem.path}>
                <code>{problem.path}</code>: {problemText(problem, m)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
