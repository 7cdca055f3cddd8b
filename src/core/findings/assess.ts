import type { PlatformFacts } from '../lists/allowlist-file';
import { matchPlatform, type Allowlist, type ListSource } from '../lists/allowlist';
import { isInCall, type CallState } from '../signals/call-state';
import { loadChatProviders, type ChatProvider } from './chat-widgets';
import type { Finding } from './findings';
import { foreignFormFindings } from './foreign-form';
import { parseTarget } from '../hostname';
import { isLookalikeJoinLink } from './join-links';
import { findLookalike } from '../lookalike/lookalike';
import { isInsecureHttpUrl, isLoopbackHost } from '../loopback';
import type { PageSignals } from '../signals/page-signals';
import { louderLevel, type RiskLevel } from './risk-levels';
import { visitFindings } from './visit-findings';
import { isTelehealthPage } from '../trackers/telehealth-page';
import type { PolicyAction } from '../lists/policy';
import { builtInTrackerCatalog } from '../trackers/tracker-catalog';
import { trackerFindings } from '../trackers/tracker-findings';
import type { TrackerSighting } from '../trackers/tracker-sightings';

export interface PlatformSummary {
  name: string;
  domain: string;
  verified: boolean;
  category: 'video' | 'messaging' | 'portal' | undefined;
  facts: PlatformFacts | undefined;
  listedBy: ListSource;
}

export interface Verdict {
  url: string;
  host: string;
  level: RiskLevel;
  platform: PlatformSummary | undefined;
  findings: Finding[];
}

export interface PageToAssess {
  /** The page's address as the browser reports it (or as typed on the command line). */
  url: string;
  /** What the content script saw; absent when only the address is known. */
  signals?: PageSignals | undefined;
  /** What the page-world hook reported of a call on the page. */
  call?: CallState | undefined;
  /** Requests the browser saw the tab send to catalog trackers, and the clinic's `trackers` action. */
  trackers?: { sightings: readonly TrackerSighting[]; action: PolicyAction } | undefined;
  /**
   * The address is a link the user received for a visit and asks about before opening it (the
   * popup's link check): it offers a visit, as a meeting link does, though nothing was loaded.
   */
  visitLink?: boolean | undefined;
}

/** The built-in chat widget list, read once. */
let chatProviders: ChatProvider[] | undefined;
const builtInChatProviders = (): ChatProvider[] => (chatProviders ??= loadChatProviders());

/** Plain http pages and password forms that post over it; loopback hosts are secure contexts (see loopback). */
function insecureFindings(scheme: string | undefined, host: string, knownPlatform: boolean, signals: PageSignals | undefined, offersVisit: boolean): Finding[] {
  const findings: Finding[] = [];
  const passwords = signals?.passwordFields ?? 0;
  if (scheme === 'http:' && !isLoopbackHost(host)) {
    // A visit offered over http is danger: browsers will not even open a camera there, so
    // whoever set it up is doing something wrong.
    if (passwords > 0) findings.push({ code: 'INSECURE_CONNECTION', level: 'danger', reason: 'password-field' });
    else if (offersVisit) findings.push({ code: 'INSECURE_CONNECTION', level: 'danger', reason: 'video' });
    else if (knownPlatform) findings.push({ code: 'INSECURE_CONNECTION', level: 'caution', reason: 'known-platform' });
  }
  // One finding per address: a form and its submit button often post to the same one.
  const actions = new Set((signals?.forms ?? []).filter((form) => form.hasPassword && isInsecureHttpUrl(form.action)).map((form) => form.action));
  for (const action of actions) findings.push({ code: 'INSECURE_FORM', level: 'danger', action });
  return findings;
}

/**
 * The verdict for one page: pure, so the extension, the command line and the tests all run
 * this very function. Throws TargetParseError for an input that is no URL or hostname.
 */
export function assessPage(allowlist: Allowlist, page: PageToAssess): Verdict {
  const target = parseTarget(page.url);
  const findings: Finding[] = [];
  const match = matchPlatform(allowlist, target.host);
  let platform: PlatformSummary | undefined;

  if (match) {
    const { platform: known, domain } = match;
    platform = {
      name: known.name,
      domain,
      verified: known.verified,
      category: known.category,
      facts: known.facts,
      listedBy: known.source,
    };
    findings.push(
      known.verified
        ? { code: 'VERIFIED_PLATFORM', level: 'verified', platform: known.name, domain, listedBy: known.source }
        : { code: 'GENERAL_PURPOSE_PLATFORM', level: 'neutral', platform: known.name, domain, ...(known.facts ? { facts: known.facts } : {}) },
    );
  } else {
    const lookalike = findLookalike(allowlist, target.host);
    if (lookalike) {
      const joinLink = isLookalikeJoinLink(allowlist, new URL(target.url), lookalike) ? matchPlatform(allowlist, lookalike.target)?.platform.name : undefined;
      const passwordFields = page.signals?.passwordFields ?? 0;
      // A low-confidence resemblance (xoom.com near zoom.com) speaks only where it matters:
      // a password field, a call, a meeting link, or anything the user typed into the page.
      // Elsewhere it is noted, not raised. A visit link the user asks about is a meeting link by their word.
      const matters = passwordFields > 0 || page.signals?.typedInto === true || isInCall(page.call) || joinLink !== undefined || page.visitLink === true;
      const level = lookalike.confidence === 'low' && !matters ? 'neutral' : 'caution';
      findings.push({ code: 'LOOKALIKE_DOMAIN', level, ...lookalike, ...(joinLink ? { joinLink } : {}) });
      if (passwordFields > 0) {
        findings.push({ code: 'PASSWORD_ON_LOOKALIKE', level: 'danger', target: lookalike.target, targetName: lookalike.targetName, passwordFields });
      }
    }
  }
  const onLookalike = findings.some((finding) => finding.code === 'LOOKALIKE_DOMAIN');
  const visit = visitFindings(allowlist, builtInChatProviders(), {
    scheme: target.scheme,
    pageVerified: platform?.verified === true,
    knownPlatform: match !== undefined,
    lookalike: onLookalike,
    call: page.call,
    frames: page.signals?.iframes ?? [],
    scriptHosts: page.signals?.scriptHosts ?? [],
    insecureResources: page.signals?.insecureResources ?? [],
  });
  const offersVisit = page.visitLink === true || (page.signals?.videoElements ?? 0) > 0 || isInCall(page.call) || visit.some((finding) => finding.code === 'UNVERIFIED_EMBED' && finding.kind === 'call');
  findings.push(...insecureFindings(target.scheme, target.host, match !== undefined, page.signals, offersVisit));
  findings.push(...foreignFormFindings(allowlist, target, page.signals?.forms ?? [], onLookalike));
  findings.push(...visit);
  findings.push(...trackersOnTelehealthPage(allowlist, page, target.host, { platform, findings }));

  return { url: target.url, host: target.host, level: levelOf(platform, findings), platform, findings };
}

/** Trackers are named only on telehealth pages (trackers/telehealth-page says which). */
function trackersOnTelehealthPage(allowlist: Allowlist, page: PageToAssess, host: string, verdict: Pick<Verdict, 'platform' | 'findings'>): Finding[] {
  const sightings = page.trackers?.sightings ?? [];
  if (sightings.length === 0 || !isTelehealthPage(allowlist, verdict, page)) return [];
  return trackerFindings(builtInTrackerCatalog(), sightings, host, page.trackers!.action);
}

/**
 * A verified platform starts at verified, anything else at neutral; each caution or danger
 * finding can only make it louder. Neutral findings only inform (a known chat widget, a
 * general-purpose platform): they never take a verified page down. Also used when findings
 * are added (frames) or hidden (trusted sites).
 */
export function levelOf(platform: Pick<PlatformSummary, 'verified'> | undefined, findings: readonly Finding[]): RiskLevel {
  const base: RiskLevel = platform?.verified ? 'verified' : 'neutral';
  return findings.reduce<RiskLevel>((acc, finding) => (finding.level === 'verified' || finding.level === 'neutral' ? acc : louderLevel(acc, finding.level)), base);
}
