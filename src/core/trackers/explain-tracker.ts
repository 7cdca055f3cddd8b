import type { Explanation } from '../findings/explain';
import type { MessageKey, Messages } from '../i18n/messages';
import type { TrackerCategory, TrackerTake } from './tracker-catalog';
import type { TrackerFinding } from './tracker-findings';

/** What each category means for a patient, in the words the popup uses after the organisation's name. */
const CATEGORY_LABELS: Readonly<Record<TrackerCategory, MessageKey>> = {
  advertising: 'categoryAdvertising',
  'session-replay': 'categorySessionReplay',
  'tag-manager': 'categoryTagManager',
  cdp: 'categoryCdp',
  analytics: 'categoryAnalytics',
};

const CATEGORY_MEANING: Readonly<Record<TrackerCategory, MessageKey>> = {
  advertising: 'meaningAdvertising',
  'session-replay': 'meaningSessionReplay',
  'tag-manager': 'meaningTagManager',
  cdp: 'meaningCdp',
  analytics: 'meaningAnalytics',
};

const TAKE_KEYS: Readonly<Record<TrackerTake, MessageKey>> = {
  urls: 'takeUrls',
  clicks: 'takeClicks',
  'form-fields': 'takeFormFields',
  keystrokes: 'takeKeystrokes',
  identifiers: 'takeIdentifiers',
};

/** "Meta (advertising)": how the popup names a tracker finding. */
export function trackerLabel(finding: Pick<TrackerFinding, 'organisation' | 'category' | 'takes'>, m: Messages): string {
  const records = finding.category === 'session-replay' && finding.takes.includes('keystrokes') ? 'categorySessionReplayKeys' : CATEGORY_LABELS[finding.category];
  return m.text('trackerLabel', finding.organisation, m.text(records));
}

export function explainTracker(finding: TrackerFinding, m: Messages): Explanation {
  const sent = finding.requests - finding.blocked;
  const hosts = m.list(finding.hosts);
  const services = m.list(finding.services);
  const framed = finding.frame !== undefined;
  const frame = finding.frame ?? '';
  const requests =
    sent === 0
      ? framed
        ? m.count('trackerFrameTriedAllBlocked', finding.requests, frame, hosts, services)
        : m.count('trackerTriedAllBlocked', finding.requests, hosts, services)
      : finding.blocked > 0
        ? framed
          ? m.count('trackerFrameSentSomeBlocked', sent, frame, hosts, services, finding.blocked)
          : m.count('trackerSentSomeBlocked', sent, hosts, services, finding.blocked)
        : framed
          ? m.count('trackerFrameSent', sent, frame, hosts, services)
          : m.count('trackerSent', sent, hosts, services);
  const takes = m.text('trackerTakes', finding.organisation, m.list(finding.takes.map((take) => m.text(TAKE_KEYS[take]))));
  const cases = finding.cases.length > 0 ? m.text('trackerCases', m.list(finding.cases.map((item) => m.text('caseWithYear', item.title, String(item.year))))) : '';
  const label = trackerLabel(finding, m);
  return {
    title: m.text(sent === 0 ? 'trackerBlockedTitle' : 'trackerSendsTitle', label),
    // Sentence after sentence, the language's way (a space in English and Spanish, none in Chinese).
    detail: [m.text(CATEGORY_MEANING[finding.category]), takes, cases].filter((part) => part !== '').reduce((text, next) => m.text('twoSentences', text, next), requests),
    action: m.text(sent === 0 ? 'trackerBlockedAction' : 'trackerSendsAction'),
  };
}

/** What the popup says above the tracker findings: who receives data, and what was blocked. */
export interface TrackerSummary {
  /** "This page sends data to: Meta (advertising), Hotjar (session replay: records what you type)."; undefined when nothing went out. */
  sends: string | undefined;
  /** "Blocked in your browser: 3 requests to Meta and 1 request to TikTok."; undefined when nothing was blocked. */
  blocked: string | undefined;
  /** What it means for a patient and what to do, when something went out to a tracker that raises the level. */
  advice: string | undefined;
}

export function summariseTrackers(findings: readonly TrackerFinding[], m: Messages): TrackerSummary {
  const sending = findings.filter((finding) => finding.requests > finding.blocked);
  const blocking = findings.filter((finding) => finding.blocked > 0);
  const loud = sending.some((finding) => finding.level !== 'neutral');
  return {
    sends: sending.length > 0 ? m.text('trackersSendTo', m.list(sending.map((finding) => trackerLabel(finding, m)))) : undefined,
    blocked: blocking.length > 0 ? m.text('trackersBlocked', m.list(blocking.map((finding) => m.count('requestsTo', finding.blocked, finding.organisation)))) : undefined,
    advice: loud ? m.text('trackersAdvice') : undefined,
  };
}
