import { useCallback, useEffect, useState } from 'preact/hooks';
import { lookalikeHosts } from '../core/trusted-sites';
import type { Dismissal, TabState } from '../protocol/messages';
import type { SendMessage } from '../protocol/send';
import { AdminNote } from './admin-note';
import { TrustedSitesView } from './trusted-sites-view';
import { CallView } from './call-view';
import { VerdictView } from './verdict-view';

type Load = { status: 'loading' } | { status: 'ready'; state: TabState | null } | { status: 'failed'; error: string };

/** Asks the background for the tab's state; the popup itself decides nothing. */
export function PopupApp({ tabId, send }: { tabId: number | undefined; send: SendMessage }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [dismissals, setDismissals] = useState<Dismissal[]>([]);
  const [undoError, setUndoError] = useState<string | undefined>(undefined);

  useEffect(() => {
    if (tabId === undefined) {
      setLoad({ status: 'failed', error: 'No tab to show.' });
      return;
    }
    void send({ type: 'get-tab-state', tabId }).then((reply) => {
      setLoad(reply.ok ? { status: 'ready', state: reply.value } : { status: 'failed', error: reply.error });
    });
  }, [tabId, send]);

  const loadDismissals = useCallback(async () => {
    const reply = await send({ type: 'list-dismissals' });
    // Without the list the popup still shows the verdict; it just can't offer Undo.
    if (reply.ok) setDismissals(reply.value);
  }, [send]);

  useEffect(() => {
    void loadDismissals();
  }, [loadDismissals]);

  const undo = useCallback(
    (host: string) => {
      void (async () => {
        const reply = await send({ type: 'undo-dismissal', host });
        setUndoError(reply.ok ? undefined : reply.error);
        await loadDismissals();
      })();
    },
    [send, loadDismissals],
  );

  if (load.status === 'loading') return <p class="empty">Checking this tab…</p>;
  if (load.status === 'failed') return <p class="empty" role="alert">Telehealth Guard could not read this tab: {load.error}</p>;
  // Not a risk level of the contract's, so no data-risk-level: nothing was judged here.
  if (!load.state) return <p class="empty" data-unsupported="">Telehealth Guard checks web pages (http and https) only.</p>;
  const hosts = lookalikeHosts(load.state.verdict);
  return (
    <>
      <VerdictView verdict={load.state.verdict} />
      <CallView verdict={load.state.verdict} call={load.state.call} />
      <TrustedSitesView dismissals={dismissals.filter((d) => hosts.includes(d.host))} onUndo={undo} error={undoError} />
      {load.state.signals?.incomplete ? (
        <p class="empty" data-incomplete="">
          Parts of this page could not be read (pages can be built to hide things); the verdict uses the rest.
        </p>
      ) : null}
      <footer>
        {load.state.signals ? 'Checked the address and the page.' : 'Checked the address; the page has not reported yet.'}
      </footer>
      <AdminNote send={send} />
    </>
  );
}
