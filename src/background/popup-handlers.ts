import type { z } from 'zod';
import { lookalikeHosts } from '../core/findings/trusted-sites';
import type { Dismissal, PopupView, popupViewRequestSchema, TabState } from '../protocol/messages';

export interface PopupHandlerDeps {
  /** The tab's state as `get-tab-state` answers it (for the warning page, the page it replaced). */
  tabState: (tabId: number) => Promise<TabState | null>;
  /** The look-alike sites the user chose to trust, newest first (dismissal-store). */
  listDismissals: () => Promise<Dismissal[]>;
}

/**
 * The popup's messages (protocol/messages' `get-popup-view`). The popup decides nothing and
 * loads no list: which of the user's trusted sites belong to this tab takes the lookalike
 * engine's findings, so the answer carries them, worked out here.
 */
export function popupPageHandlers({ tabState, listDismissals }: PopupHandlerDeps): {
  'get-popup-view': (message: z.infer<typeof popupViewRequestSchema>) => Promise<PopupView>;
} {
  return {
    'get-popup-view': async ({ tabId }) => {
      const [state, dismissals] = await Promise.all([
        tabState(tabId),
        // Without the list the popup still shows the verdict; it just can't offer Undo.
        listDismissals().catch((error: unknown) => {
          console.warn('Telehealth Guard: the popup gets no trusted sites:', error);
          return [];
        }),
      ]);
      const hosts = new Set(state ? lookalikeHosts(state.verdict) : []);
      return { state, trusted: dismissals.filter((dismissal) => hosts.has(dismissal.host)) };
    },
  };
}
