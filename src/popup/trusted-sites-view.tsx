import type { Dismissal } from '../protocol/messages';
import { uiMessages } from '../ui-text/ui-messages';

/**
 * The look-alike sites of this tab that the user chose to trust, each with Undo. The
 * findings above stay: trusting a site only stops the page from being interrupted.
 */
export function TrustedSitesView({ dismissals, onUndo, error }: { dismissals: Dismissal[]; onUndo: (host: string) => void; error: string | undefined }) {
  if (dismissals.length === 0 && error === undefined) return null;
  const m = uiMessages();
  return (
    <section aria-label={m.text('trustedSectionLabel')}>
      <h2>{m.text('trustedHeading')}</h2>
      {dismissals.map((dismissal) => (
        <p key={dismissal.host} class="dismissal" data-dismissal={dismissal.host}>
          <span>{m.text('trustedSite', dismissal.host, m.day(dismissal.at), dismissal.target)}</span>{' '}
          <button
            type="button"
            onClick={() => {
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
