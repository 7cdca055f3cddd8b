import { PageAlert } from './alert';
import { askBeforeCamera, showCameraBlocked } from './call-prompt';
import { showChatCaution } from './chat-caution';
import { showTrackerCaution } from './tracker-caution';
import { updateStrengthNote, type StrengthNote } from './strength-note';
import { GuardOverlay } from './guard-overlay';
import type { PageUi, PageUiHost, PromptAnswer } from './page-ui-contract';
import { createWidgetEnv, type WidgetEnvOptions } from './widget-env';
import type { Widget } from './widget-host';

/**
 * Everything a document is shown, sharing one widget state (widget-env): one count of the
 * page's fights for all of them, and one message at a time (the alert makes way for the
 * overlay and the camera prompt). `seams` are for tests.
 */
export function createPageUi(doc: Document, host: PageUiHost, seams: Omit<WidgetEnvOptions, 'onFought'> = {}): PageUi {
  const env = createWidgetEnv(doc, {
    ...seams,
    onFought: () => {
      host.onFought();
    },
  });
  const alert = new PageAlert(env);
  env.widgets.onModalChange(() => {
    host.onModalChange(env.widgets.modalOpen);
  });
  let prompt: Promise<PromptAnswer> | undefined;
  let notice: Widget | undefined;
  let chatCaution: Widget | undefined;
  let trackerCaution: Widget | undefined;
  let strengthNote: StrengthNote | undefined;
  return {
    updateAlert: (verdict) => {
      alert.update(verdict);
    },
    createOverlay: (actions) => new GuardOverlay(doc, actions, { env }),
    // Two camera requests at once get one prompt, and the one answer.
    askBeforeCamera: (verdict, activity) =>
      (prompt ??= askBeforeCamera(env, verdict, activity).finally(() => {
        prompt = undefined;
      })),
    showCameraBlocked: (verdict) => {
      notice?.close();
      notice = showCameraBlocked(env, verdict);
    },
    suspendAlert: (suspended) => {
      alert.suspend(suspended);
    },
    showChatCaution: (provider) => {
      if (provider.length === 0 || provider.length >= 100 || chatCaution?.open === true) return;
      chatCaution = showChatCaution(env, provider);
    },
    showTrackerCaution: (receivers) => {
      // Names as the background gives them; anything else (none, too many, too long) is no caution.
      if (receivers.length === 0 || receivers.length > 20 || receivers.some((name) => name.length === 0 || name.length >= 120) || trackerCaution?.open === true) return;
      trackerCaution = showTrackerCaution(env, receivers);
    },
    showPasswordStrength: (field, strength) => {
      strengthNote = updateStrengthNote(env, strengthNote, field, strength);
    },
    // Only the user's own keys: a page's forged Escape closes nothing.
    handleKey: (event) => env.isTrusted(event) && env.widgets.handleKey(event),
  };
}
