import { matchPlatform, type Allowlist } from '../lists/allowlist';
import { isInCall, type CallState } from '../signals/call-state';
import { chatProviderOf, type ChatProvider } from './chat-widgets';
import { callEmbedsOf } from './embeds';
import type { Finding } from './findings';
import { isInsecureHttpUrl } from '../loopback';
import type { FrameSignal } from '../signals/page-signals';
import { hostOf } from '../url-host';

/** What a page shows of a video visit or a chat, as the verdict needs it. */
export interface VisitSignals {
  scheme: string | undefined;
  /** The page's own address is a verified platform. */
  pageVerified: boolean;
  /** The page's address is on a list at all (verified or general-purpose). */
  knownPlatform: boolean;
  /** The page's address imitates a known platform. */
  lookalike: boolean;
  call: CallState | undefined;
  frames: readonly FrameSignal[];
  /** Hosts the page's scripts load from. */
  scriptHosts: readonly string[];
  /** Scripts, frames and media an https page loads over plain http. */
  insecureResources: readonly { kind: string; url: string }[];
}

const MIXED_CONTENT_SHOWN = 5;

/** Chat widgets by provider: one finding each, unless the clinic verified the widget's host. */
function chatFindings(allowlist: Allowlist, providers: readonly ChatProvider[], signals: VisitSignals): Finding[] {
  const seen = new Map<string, Finding>();
  const hosts = [
    ...signals.scriptHosts.map((host) => ({ host, kind: 'script' as const })),
    ...signals.frames.flatMap((frame) => {
      const host = hostOf(frame.src);
      return host ? [{ host, kind: 'frame' as const }] : [];
    }),
  ];
  for (const { host, kind } of hosts) {
    const provider = chatProviderOf(providers, host, kind);
    if (!provider || seen.has(provider.id) || matchPlatform(allowlist, host)?.platform.verified) continue;
    // Neutral: named in the popup; the caution comes when the user starts typing into it.
    seen.set(provider.id, { code: 'UNVERIFIED_EMBED', level: 'neutral', kind: 'chat', origin: `https://${host}`, provider: provider.name, reason: 'chat-widget' });
  }
  return [...seen.values()];
}

/**
 * A page where health details may be given: a verified or known platform (any list: the
 * catalog, the clinic's, the user's), a look-alike of one, a page in a call or embedding a
 * frame that can run one. Chat widgets and trackers are spoken of only there: both are on
 * most of the web.
 */
export function looksLikeTelehealth(signals: Pick<VisitSignals, 'pageVerified' | 'knownPlatform' | 'lookalike' | 'call'>, embedsCall: boolean): boolean {
  return signals.pageVerified || signals.knownPlatform || signals.lookalike || isInCall(signals.call) || embedsCall;
}

/**
 * Findings about a visit in the page: a call on a site no list knows, frames that can run a
 * call or a chat from providers not verified with the page, and unencrypted parts of an
 * https page. Chat widgets are common on ordinary sites: they are named only on a verified
 * or telehealth-looking page, where health details may go into them.
 */
export function visitFindings(allowlist: Allowlist, providers: readonly ChatProvider[], signals: VisitSignals): Finding[] {
  const findings: Finding[] = [];
  const inCall = isInCall(signals.call);
  if (inCall && !signals.knownPlatform) {
    const activity = signals.call!.activities[0]!;
    findings.push({ code: 'UNKNOWN_VIDEO_PLATFORM', level: 'caution', activity, frameEncryption: signals.call!.frameEncryption });
  }
  const embeds = callEmbedsOf(allowlist, signals.frames);
  for (const embed of embeds) {
    if (signals.pageVerified && embed.verified) continue;
    findings.push({
      code: 'UNVERIFIED_EMBED',
      level: 'caution',
      kind: 'call',
      origin: embed.origin,
      ...(embed.platform ? { provider: embed.platform } : {}),
      reason: embed.reason,
    });
  }
  if (looksLikeTelehealth(signals, embeds.length > 0)) findings.push(...chatFindings(allowlist, providers, signals));
  const insecure = signals.scheme === 'https:' ? signals.insecureResources.filter((resource) => isInsecureHttpUrl(resource.url)) : [];
  if (insecure.length > 0) {
    findings.push({ code: 'MIXED_CONTENT', level: 'caution', resources: insecure.slice(0, MIXED_CONTENT_SHOWN).map((r) => ({ ...r })) });
  }
  return findings;
}
