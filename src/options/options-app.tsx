import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AdminReplyTypes, AdminStatus } from '../protocol/admin-messages';
import type { Reply } from '../protocol/messages';
import type { PageMessageOf, SendMessage } from '../protocol/send';
import { PasswordsSection } from './passwords-section';
import { PolicySection } from './policy-section';
import { RemoteListSection } from './remote-list-section';
import { UserListSection } from './user-list-section';
import { uiMessages } from '../ui-text/ui-messages';

/** The messages the background answers with the admin status (protocol/admin-messages). */
export type AdminMessage = PageMessageOf<keyof AdminReplyTypes>;

/** A refusal: its message, and why where the page acts on it. */
export type Refusal = Extract<Reply<unknown>, { ok: false }>;

/** Sends one message whose answer is the admin status; a refusal comes back as it is. */
export type Act = (message: AdminMessage) => Promise<Refusal | undefined>;

/**
 * The options page: the clinic's policy as the extension reads it (with each problem), the
 * signed remote list's state, and the user's own list. Like the popup it decides nothing:
 * the background answers every message with the new status.
 */
export function OptionsApp({ send }: { send: SendMessage }) {
  const [status, setStatus] = useState<AdminStatus | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  const act: Act = useCallback(
    async (message) => {
      const reply = await send(message);
      if (!reply.ok) return reply;
      setStatus(reply.value);
      return undefined;
    },
    [send],
  );

  useEffect(() => {
    void act({ type: 'get-admin-status' }).then((refusal) => {
      setError(refusal?.error);
    });
  }, [act]);

  const m = uiMessages();
  if (error !== undefined) return (
      <p role="alert" data-error={error}>
        {m.text('adminCouldNotReadSettings')}
      </p>
    );
  if (!status) return <p>{m.text('loading')}</p>;
  return (
    <>
      <h1>{m.text('extensionName')}</h1>
      <PolicySection status={status} />
      <RemoteListSection status={status} act={act} />
      <UserListSection status={status} act={act} />
      <PasswordsSection status={status} act={act} />
    </>
  );
}
