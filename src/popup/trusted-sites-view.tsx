import { useRef } from 'preact/hooks';
import { useFocusAfterRemoval } from '../pages/focus-after-removal';
import type { Dismissal } from '../protocol/messages';

function formatDate(at: number): string {
  return new Date(at).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
}

/**
 * The look-alike sites of this tab that the user chose to trust, each with Undo. The
 * findings above stay: trusting a site only stops the page from being interrupted.
 */
export function TrustedSitesView({ dismissals, onUndo, error }: { dismissals: Dismissal[]; onUndo: (host: string) => void; error: string | undefined }) {
  const section = useRef<HTMLElement>(null);
  // After Undo: the next Undo, or with none left (the section goes) the popup's heading.
  const removed = useFocusAfterRemoval(
    () => [...(section.current?.querySelectorAll<HTMLElement>('[data-dismissal] button') ?? [])],
    () => document.querySelector<HTMLElement>('header h1'),
  );
  if (dismissals.length === 0 && error === undefined) return null;
  return (
    <section ref={section} aria-label="Sites you trust">
      <h2>Trusted by you</h2>
      {dismissals.map((dismissal, index) => (
        <p key={dismissal.host} class="dismissal" data-dismissal={dismissal.host}>
          <span>
            You chose to trust {dismissal.host} on {formatDate(dismissal.at)}. Telehealth Guard no longer stops you from typing a
            password there, though it is not {dismissal.target}.
          </span>{' '}
          <button
            type="button"
            onClick={() => {
              removed(index);
              onUndo(dismissal.host);
            }}
          >
            Undo
          </button>
        </p>
      ))}
      {error !== undefined ? <p role="alert">Could not undo: {error}</p> : null}
    </section>
  );
}
