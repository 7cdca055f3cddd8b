import { useState } from 'preact/hooks';
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
  const forget = (domain?: string): void => {
    void act(domain === undefined ? { type: 'forget-protected-password' } : { type: 'forget-protected-password', domain }).then(setError);
  };
  return (
    <section aria-label="Password protection" data-passwords="" data-password-protection={protection}>
      <h2>Password protection</h2>
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
            {platforms.map((platform) => (
              <li key={platform.domain} data-protected={platform.domain}>
                {platform.name} ({platform.domain}), since you signed in on {formatTime(platform.at)}{' '}
                <button
                  type="button"
                  onClick={() => {
                    forget(platform.domain);
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
