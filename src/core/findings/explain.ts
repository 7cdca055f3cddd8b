import type { Fact } from '../lists/allowlist-file';
import type { Verdict } from './assess';
import type { Finding } from './findings';
import { describeRule } from '../lookalike/lookalike-rules';
import { explainTracker } from '../trackers/explain-tracker';
import { explainPasswordReuse, explainWeakPassword } from '../passwords/explain-password';
import type { RiskLevel } from './risk-levels';

/** A finding in plain words: what is wrong, why it matters, what to do. */
export interface Explanation {
  title: string;
  detail: string;
  action: string;
}

export function explainFinding(finding: Finding): Explanation {
  switch (finding.code) {
    case 'VERIFIED_PLATFORM':
      return {
        title: `Verified: ${finding.platform}`,
        detail: `${finding.domain} is on your list of verified telemedicine services (${finding.listedBy === 'catalog' ? 'built-in catalog' : `${finding.listedBy} list`}).`,
        action: 'You can go ahead. Still check that the visit link came from your provider.',
      };
    case 'GENERAL_PURPOSE_PLATFORM':
      return {
        title: `${finding.platform} is a general-purpose platform`,
        detail: `${finding.domain} is a real service, but not one verified for medical visits. Privacy depends on how your provider set it up.`,
        action: 'Use it only if your provider sent you this link. Ask them whether the visit is covered by a business associate agreement.',
      };
    case 'LOOKALIKE_DOMAIN':
      if (finding.frame !== undefined) {
        return {
          title: `A box in this page comes from a site imitating ${finding.targetName}`,
          detail: `Part of this page is loaded from ${finding.frame}, which is not ${finding.target}: it uses ${describeRule(finding.rule)} (${finding.evidence}).`,
          action: `Don't enter anything in it. Type ${finding.target} yourself, or use the link your provider gave you.`,
        };
      }
      if (finding.joinLink !== undefined) {
        return {
          title: `This is a fake ${finding.joinLink} meeting link`,
          detail: `The link looks like a ${finding.joinLink} meeting, but the address is not ${finding.target}: it uses ${describeRule(finding.rule)} (${finding.evidence}).`,
          action: `Don't join, and don't allow the camera. Ask your provider to send the visit link again, or open ${finding.target} yourself.`,
        };
      }
      if (finding.level === 'neutral') {
        return {
          title: `This address resembles ${finding.targetName}'s`,
          detail: `This address is not ${finding.target}: it uses ${describeRule(finding.rule)} (${finding.evidence}). Real sites have names this close too, so this becomes a warning only if the page asks for a password, starts a call, is a meeting link, or you type into it.`,
          action: `If you meant to go to ${finding.targetName}, type ${finding.target} yourself.`,
        };
      }
      return {
        title: `This site imitates ${finding.targetName}`,
        detail: `This address is not ${finding.target}: it uses ${describeRule(finding.rule)} (${finding.evidence}).`,
        action: `Don't enter anything here. Type ${finding.target} yourself, or use the link your provider gave you.`,
      };
    case 'PASSWORD_ON_LOOKALIKE':
      return {
        title: `Password field on a fake ${finding.targetName} site`,
        detail:
          finding.frame !== undefined
            ? `A box in this page, loaded from ${finding.frame}, asks for a password but is not ${finding.target}. Sites like this steal logins.`
            : `This page asks for a password but is not ${finding.target}. Sites like this steal logins.`,
        action: `Don't type your password. Go to ${finding.target} directly. If you already typed it, change it there now.`,
      };
    case 'INSECURE_CONNECTION':
      return {
        title: 'This page is not encrypted',
        detail:
          finding.reason === 'password-field'
            ? 'It asks for a password over a plain http connection: anyone on the network can read it.'
            : finding.reason === 'video'
              ? 'It offers a video visit over a plain http connection: the visit could be watched or changed on the way, and browsers will not even open a camera here.'
              : 'A telemedicine service should never be used over plain http.',
        action: 'Leave the page. Open the https:// address instead, or ask your provider for the right link.',
      };
    case 'INSECURE_FORM':
      return {
        title: 'Login form sends your password unencrypted',
        detail: `The form posts to ${finding.action}, over plain http.`,
        action: "Don't sign in here. Tell your clinic's IT or support team.",
      };
    case 'UNKNOWN_VIDEO_PLATFORM':
      return {
        title: 'This site is not a verified telemedicine platform',
        detail: `It started ${finding.activity === 'screen' ? 'screen sharing' : finding.activity === 'peer-connection' ? 'a call connection' : 'to use your camera or microphone'}, but neither your clinic's list nor the built-in catalog knows it, so nothing is known about how it protects a visit${finding.frameEncryption ? ' (Telehealth Guard saw it add frame encryption of its own, which it cannot check)' : ''}.`,
        action: 'Join only if your provider sent you this link. If you are not sure, leave and ask your clinic which platform they use.',
      };
    case 'UNVERIFIED_EMBED':
      return finding.kind === 'chat'
        ? {
            title: `Chat by ${finding.provider ?? finding.origin}, not verified by your clinic`,
            detail: `This page has a chat box from ${finding.provider ?? finding.origin}. Such chats are often run by a third party and may not be covered by a business associate agreement or encrypted.`,
            action: "Don't share health details in this chat unless your provider confirms it is covered and encrypted.",
          }
        : {
            title: `Video from ${finding.origin}, not verified`,
            detail: `Part of this page comes from ${finding.origin}${finding.provider ? ` (${finding.provider})` : ''}, which ${finding.reason}, and is not verified for visits together with this page.`,
            action: 'Join only if your provider sent you to this page. Ask your clinic which platform they use for visits.',
          };
    case 'MIXED_CONTENT':
      return {
        title: 'Parts of this page are not encrypted',
        detail: `The page is https, but it loads ${finding.resources.map((resource) => `${resource.kind} ${resource.url}`).join(', ')} over plain http, which others on the network can read or change.`,
        action: "Don't share health details here. Tell your clinic's IT or support team.",
      };
    case 'FOREIGN_FORM_ACTION':
      return {
        title: 'Login form sends your password to another site',
        detail: `What you type in this page's password form goes to ${finding.actionDomain} (${finding.action}), not to the site in the address bar.`,
        action: `Sign in only if you know ${finding.actionDomain} handles logins for this site. If you are not sure, don't: ask your clinic's IT or support team.`,
      };
    case 'ALLOWLIST_STALE':
      return explainStaleList(finding);
    case 'THIRD_PARTY_TRACKER':
      return explainTracker(finding);
    case 'PASSWORD_REUSE':
      return explainPasswordReuse(finding);
    case 'WEAK_PASSWORD':
      return explainWeakPassword(finding);
  }
}

/** The list is authentic but old: say so without alarm, and tell the admin, who can fix it. */
function explainStaleList(finding: Extract<Finding, { code: 'ALLOWLIST_STALE' }>): Explanation {
  const clinic = finding.clinicName ?? 'your clinic';
  const day = finding.expires.slice(0, 10);
  const contact = finding.supportContact !== undefined ? ` (${finding.supportContact})` : '';
  return {
    title: "Your clinic's list of verified sites is out of date",
    detail: `This site is verified by ${clinic}'s list, but that list expired on ${day} and no newer one has arrived, so Telehealth Guard cannot tell whether the site is still on it.`,
    action: `Go ahead only if your provider sent you here. Tell ${clinic}'s IT team${contact} that the Telehealth Guard list has expired.`,
  };
}

export function describeFact(fact: Fact | undefined): string {
  switch (fact?.value) {
    case 'yes':
      return 'yes';
    case 'no':
      return 'no';
    case 'optional':
      return 'available, must be turned on';
    default:
      return 'unknown';
  }
}

export function headline(verdict: Pick<Verdict, 'level' | 'platform' | 'host'>): string {
  const levels: Readonly<Record<RiskLevel, string>> = {
    verified: `Verified telemedicine service: ${verdict.platform?.name ?? verdict.host}`,
    neutral: verdict.platform ? `${verdict.platform.name}: known platform, not verified for visits` : 'No telemedicine service here',
    caution: 'Be careful on this page',
    danger: 'Danger: do not enter anything on this page',
  };
  return levels[verdict.level];
}
