import type { Strength } from '../core/passwords/strength';
import { ownGlobal } from '../extension-api/own-global';
import type { ContentMessage } from '../protocol/messages';
import type { PasswordWatch } from './password-watch';

/** Where the injected password watch (password-watch-entry) puts its factory on its world's global. */
export const PASSWORD_WATCH_KEY = 'telehealthGuardPasswordWatch';

/** What the content script lends the watch: its way to the background, and to the page UI. */
export interface PasswordWatchHost {
  send<T>(message: ContentMessage): Promise<T | undefined>;
  /** The tab's verdict has a new password finding: the top frame shows it. */
  verdictChanged(): void;
  showStrength(field: HTMLInputElement, strength: Strength | null): void;
}

export interface PasswordWatchFactory {
  create(win: Window, host: PasswordWatchHost): PasswordWatch;
}

export function passwordWatchFactory(scope: object = globalThis): PasswordWatchFactory | undefined {
  return ownGlobal(scope, PASSWORD_WATCH_KEY) as PasswordWatchFactory | undefined;
}
