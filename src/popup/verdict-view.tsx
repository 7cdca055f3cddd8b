import type { Fact } from '../core/lists/allowlist-file';
import type { PlatformSummary, Verdict } from '../core/findings/assess';
import type { PageSignals } from '../core/signals/page-signals';
import { describeFact, explainFinding, headline } from '../core/findings/explain';
import { TrackersView } from './trackers-view';

function FactRow({ label, fact }: { label: string; fact: Fact | undefined }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-fact={label}>
        {describeFact(fact)}
        {fact?.detail ? ` — ${fact.detail}` : ''}
        {fact?.source ? (
          <>
            {' '}
            (<a href={fact.source} target="_blank" rel="noreferrer">source</a>)
          </>
        ) : null}
      </dd>
    </>
  );
}

function PlatformFacts({ platform }: { platform: PlatformSummary }) {
  return (
    <section aria-label="Platform">
      <h2>{platform.name}</h2>
      <dl>
        <dt>Status</dt>
        <dd>{platform.verified ? 'verified for telemedicine' : 'known, not verified for visits'}</dd>
        {platform.category ? (
          <>
            <dt>Kind</dt>
            <dd>{platform.category}</dd>
          </>
        ) : null}
        <FactRow label="End-to-end encryption" fact={platform.facts?.endToEndEncryption} />
        <FactRow label="HIPAA business associate agreement" fact={platform.facts?.hipaaBaa} />
      </dl>
    </section>
  );
}

/**
 * On a verified platform's sign-in page (a password field on it): turn on two-step sign-in
 * where the platform offers it, or that it is always on. Nothing where it is absent or unknown.
 */
function SignInChecklist({ platform }: { platform: PlatformSummary }) {
  const mfa = platform.facts?.mfa;
  if (!platform.verified || (mfa?.value !== 'optional' && mfa?.value !== 'yes')) return null;
  return (
    <section aria-label="Signing in">
      <h2>Signing in</h2>
      <ul>
        {mfa.value === 'optional' ? (
          <li data-mfa="optional">
            <span class="finding-title">Turn on two-step sign-in for your {platform.name} account</span>
            {mfa.detail ? <span>{mfa.detail}</span> : null}
            {mfa.source ? (
              <span class="finding-action">
                <a href={mfa.source} target="_blank" rel="noreferrer" data-mfa-help="">
                  How to turn it on
                </a>
              </span>
            ) : null}
          </li>
        ) : (
          <li data-mfa="yes">Two-step sign-in: always on for {platform.name} accounts</li>
        )}
      </ul>
    </section>
  );
}

/**
 * The popup's body for one verdict: level, platform facts, each finding with what to do.
 * `signals`: what the tab's page reported (TabState.signals), for what only a sign-in page shows.
 */
export function VerdictView({ verdict, signals }: { verdict: Verdict; signals?: PageSignals | null | undefined }) {
  const onSignInPage = (signals?.passwordFields ?? 0) > 0;
  // Trackers have a section of their own (trackers-view).
  const others = verdict.findings.filter((finding) => finding.code !== 'THIRD_PARTY_TRACKER');
  return (
    <div data-risk-level={verdict.level}>
      <header>
        {/* Focusable by script only: where the focus goes when what it was on goes (trusted-sites-view). */}
        <h1 tabIndex={-1}>{headline(verdict)}</h1>
        <p>{verdict.host}</p>
      </header>
      {verdict.platform ? <PlatformFacts platform={verdict.platform} /> : null}
      {verdict.platform && onSignInPage ? <SignInChecklist platform={verdict.platform} /> : null}
      {others.length > 0 ? (
        <section aria-label="Findings">
          <h2>Why</h2>
          <ul>
            {others.map((finding, index) => {
              const { title, detail, action } = explainFinding(finding);
              return (
                <li key={`${finding.code}-${index}`} data-finding={finding.code}>
                  <span class="finding-title">{title}</span>
                  <span>{detail}</span>
                  <span class="finding-action">{action}</span>
                </li>
              );
            })}
          </ul>
        </section>
      ) : verdict.findings.length === 0 ? (
        <p class="empty">Nothing here looks like a telemedicine service, and nothing looks wrong.</p>
      ) : null}
      <TrackersView verdict={verdict} />
    </div>
  );
}
