/**
 * The new-password rater (password-rater-contract), its tips in the UI language, injected by the background where a
 * verified platform's sign-up or change-password form is: it only puts the rater on this
 * world's global. Safe to inject twice: the first copy stays.
 */
import { defineOwnGlobal } from '../extension-api/own-global';
import { ratePassword } from '../core/passwords/strength';
import { STRONG_ENOUGH } from '../core/passwords/strength-levels';
import { passwordRater, RATER_KEY, type PasswordRater } from './password-rater-contract';
import { uiMessages } from '../ui-text/ui-messages';

/** How long typing pauses before a new password is rated: a rating takes a few ms of the page's main thread. */
const RATE_AFTER_MS = 150;

/** Words a guesser tries first on this site: its name's labels and the name run together ("doxy", "doxyme"). */
function siteWords(): string[] {
  const labels = location.hostname.split('.').filter((label) => label !== 'www');
  return [...labels.filter((label) => label.length > 2), labels.slice(-2).join('')];
}

let timer: ReturnType<typeof setTimeout> | undefined;
/** What the background was last told, so a key that changes nothing sends nothing. */
let reported = 'null';

const rater: PasswordRater = {
  onInput(field, outlets) {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const password = field.value;
      const rated = password === '' ? null : ratePassword(password, siteWords(), uiMessages());
      const weak = rated !== null && rated.score < STRONG_ENOUGH ? rated : null;
      outlets.show(field, weak);
      const report = JSON.stringify(weak);
      if (report === reported) return;
      reported = report;
      void outlets.report(weak).catch(() => undefined);
    }, RATE_AFTER_MS);
  },
};
if (!passwordRater()) defineOwnGlobal(globalThis, RATER_KEY, rater);
