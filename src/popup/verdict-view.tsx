import type { Fact } from '../core/lists/allowlist-file';
import type { PlatformSummary, Verdict } from '../core/findings/assess';
import type { MessageKey, Messages } from '../core/i18n/messages';
import type { PageSignals } from '../core/signals/page-signals';
import { describeFact, explainFinding, headline } from '../core/findings/explain';
import { factDetail } from '../core/lists/fact-detail';
import { uiMessages } from '../ui-text/ui-messages';
import { TrackersView } from './trackers-view';

/**
 * Findings in words, each what is wrong, why and what to do, with its code in `codeAttribute`
 * (`data-finding` for the page verdict, `data-link-finding` for a checked link).
 */
export function FindingItems({ findings, m, codeAttribute }: { findings: readonly Verdict['findings'][number][]; m: Messages; codeAttribute: 'data-finding' | 'data-link-finding' }) {
  return (
    <ul>
      {findings.map((finding, index) => {
        const { title, detail, action } = explainFinding(finding, m);
        return (
          <li key={`${finding.code}-${index}`} {...{ [codeAttribute]: finding.code }}>
            <span class="finding-title">{title}</span>
            <span>{detail}</span>
            <span class="finding-action">{action}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** `fact`: the fact's name in data-fact, the same in every language (tests and styles find it by it). */
function FactRow({ m, fact: name, label, value }: { m: Messages; fact: string; label: string; value: Fact | undefined }) {
  const detail = factDetail(value, m.lang);
  return (
    <>
      <dt>{label}</dt>
      <dd data-fact={name}>
        {describeFact(value, m)}
        {detail ? ` — ${detail}` : ''}
        {value?.source ? (
          <>
            {' '}
            (<a href={value.source} target="_blank" rel="noreferrer">{m.text('sourceLink')}</a>)
          </>
        ) : null}
      </dd>
    </>
  );
}

/** The catalog's kinds of platform (lists/allowlist-file), in words. */
const KIND_KEYS: Readonly<Record<NonNullable<PlatformSummary['category']>, MessageKey>> = {
  video: 'platformKindVideo',
  messaging: 'platformKindMessaging',
  portal: 'platformKindPortal',
};

function PlatformFacts({ platform, m }: { platform: PlatformSummary; m: Messages }) {
  return (
    <section aria-label={m.text('platformSectionLabel')}>
      <h2>{platform.name}</h2>
      <dl>
        <dt>{m.text('platformStatusLabel')}</dt>
        <dd>{m.text(platform.verified ? 'platformStatusVerified' : 'platformStatusKnown')}</dd>
        {platform.category ? (
          <>
            <dt>{m.text('platformKindLabel')}</dt>
            <dd data-kind={platform.category}>{m.text(KIND_KEYS[platform.category])}</dd>
          </>
        ) : null}
        <FactRow m={m} fact="End-to-end encryption" label={m.text('factEndToEnd')} value={platform.facts?.endToEndEncryption} />
        <FactRow m={m} fact="HIPAA business associate agreement" label={m.text('factHipaaBaa')} value={platform.facts?.hipaaBaa} />
      </dl>
    </section>
  );
}

/**
 * On a verified platform's sign-in page (a password field on it): turn on two-step sign-in
 * where the platform offers it, or that it is always on. Nothing where it is absent or unknown.
 */
function SignInChecklist({ platform, m }: { platform: PlatformSummary; m: Messages }) {
  const mfa = platform.facts?.mfa;
  if (!platform.verified || (mfa?.value !== 'optional' && mfa?.value !== 'yes')) return null;
  const detail = factDetail(mfa, m.lang);
  return (
    <section aria-label={m.text('signInHeading')}>
      <h2>{m.text('signInHeading')}</h2>
      <ul>
        {mfa.value === 'optional' ? (
          <li data-mfa="optional">
            <span class="finding-title">{m.text('mfaTurnOn', platform.name)}</span>
            {detail ? <span>{detail}</span> : null}
            {mfa.source ? (
              <span class="finding-action">
                <a href={mfa.source} target="_blank" rel="noreferrer" data-mfa-help="">
                  {m.text('mfaHowTo')}
                </a>
              </span>
            ) : null}
          </li>
        ) : (
          <li data-mfa="yes">{m.text('mfaAlwaysOn', platform.name)}</li>
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
  const m = uiMessages();
  const onSignInPage = (signals?.passwordFields ?? 0) > 0;
  // Trackers have a section of their own (trackers-view).
  const others = verdict.findings.filter((finding) => finding.code !== 'THIRD_PARTY_TRACKER');
  return (
    <div data-risk-level={verdict.level}>
      <header>
        {/* Focusable by script only: where the focus goes when what it was on goes (trusted-sites-view). */}
        <h1 tabIndex={-1}>{headline(verdict, m)}</h1>
        <p>{verdict.host}</p>
      </header>
      {verdict.platform ? <PlatformFacts platform={verdict.platform} m={m} /> : null}
      {verdict.platform && onSignInPage ? <SignInChecklist platform={verdict.platform} m={m} /> : null}
      {others.length > 0 ? (
        <section aria-label={m.text('findingsSectionLabel')}>
          <h2>{m.text('findingsHeading')}</h2>
          <FindingItems findings={others} m={m} codeAttribute="data-finding" />
        </section>
      ) : verdict.findings.length === 0 ? (
        <p class="empty">{m.text('nothingFound')}</p>
      ) : null}
      <TrackersView verdict={verdict} />
    </div>
  );
}
