/**
 * The password watch (password-watch.ts) as a script of its own, injected by the background
 * into a document at the user's first key there, where there is something to watch (a sign-in
 * site, or another platform's password protected): it only puts its factory on this world's
 * global. Safe to inject twice: the first copy stays.
 */
import { defineOwnGlobal } from '../extension-api/own-global';
import type { PasswordMode } from '../protocol/messages';
import { createPasswordWatch } from './password-watch';
import { PASSWORD_WATCH_KEY, passwordWatchFactory, type PasswordWatchFactory, type PasswordWatchHost } from './password-watch-contract';
import { passwordRater } from './password-rater-contract';

/** The watch's dealings with the background and the page UI, through the content script's host. */
function watchDeps(host: PasswordWatchHost): Parameters<typeof createPasswordWatch>[1] {
  /** The new-password rater, asked for once per document at the first new password typed on a sign-in site. */
  let raterReady: Promise<boolean> | undefined;
  return {
    mode: () => host.send<PasswordMode>({ type: 'password-mode' }),
    signIn: (password) => host.send<null>({ type: 'password-sign-in', password }),
    check: async (password, field, formAction) => {
      const changed = await host.send<boolean>({ type: 'password-check', password, field, ...(formAction !== undefined ? { formAction } : {}) });
      if (changed === true) host.verdictChanged();
    },
    rateNewPassword: (field) => {
      raterReady ??= host.send<boolean>({ type: 'password-rater' }).then((ready) => ready === true && passwordRater() !== undefined, () => false);
      void raterReady.then((ready) => {
        if (!ready) return;
        passwordRater()?.onInput(field, {
          show: (shown, strength) => {
            host.showStrength(shown, strength);
          },
          report: (strength) => host.send<null>({ type: 'password-strength', strength }),
        });
      });
    },
  };
}

const factory: PasswordWatchFactory = { create: (win, host) => createPasswordWatch(win, watchDeps(host)) };
if (!passwordWatchFactory()) defineOwnGlobal(globalThis, PASSWORD_WATCH_KEY, factory);
