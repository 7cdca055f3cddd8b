import type { Fact } from '../lists/allowlist-file';
import type { Messages } from '../i18n/messages';
import type { Verdict } from './assess';
import type { Finding, FindingOf } from './findings';
import { describeRule } from '../lookalike/lookalike-rules';
import { evidenceInWords } from '../lookalike/evidence-in-words';
import { explainTracker } from '../trackers/explain-tracker';
import { explainPasswordReuse, explainWeakPassword } from '../passwords/explain-password';
import { explainStaleList } from './explain-stale-list';

/** A finding in plain words: what is wrong, why it matters, what to do. */
export interface Explanation {
  title: string;
  detail: string;
  action: string;
}

export function explainFinding(finding: Finding, m: Messages): Explanation {
  switch (finding.code) {
    case 'VERIFIED_PLATFORM':
      return {
        title: m.text('verifiedTitle', finding.platform),
        detail: m.text(
          finding.listedBy === 'catalog' ? 'verifiedDetailCatalog' : finding.listedBy === 'policy' ? 'verifiedDetailPolicy' : finding.listedBy === 'remote' ? 'verifiedDetailRemote' : 'verifiedDetailUser',
          finding.domain,
        ),
        action: m.text('verifiedAction'),
      };
    case 'GENERAL_PURPOSE_PLATFORM':
      return {
        title: m.text('generalPurposeTitle', finding.platform),
        detail: m.text('generalPurposeDetail', finding.domain),
        action: m.text('generalPurposeAction'),
      };
    case 'LOOKALIKE_DOMAIN':
      return explainLookalike(finding, m);
    case 'PASSWORD_ON_LOOKALIKE':
      return {
        title: m.text('passwordOnLookalikeTitle', finding.targetName),
        detail:
          finding.frame !== undefined
            ? m.text('passwordOnLookalikeDetailFrame', finding.frame, finding.target)
            : m.text('passwordOnLookalikeDetail', finding.target),
        action: m.text('passwordOnLookalikeAction', finding.target),
      };
    case 'INSECURE_CONNECTION':
      return {
        title: m.text('insecureConnectionTitle'),
        detail: m.text(
          finding.reason === 'password-field' ? 'insecureConnectionDetailPassword' : finding.reason === 'video' ? 'insecureConnectionDetailVideo' : 'insecureConnectionDetailPlatform',
        ),
        action: m.text('insecureConnectionAction'),
      };
    case 'INSECURE_FORM':
      return {
        title: m.text('insecureFormTitle'),
        detail: m.text('insecureFormDetail', finding.action),
        action: m.text('insecureFormAction'),
      };
    case 'UNKNOWN_VIDEO_PLATFORM':
      return {
        title: m.text('unknownVideoTitle'),
        detail: m.text(
          finding.activity === 'screen'
            ? finding.frameEncryption
              ? 'unknownVideoDetailScreenEncrypted'
              : 'unknownVideoDetailScreen'
            : finding.activity === 'peer-connection'
              ? finding.frameEncryption
                ? 'unknownVideoDetailConnectionEncrypted'
                : 'unknownVideoDetailConnection'
              : finding.frameEncryption
                ? 'unknownVideoDetailCameraEncrypted'
                : 'unknownVideoDetailCamera',
        ),
        action: m.text('unknownVideoAction'),
      };
    case 'UNVERIFIED_EMBED':
      return explainEmbed(finding, m);
    case 'MIXED_CONTENT':
      return {
        title: m.text('mixedContentTitle'),
        detail: m.text('mixedContentDetail', m.list(finding.resources.map((resource) => `${resource.kind} ${resource.url}`))),
        action: m.text('mixedContentAction'),
      };
    case 'FOREIGN_FORM_ACTION':
      return {
        title: m.text('foreignFormTitle'),
        detail: m.text('foreignFormDetail', finding.actionDomain, finding.action),
        action: m.text('foreignFormAction', finding.actionDomain),
      };
    case 'ALLOWLIST_STALE':
      return explainStaleList(finding, m);
    case 'THIRD_PARTY_TRACKER':
      return explainTracker(finding, m);
    case 'PASSWORD_REUSE':
      return explainPasswordReuse(finding, m);
    case 'WEAK_PASSWORD':
      return explainWeakPassword(finding, m);
  }
}

/** Four kinds of look-alike: in a frame, a fake meeting link, a near name that only matters on a sign-in page, the page itself. */
function explainLookalike(finding: FindingOf<'LOOKALIKE_DOMAIN'>, m: Messages): Explanation {
  const rule = describeRule(finding.rule, m);
  const evidence = evidenceInWords(finding.evidence, m);
  if (finding.frame !== undefined) {
    return {
      title: m.text('lookalikeFrameTitle', finding.targetName),
      detail: m.text('lookalikeFrameDetail', finding.frame, finding.target, rule, evidence),
      action: m.text('lookalikeFrameAction', finding.target),
    };
  }
  if (finding.joinLink !== undefined) {
    return {
      title: m.text('lookalikeJoinLinkTitle', finding.joinLink),
      detail: m.text('lookalikeJoinLinkDetail', finding.joinLink, finding.target, rule, evidence),
      action: m.text('lookalikeJoinLinkAction', finding.target),
    };
  }
  if (finding.level === 'neutral') {
    return {
      title: m.text('lookalikeNearTitle', finding.targetName),
      detail: m.text('lookalikeNearDetail', finding.target, rule, evidence),
      action: m.text('lookalikeNearAction', finding.targetName, finding.target),
    };
  }
  return {
    title: m.text('lookalikeTitle', finding.targetName),
    detail: m.text('lookalikeDetail', finding.target, rule, evidence),
    action: m.text('lookalikeAction', finding.target),
  };
}

function explainEmbed(finding: FindingOf<'UNVERIFIED_EMBED'>, m: Messages): Explanation {
  const provider = finding.provider ?? finding.origin;
  if (finding.kind === 'chat') {
    return { title: m.text('chatEmbedTitle', provider), detail: m.text('chatEmbedDetail', provider), action: m.text('chatEmbedAction') };
  }
  const camera = finding.reason === 'camera-or-microphone';
  const detail =
    finding.provider !== undefined
      ? m.text(camera ? 'videoEmbedDetailCameraProvider' : 'videoEmbedDetailPlatformProvider', finding.origin, finding.provider)
      : m.text(camera ? 'videoEmbedDetailCamera' : 'videoEmbedDetailPlatform', finding.origin);
  return { title: m.text('videoEmbedTitle', finding.origin), detail, action: m.text('videoEmbedAction') };
}

export function describeFact(fact: Fact | undefined, m: Messages): string {
  switch (fact?.value) {
    case 'yes':
      return m.text('factYes');
    case 'no':
      return m.text('factNo');
    case 'optional':
      return m.text('factOptional');
    default:
      return m.text('factUnknown');
  }
}

export function headline(verdict: Pick<Verdict, 'level' | 'platform' | 'host'>, m: Messages): string {
  switch (verdict.level) {
    case 'verified':
      return m.text('headlineVerified', verdict.platform?.name ?? verdict.host);
    case 'neutral':
      return verdict.platform ? m.text('headlineKnownPlatform', verdict.platform.name) : m.text('headlineNeutral');
    case 'caution':
      return m.text('headlineCaution');
    case 'danger':
      return m.text('headlineDanger');
  }
}
