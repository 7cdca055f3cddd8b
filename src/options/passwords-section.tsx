import { useRef, useState } from 'preact/hooks';
import { useFocusAfterRemoval } from '../pages/focus-after-removal';
import type { AdminStatus } from '../protocol/admin-messages';
import { formatTime } from './format-time';
import type { Act } from './options-app';
import { uiMessages } from '../ui-text/ui-messages';

/**
 * Password protection: whether the clinic has it on, its own sign-in domains, and the
 * platforms whose password is protected (a fingerprint kept in this browser only), each with
 * the date it was last signed in with, to forget one or all.
 */
export function PasswordsSection({ status, act }: { status: AdminStatus; act: Act }) {
  const [error, setError] = useState<string | undefined>(undefined);
  const { protection, signInDomains, protected: platforms } = status.passwords;
  const m = uiMessages();
  const section = useRef<HTMLElement>(null);
  // Forget all, or the last one forgotten: the section's heading, where the "none" line follows.
  const removed = useFocusAfterRemoval(
    () => [...(section.current?.querySelectorAll<HTMLElement>('[data-protected] button') ?? [])],
    () => section.current?.querySelector('h2'),
  );
  const forget = (domain?: string, index = 0): void => {
    removed(index);
    void act(domain === undefined ? { type: 'forget-protected-password' } : { type: 'forget-protected-password', domain }).then((refusal) => {
      setError(refusal?.error);
    });
  };
  return (
    <section ref={section} aria-label={m.text('passwordsHeading')} data-passwords="" data-password-protection={protection}>
      <h2 tabIndex={-1}>{m.text('passwordsHeading')}</h2>
      {protection === 'off' ? (
        <p data-protection-off="">{m.text('passwordsOff')}</p>
      ) : (
        <p>{m.text('passwordsExplained')}</p>
      )}
      {signInDomains.length > 0 ? (
        <p data-sign-in-domains={signInDomains.join(' ')}>{m.text('passwordsSignInDomains', m.list(signInDomains))}</p>
      ) : null}
      {platforms.length > 0 ? (
        <>
          <ul>
            {platforms.map((platform, index) => (
              <li key={platform.domain} data-protected={platform.domain}>
                {m.text('passwordsProtectedSince', platform.name, platform.domain, formatTime(platform.at, m))}{' '}
                <button
                  type="button"
                  onClick={() => {
                    forget(platform.domain, index);
                  }}
                >
                  {m.text('forgetButton')}
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            data-forget-all=""
            onClick={() => {
              forget();
            }}
          >
            {m.text('forgetAllButton')}
          </button>
        </>
      ) : (
        <p data-protected-none="">{m.text('passwordsNoneYet')}</p>
      )}
      {error !== undefined ? <p role="alert" data-error={error}>
          {m.text('adminForgetFailed')}
        </p> : null}
    </section>
  );
}
