import type { MessageKey } from '../core/i18n/messages';
import type { ListSource } from '../core/lists/allowlist';

/** The message that names each list a site can come from, where a person reads it. */
export const SOURCE_NAMES: Readonly<Record<ListSource, MessageKey>> = { catalog: 'sourceCatalog', policy: 'sourcePolicy', remote: 'sourceRemote', user: 'sourceUser' };
