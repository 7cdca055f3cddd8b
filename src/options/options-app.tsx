import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AdminStatus } from '../protocol/admin-messages';
import type { ExtensionPageMessage, Reply } from '../protocol/messages';
import { PolicySection } from './policy-section';
import { RemoteListSection } from './remote-list-section';
import { UserListSection } from './user-list-section';

export type SendMessage = (message: ExtensionPageMessage) => Promise<unknown>;

/** Sends one message whose answer is the admin status; a refusal comes back as its message. */
export type Act = (message: ExtensionPageMessage) => Promise<string | undefined>;

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
      try {
        const reply = (await send(message)) as Reply<AdminStatus> | undefined;
        if (!reply) return 'the background did not answer';
        if (!reply.ok) return reply.error;
        setStatus(reply.value);
        return undefined;
      } catch (failure) {
        return failure instanceof Error ? failure.message : String(failure);
      }
    },
    [send],
  );

  useEffect(() => {
    void act({ type: 'get-admin-status' }).then(setError);
  }, [act]);

  if (error !== undefined) return <p role="alert">Telehealth Guard could not read its settings: {error}</p>;
  if (!status) return <p>Loading…</p>;
  return (
    <>
      <h1>Telehealth Guard</h1>
      <PolicySection status={status} />
      <RemoteListSection status={status} act={act} />
      <UserListSection status={status} act={act} />
    </>
  );
}
