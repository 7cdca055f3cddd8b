import { useEffect, useState } from 'preact/hooks';
import { ownLookalike } from '../core/findings/guard-target';
import type { TabState } from '../protocol/messages';
import { VerdictView } from '../popup/verdict-view';
import { uiMessages } from '../ui-text/ui-messages';
import { SUBSTITUTION_MARK } from '../core/i18n/messages';

/** Stands in the sentence for the real address, which is then shown in bold where the language put it. */
const MARK = SUBSTITUTION_MARK;

function withStrongTarget(sentence: string, target: string) {
  const [before = '', after = ''] = sentence.split(MARK);
  return (
    <>
      {before}
      <strong>{target}</strong>
      {after}
    </>
  );
}

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

  const m = uiMessages();
  if (state.status === 'loading') return <p class="empty">{m.text('loading')}</p>;
  const replaced = state.status === 'ready' ? state.state : null;
  const lookalike = replaced ? ownLookalike(replaced.verdict) : undefined;
  return (
    <>
      <section class="why-replaced" aria-label={m.text('warningWhyLabel')}>
        <h1>{m.text('warningHeading')}</h1>
        <p>{replaced ? m.text('warningWhyHost', replaced.verdict.host) : m.text('warningWhy')}</p>
        {lookalike ? <p>{withStrongTarget(m.text('warningLookalike', MARK, lookalike.targetName), lookalike.target)}</p> : null}
        <p>{m.text('warningWrong')}</p>
      </section>
      <nav class="ways-out" aria-label={m.text('warningWaysOutLabel')}>
        {lookalike ? (
          <a class="go" href={`https://${lookalike.target}/`}>
            {m.text('goTo', lookalike.target)}
          </a>
        ) : null}
        <button type="button" onClick={onClose}>
          {m.text('closeTab')}
        </button>
      </nav>
      {replaced ? <VerdictView verdict={replaced.verdict} /> : null}
      {state.status === 'failed' ? (
        <p class="empty" role="alert">
          {m.text('warningDetailsUnavailable', state.error)}
        </p>
      ) : null}
    </>
  );
}
