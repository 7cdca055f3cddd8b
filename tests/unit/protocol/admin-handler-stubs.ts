import type { AdminStatus } from '../../../src/protocol/admin-messages';

/** The admin pages' handlers, answering an empty status: for router tests about other messages. */
const status: AdminStatus = {
  managed: false,
  problems: [],
  allowlistMode: 'add',
  sources: ['catalog'],
  policyDomains: [], actions: { passwordOnLookalike: 'warn', unknownVideoPlatform: 'warn', trackers: 'warn' },
  remote: {},
  user: { locked: false, domains: [] },
  passwords: { protection: 'on', signInDomains: [], protected: [] },
};
const answer = (): Promise<AdminStatus> => Promise.resolve(status);

export const adminHandlerStubs = {
  'get-admin-status': answer,
  'refresh-remote-list': answer,
  'add-user-domain': answer,
  'remove-user-domain': answer,
  'forget-protected-password': answer,
};
