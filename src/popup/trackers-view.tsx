import type { Verdict } from '../core/findings/assess';
import { explainFinding } from '../core/findings/explain';
import { summariseTrackers } from '../core/trackers/explain-tracker';
import type { TrackerFinding } from '../core/trackers/tracker-findings';

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
  const { sends, blocked, advice } = summariseTrackers(findings);
  return (
    <section aria-label="Trackers" data-trackers="">
      <h2>Who receives data from this page</h2>
      {sends ? <p data-tracker-summary="">{sends}</p> : null}
      {blocked ? <p data-tracker-blocked="">{blocked}</p> : null}
      <ul>
        {findings.map((finding) => {
          const { title, detail, action } = explainFinding(finding);
          return (
            <li key={finding.organisation} data-finding={finding.code} data-organisation={finding.organisation} data-category={finding.category}>
              <span class="finding-title">{title}</span>
              <span>{detail}</span>
              {finding.cases.length > 0 ? (
                <span class="finding-sources">
                  Sources:{' '}
                  {finding.cases.map((item, index) => (
                    <span key={item.url}>
                      {index > 0 ? ', ' : ''}
                      <a href={item.url} target="_blank" rel="noreferrer">
                        {item.title} ({item.year})
                      </a>
                    </span>
                  ))}
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
