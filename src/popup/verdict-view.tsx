import type { Fact } from '../core/lists/allowlist-file';
import type { PlatformSummary, Verdict } from '../core/findings/assess';
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

/** The popup's body for one verdict: level, platform facts, each finding with what to do. */
export function VerdictView({ verdict }: { verdict: Verdict }) {
  // Trackers have a section of their own (trackers-view).
  const others = verdict.findings.filter((finding) => finding.code !== 'THIRD_PARTY_TRACKER');
  return (
    <div data-risk-level={verdict.level}>
      <header>
        <h1>{headline(verdict)}</h1>
        <p>{verdict.host}</p>
      </header>
      {verdict.platform ? <PlatformFacts platform={verdict.platform} /> : null}
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
