import type { AdminStatus } from '../protocol/admin-messages';
import type { ExtensionPageMessage } from '../protocol/messages';
import { checkUserDomain } from '../core/lists/user-domain';
import { getAdminAllowlist, getPolicy } from './allowlist-state';
import { adminStatus } from './admin-status';
import { reloadUserAdditions } from './list-inputs';
import { refreshRemoteListNow } from './remote-refresh';
import { addUserDomain, removeUserDomain } from './user-additions';
import { forgetProtected } from './protected-password-store';
import { refusalWords } from './user-domain-words';
import { uiMessages } from '../ui-text/ui-messages';

type Handler<T extends ExtensionPageMessage['type']> = (message: Extract<ExtensionPageMessage, { type: T }>) => Promise<AdminStatus>;

/**
 * The options page's and popup's admin messages (protocol/admin-messages). A refused change
 * throws: the router turns it into `{ok: false, error}`, which the page shows as it is (a
 * refused site in the browser's language, user-domain-words).
 */
export const adminPageHandlers: {
  'get-admin-status': Handler<'get-admin-status'>;
  'refresh-remote-list': Handler<'refresh-remote-list'>;
  'add-user-domain': Handler<'add-user-domain'>;
  'remove-user-domain': Handler<'remove-user-domain'>;
  'forget-protected-password': Handler<'forget-protected-password'>;
} = {
  'get-admin-status': () => adminStatus(),
  'refresh-remote-list': async () => {
    if (getPolicy().policy.remoteAllowlistUrl === undefined) throw new Error('no remote list is set in the policy');
    await refreshRemoteListNow();
    return adminStatus();
  },
  'add-user-domain': async ({ domain }) => {
    if (getPolicy().policy.lockUserAllowlist) throw new Error(uiMessages().text('adminRefusedLocked'));
    const check = checkUserDomain(domain, getAdminAllowlist());
    if (!check.ok) throw new Error(refusalWords(check.refusal, uiMessages()));
    await addUserDomain(check.domain);
    await reloadUserAdditions();
    return adminStatus();
  },
  'remove-user-domain': async ({ domain }) => {
    await removeUserDomain(domain);
    await reloadUserAdditions();
    return adminStatus();
  },
  'forget-protected-password': async ({ domain }) => {
    await forgetProtected(domain);
    return adminStatus();
  },
};
