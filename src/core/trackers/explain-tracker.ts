import type { Explanation } from '../findings/explain';
import { listInWords } from '../list-in-words';
import type { TrackerCategory, TrackerTake } from './tracker-catalog';
import type { TrackerFinding } from './tracker-findings';

/** What each category means for a patient, in the words the popup uses after the organisation's name. */
export const CATEGORY_LABELS: Readonly<Record<TrackerCategory, string>> = {
  advertising: 'advertising',
  'session-replay': 'session replay: records what you do on the page',
  'tag-manager': 'tag manager: loads other trackers',
  cdp: 'customer data platform: passes data on to other companies',
  analytics: 'analytics',
};

const CATEGORY_MEANING: Readonly<Record<TrackerCategory, string>> = {
  advertising: 'An advertising network learns which pages of this site you open and what you do on them, and can tie it to your account with them to target ads.',
  'session-replay': 'Session replay sends a recording of what you do on the page, where you click and what you enter, to the company that runs it.',
  'tag-manager': 'A tag manager loads other companies\u2019 code into the page, often advertising pixels, chosen by the site without a new release.',
  cdp: 'A customer data platform collects what you do on the page and forwards it to the other tools the site connects to it, advertising included.',
  analytics: 'An analytics service counts visits and clicks for the site; it also learns which pages of this site you open.',
};

const TAKE_WORDS: Readonly<Record<TrackerTake, string>> = {
  urls: 'the addresses of the pages you open',
  clicks: 'what you click',
  'form-fields': 'what you enter in forms',
  keystrokes: 'what you type',
  identifiers: 'identifiers that can link you to your accounts',
};

/** "Meta (advertising)": how the popup names a tracker finding. */
export function trackerLabel(finding: Pick<TrackerFinding, 'organisation' | 'category' | 'takes'>): string {
  const records = finding.category === 'session-replay' && finding.takes.includes('keystrokes') ? 'session replay: records what you type' : CATEGORY_LABELS[finding.category];
  return `${finding.organisation} (${records})`;
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

export function explainTracker(finding: TrackerFinding): Explanation {
  const sent = finding.requests - finding.blocked;
  const from = finding.frame === undefined ? 'This page' : `A frame in this page (${finding.frame})`;
  const requests =
    sent === 0
      ? `${from} tried to send ${plural(finding.requests, 'request', 'requests')} to ${listInWords(finding.hosts)} (${listInWords(finding.services)}); your browser blocked every one.`
      : `${from} sent ${plural(sent, 'request', 'requests')} to ${listInWords(finding.hosts)} (${listInWords(finding.services)})${finding.blocked > 0 ? `; your browser blocked ${finding.blocked} more` : ''}.`;
  const takes = `${finding.organisation} can receive ${listInWords(finding.takes.map((take) => TAKE_WORDS[take]))}.`;
  const cases = finding.cases.length > 0 ? ` Regulators have acted over such tracking on health sites and apps: ${listInWords(finding.cases.map((item) => `${item.title} (${item.year})`))}.` : '';
  return {
    title: sent === 0 ? `Blocked: data to ${trackerLabel(finding)}` : `Sends data to ${trackerLabel(finding)}`,
    detail: `${requests} ${CATEGORY_MEANING[finding.category]} ${takes}${cases}`,
    action:
      sent === 0
        ? 'Nothing reached them from this page. Your clinic can tell you more about the tools on its site.'
        : "Don't type health details on this page. Ask your clinic about it, and use its app or patient portal instead where you can.",
  };
}

/** What the popup says above the tracker findings: who receives data, and what was blocked. */
export interface TrackerSummary {
  /** "This page sends data to: Meta (advertising), Hotjar (session replay: records what you type)."; undefined when nothing went out. */
  sends: string | undefined;
  /** "Blocked by the browser: 3 requests to Meta, 1 request to TikTok."; undefined when nothing was blocked. */
  blocked: string | undefined;
  /** What it means for a patient and what to do, when something went out to a tracker that raises the level. */
  advice: string | undefined;
}

export function summariseTrackers(findings: readonly TrackerFinding[]): TrackerSummary {
  const sending = findings.filter((finding) => finding.requests > finding.blocked);
  const blocking = findings.filter((finding) => finding.blocked > 0);
  const loud = sending.some((finding) => finding.level !== 'neutral');
  return {
    sends: sending.length > 0 ? `This page sends data to: ${sending.map((finding) => trackerLabel(finding)).join(', ')}.` : undefined,
    blocked: blocking.length > 0 ? `Blocked in your browser: ${blocking.map((finding) => `${plural(finding.blocked, 'request', 'requests')} to ${finding.organisation}`).join(', ')}.` : undefined,
    advice: loud
      ? 'What you do and type on this page can reach these companies, and with it what you are being treated for. Ask your clinic why they are on this page, use its app or patient portal for health details where you can, and don\u2019t type health details here.'
      : undefined,
  };
}
