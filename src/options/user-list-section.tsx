import { useRef, useState } from 'preact/hooks';
import { useFocusAfterRemoval } from '../pages/focus-after-removal';
import { isStorageFullMessage, isStorageQuotaError, storageFullMessage } from '../core/storage-full';
import type { AdminStatus } from '../protocol/admin-messages';
import type { Act } from './options-app';

/**
 * A refusal as the page shows it. A full storage is no refusal of the site: it gets its own
 * plain sentence, also when the browser's raw quota wording comes through.
 */
function refusalText(error: string, input: string): string {
  if (isStorageFullMessage(error)) return error;
  if (isStorageQuotaError(error)) return storageFullMessage(input.trim() === '' ? 'your change' : input.trim());
  return `Not added: ${error}.`;
}

/**
 * The user's own verified sites: add a domain, remove one. When the clinic locks this list
 * the controls are off and the page says why, and sites already added are shown as not counted.
 */
export function UserListSection({ status, act }: { status: AdminStatus; act: Act }) {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const { locked, domains } = status.user;
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
    setError(refused);
    if (refused === undefined) setInput('');
  };

  return (
    <section ref={section} aria-label="Your own verified sites" data-user-allowlist="" data-locked={locked ? 'true' : 'false'}>
      <h2>Your own verified sites</h2>
      {locked ? (
        <p data-locked-note="">
          Your clinic manages the list of verified sites: sites you add here are not counted. Ask your clinic's IT team to add a site.
        </p>
      ) : (
        <p>Add your clinic's own site if Telehealth Guard does not know it. Only add addresses your provider gave you.</p>
      )}
      <form onSubmit={(event) => void add(event)}>
        <label>
          Site{' '}
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
          Add
        </button>
      </form>
      {error !== undefined ? (
        <p id={errorId} role="alert">
          {refusalText(error, input)}
        </p>
      ) : null}
      {domains.length > 0 ? (
        <ul>
          {domains.map((item, index) => (
            <li key={item.domain} data-user-domain={item.domain} data-counted={item.counted ? 'true' : 'false'}>
              {item.domain}
              {item.note !== undefined ? ` (not counted: ${item.note})` : ''}{' '}
              <button type="button" disabled={locked} onClick={() => {
                  removed(index);
                  void act({ type: 'remove-user-domain', domain: item.domain }).then(setError);
                }}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
