import { useRef, useState } from 'preact/hooks';
import { useFocusAfterRemoval } from '../pages/focus-after-removal';
import { isStorageQuotaError, storageFullMessage } from '../core/storage-full';
import type { AdminStatus } from '../protocol/admin-messages';
import type { Act, Refusal } from './options-app';
import type { Messages } from '../core/i18n/messages';
import { uiMessages } from '../ui-text/ui-messages';

/**
 * A refusal as the page shows it: of the site typed (`site`), or of a removal (`site` is '').
 * A full storage is no refusal of the site: it gets its own plain sentence, also when the
 * browser's raw quota wording comes through.
 */
function refusalText({ error, reason }: Refusal, site: string, m: Messages): string {
  if (reason === 'storage-full') return error;
  if (isStorageQuotaError(error)) return storageFullMessage(site, m);
  return m.text(site === '' ? 'notRemoved' : 'notAdded', error);
}

/**
 * The user's own verified sites: add a domain, remove one. When the clinic locks this list
 * the controls are off and the page says why, and sites already added are shown as not counted.
 */
export function UserListSection({ status, act }: { status: AdminStatus; act: Act }) {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const { locked, domains } = status.user;
  const m = uiMessages();
  const section = useRef<HTMLElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const removed = useFocusAfterRemoval(
    () => [...(section.current?.querySelectorAll<HTMLElement>('[data-user-domain] button') ?? [])],
    () => field.current,
  );
  // The refusal is tied to the field (aria-describedby, aria-invalid), so a screen reader says
  // it where the user is: in the field they typed into.
  const errorId = 'user-domain-error';

  const add = async (event: Event): Promise<void> => {
    event.preventDefault();
    const refused = await act({ type: 'add-user-domain', domain: input });
    setError(refused && refusalText(refused, input.trim(), m));
    if (refused === undefined) setInput('');
  };

  return (
    <section ref={section} aria-label={m.text('userListHeading')} data-user-allowlist="" data-locked={locked ? 'true' : 'false'}>
      <h2>{m.text('userListHeading')}</h2>
      {locked ? (
        <p data-locked-note="">{m.text('userListLocked')}</p>
      ) : (
        <p>{m.text('userListExplained')}</p>
      )}
      <form onSubmit={(event) => void add(event)}>
        <label>
          {m.text('siteLabel')}{' '}
          <input
            ref={field}
            name="domain"
            value={input}
            aria-invalid={error !== undefined ? 'true' : undefined}
            aria-describedby={error !== undefined ? errorId : undefined}
            disabled={locked}
            placeholder="visit.example-clinic.org"
            onInput={(event) => {
              setInput(event.currentTarget.value);
            }}
          />
        </label>{' '}
        <button type="submit" disabled={locked || input.trim() === ''}>
          {m.text('addButton')}
        </button>
      </form>
      {error !== undefined ? (
        <p id={errorId} role="alert">
          {error}
        </p>
      ) : null}
      {domains.length > 0 ? (
        <ul>
          {domains.map((item, index) => (
            <li key={item.domain} data-user-domain={item.domain} data-counted={item.counted ? 'true' : 'false'}>
              {item.domain}
              {item.note !== undefined ? ` ${m.text('notCounted', item.note)}` : ''}{' '}
              <button type="button" disabled={locked} onClick={() => {
                  removed(index);
                  void act({ type: 'remove-user-domain', domain: item.domain }).then((refused) => {
                    setError(refused && refusalText(refused, '', m));
                  });
                }}
              >
                {m.text('removeButton')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
