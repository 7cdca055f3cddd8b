import { useEffect, useState } from 'preact/hooks';
import { ownLookalike } from '../core/findings/guard-target';
import type { TabState } from '../protocol/messages';
import { VerdictView } from '../popup/verdict-view';

type Load = { status: 'loading' } | { status: 'ready'; state: TabState | null } | { status: 'failed'; error: string };

/**
 * The extension's own warning page, in place of a page that kept removing or covering its
 * warning (background/warning-page). It names the real site where the page imitates one,
 * offers to go there, and shows the replaced page's verdict as the popup does. There is no
 * way back to the page from here: a page that fights its warning has said what it is.
 */
export function WarningApp({ load, onClose }: { load: () => Promise<TabState | null>; onClose: () => void }) {
  const [state, setState] = useState<Load>({ status: 'loading' });
  useEffect(() => {
    load().then(
      (loaded) => {
        setState({ status: 'ready', state: loaded });
      },
      (error: unknown) => {
        setState({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
      },
    );
  }, [load]);

  if (state.status === 'loading') return <p class="empty">Loading…</p>;
  const replaced = state.status === 'ready' ? state.state : null;
  const lookalike = replaced ? ownLookalike(replaced.verdict) : undefined;
  return (
    <>
      <section class="why-replaced" aria-label="Why this page">
        <h1>Telehealth Guard stopped this page</h1>
        <p>
          {replaced ? replaced.verdict.host : 'The page'} kept removing or covering Telehealth Guard's warning. Pages built to steal
          passwords and health details do that, so Telehealth Guard put this page in its place.
        </p>
        {lookalike ? (
          <p>
            It is a look-alike of <strong>{lookalike.target}</strong> ({lookalike.targetName}). If you meant to go there, use the button
            below or type the address yourself.
          </p>
        ) : null}
        <p>Wrong warning? Tell your clinic, and include the address above.</p>
      </section>
      <nav class="ways-out" aria-label="Ways out">
        {lookalike ? (
          <a class="go" href={`https://${lookalike.target}/`}>
            Go to {lookalike.target}
          </a>
        ) : null}
        <button type="button" onClick={onClose}>
          Close this tab
        </button>
      </nav>
      {replaced ? <VerdictView verdict={replaced.verdict} /> : null}
      {state.status === 'failed' ? (
        <p class="empty" role="alert">
          The details of the page are not available: {state.error}
        </p>
      ) : null}
    </>
  );
}
