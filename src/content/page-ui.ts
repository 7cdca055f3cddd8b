/**
 * The content script's page UI (see page-ui-contract): injected by the background into the
 * content script's world of a document the first time it has something to show there. Safe
 * to inject twice: the first copy stays.
 */
import { PageAlert } from './alert';
import { askBeforeCamera, showCameraBlocked } from './call-prompt';
import { showChatCaution } from './chat-caution';
import { GuardOverlay } from './guard-overlay';
import { loadedPageUi, PAGE_UI_KEY, type PageUi } from './page-ui-contract';

function createPageUi(doc: Document): PageUi {
  const alert = new PageAlert(doc);
  return {
    updateAlert: (verdict) => {
      alert.update(verdict);
    },
    createOverlay: (actions, isTrusted) => new GuardOverlay(doc, actions, isTrusted),
    askBeforeCamera: (verdict, activity) => askBeforeCamera(doc, verdict, activity),
    showCameraBlocked: (verdict) => {
      showCameraBlocked(doc, verdict);
    },
    showChatCaution: (provider) => {
      if (provider.length > 0 && provider.length < 100) showChatCaution(doc, provider);
    },
  };
}

if (!loadedPageUi()) (globalThis as Record<string, unknown>)[PAGE_UI_KEY] = createPageUi(document);
