import type { Verdict } from '../core/findings/assess';
import { explainFinding } from '../core/findings/explain';
import { summariseTrackers } from '../core/trackers/explain-tracker';
import type { TrackerFinding } from '../core/trackers/tracker-findings';
import { uiMessages } from '../ui-text/ui-messages';

const isTracker = (finding: Verdict['findings'][number]): finding is TrackerFinding => finding.code === 'THIRD_PARTY_TRACKER';

/**
 * Who receives data from the page: one line naming every organisation, what was blocked, and
 * each organisation with what it can take, the requests seen and the enforcement cases that
 * named it (as sources), then what to do. Shown only where the background named trackers: on
 * telehealth pages.
 */
export function TrackersView({ verdict }: { verdict: Verdict }) {
  const findings = verdict.findings.filter(isTracker);
  if (findings.length === 0) return null;
  const m = uiMessages();
  const { sends, blocked, advice } = summariseTrackers(findings, m);
  return (
    <section aria-label={m.text('trackersSectionLabel')} data-trackers="">
      <h2>{m.text('trackersHeading')}</h2>
      {sends ? <p data-tracker-summary="">{sends}</p> : null}
      {blocked ? <p data-tracker-blocked="">{blocked}</p> : null}
      <ul>
        {findings.map((finding) => {
          const { title, detail, action } = explainFinding(finding, m);
          return (
            <li key={finding.organisation} data-finding={finding.code} data-organisation={finding.organisation} data-category={finding.category}>
              <span class="finding-title">{title}</span>
              <span>{detail}</span>
              {finding.cases.length > 0 ? (
                <span class="finding-sources">
                  {m.text('sourcesLabel')}{' '}
                  {/* Each case a link, listed the language's way ("a, b y c", "a、b和c"). */}
                  {new Intl.ListFormat(m.lang, { type: 'conjunction' }).formatToParts(finding.cases.map((item) => item.url)).map((part, index) => {
                    const item = part.type === 'element' ? finding.cases.find((known) => known.url === part.value) : undefined;
                    return item ? (
                      <a key={index} href={item.url} target="_blank" rel="noreferrer">
                        {m.text('caseWithYear', item.title, String(item.year))}
                      </a>
                    ) : (
                      <span key={index}>{part.value}</span>
                    );
                  })}
                </span>
              ) : null}
              <span class="finding-action">{action}</span>
            </li>
          );
        })}
      </ul>
      {advice ? <p data-tracker-advice="">{advice}</p> : null}
    </section>
  );
}
