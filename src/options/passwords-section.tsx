import { useRef, useState } from 'preact/hooks';
import { useFocusAfterRemoval } from '../pages/focus-after-removal';
import type { AdminStatus } from '../protocol/admin-messages';
import { formatTime } from './format-time';
import type { Act } from './options-app';

/**
 * Password protection: whether the clinic has it on, its own sign-in domains, and the
 * platforms whose password is protected (a fingerprint kept in this browser only), each with
 * the date it was last signed in with, to forget one or all.
 */
export function PasswordsSection({ status, act }: { status: AdminStatus; act: Act }) {
  const [error, setError] = useState<string | undefined>(undefined);
  const { protection, signInDomains, protected: platforms } = status.passwords;
  const section = useRef<HTMLElement>(null);
  // Forget all, or the last one forgotten: the section's heading, where the "none" line follows.
  const removed = useFocusAfterRemoval(
    () => [...(section.current?.querySelectorAll<HTMLElement>('[data-protected] button') ?? [])],
    () => section.current?.querySelector('h2'),
  );
  const forget = (domain?: string, index = 0): void => {
    removed(index);
    void act(domain === undefined ? { type: 'forget-protected-password' } : { type: 'forget-protected-password', domain }).then(setError);
  };
  return (
    <section ref={section} aria-label="Password protection" data-passwords="" data-password-protection={protection}>
      <h2 tabIndex={-1}>Password protection</h2>
      {protection === 'off' ? (
        <p data-protection-off="">Your clinic has turned password protection off: Telehealth Guard reads no password field.</p>
      ) : (
        <p>
          When you sign in to a verified telemedicine service, Telehealth Guard keeps a fingerprint of that password in this browser (never the
          password, never sent anywhere), and warns you if you type it on another site. It also tells you when a new password is easy to guess.
        </p>
      )}
      {signInDomains.length > 0 ? (
        <p data-sign-in-domains={signInDomains.join(' ')}>Your clinic's own sign-in pages are protected too: {signInDomains.join(', ')}.</p>
      ) : null}
      {platforms.length > 0 ? (
        <>
          <ul>
            {platforms.map((platform, index) => (
              <li key={platform.domain} data-protected={platform.domain}>
                {platform.name} ({platform.domain}), since you signed in on {formatTime(platform.at)}{' '}
                <button
                  type="button"
                  onClick={() => {
                    forget(platform.domain, index);
                  }}
                >
                  Forget
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
            Forget all
          </button>
        </>
      ) : (
        <p data-protected-none="">No password is protected yet: sign in to your telemedicine service to protect its password.</p>
      )}
      {error !== undefined ? <p role="alert">Could not forget it: {error}.</p> : null}
    </section>
  );
}
