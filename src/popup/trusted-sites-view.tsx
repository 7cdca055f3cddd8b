import { useRef } from 'preact/hooks';
import { useFocusAfterRemoval } from '../pages/focus-after-removal';
import type { Dismissal } from '../protocol/messages';
import { uiMessages } from '../ui-text/ui-messages';

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
  const m = uiMessages();
  return (
    <section ref={section} aria-label={m.text('trustedSectionLabel')}>
      <h2>{m.text('trustedHeading')}</h2>
      {dismissals.map((dismissal, index) => (
        <p key={dismissal.host} class="dismissal" data-dismissal={dismissal.host}>
          <span>{m.text('trustedSite', dismissal.host, m.day(dismissal.at), dismissal.target)}</span>{' '}
          <button
            type="button"
            onClick={() => {
              removed(index);
              onUndo(dismissal.host);
            }}
          >
            {m.text('undoButton')}
          </button>
        </p>
      ))}
      {error !== undefined ? <p role="alert">{m.text('undoFailed', error)}</p> : null}
    </section>
  );
}
