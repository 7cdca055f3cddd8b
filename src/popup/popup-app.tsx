import { useCallback, useLayoutEffect, useState } from 'preact/hooks';
import type { PopupView } from '../protocol/messages';
import type { SendMessage } from '../protocol/send';
import { AdminNote } from './admin-note';
import { TrustedSitesView } from './trusted-sites-view';
import { CallView } from './call-view';
import { VerdictView } from './verdict-view';
import { uiMessages } from '../ui-text/ui-messages';

type Load = { status: 'loading' } | { status: 'ready'; view: PopupView } | { status: 'failed'; error: string };

/**
 * Asks the background what to show for the tab, in one message (`get-popup-view`), and
 * renders it; the popup itself decides nothing. It loads no list and no lookalike engine:
 * which trusted sites belong to this tab comes worked out in the answer.
 */
export function PopupApp({ tabId, send }: { tabId: number | undefined; send: SendMessage }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [undoError, setUndoError] = useState<string | undefined>(undefined);

  // A layout effect runs as the first render is committed, where a plain effect would wait for
  // the next frame: the question the verdict waits on goes out at once.
  useLayoutEffect(() => {
    if (tabId === undefined) {
      setLoad({ status: 'failed', error: uiMessages().text('noTabToShow') });
      return;
    }
    void send({ type: 'get-popup-view', tabId }).then((reply) => {
      setLoad(reply.ok ? { status: 'ready', view: reply.value } : { status: 'failed', error: reply.error });
    });
  }, [tabId, send]);

  const undo = useCallback(
    (host: string) => {
      void (async () => {
        const reply = await send({ type: 'undo-dismissal', host });
        setUndoError(reply.ok ? undefined : reply.error);
        if (tabId === undefined) return;
        // The sites trusted here, asked again; should that fail, the verdict shown stays.
        const again = await send({ type: 'get-popup-view', tabId });
        if (again.ok) setLoad({ status: 'ready', view: again.value });
      })();
    },
    [send, tabId],
  );

  const m = uiMessages();
  if (load.status === 'loading') return <p class="empty">{m.text('checkingTab')}</p>;
  if (load.status === 'failed') return <p class="empty" role="alert">{m.text('couldNotReadTab', load.error)}</p>;
  const { state, trusted } = load.view;
  // Not a risk level of the contract's, so no data-risk-level: nothing was judged here.
  if (!state) return <p class="empty" data-unsupported="">{m.text('webPagesOnly')}</p>;
  return (
    <>
      <VerdictView verdict={state.verdict} signals={state.signals} />
      <CallView verdict={state.verdict} call={state.call} />
      <TrustedSitesView dismissals={trusted} onUndo={undo} error={undoError} />
      {state.signals?.incomplete ? (
        <p class="empty" data-incomplete="">
          {m.text('pageIncomplete')}
        </p>
      ) : null}
      <footer data-checked={state.signals ? 'page' : 'address'}>{m.text(state.signals ? 'checkedAddressAndPage' : 'checkedAddressOnly')}</footer>
      <AdminNote send={send} />
    </>
  );
}
