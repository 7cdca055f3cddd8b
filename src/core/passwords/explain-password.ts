import type { Explanation } from '../findings/explain';
import type { FindingOf } from '../findings/findings';
import type { MessageKey, Messages } from '../i18n/messages';
import type { ReuseRisk } from './reuse-finding';

const RISK_KEYS: Readonly<Record<ReuseRisk, MessageKey>> = {
  lookalike: 'reuseRiskLookalike',
  'insecure-page': 'reuseRiskInsecurePage',
  'form-elsewhere': 'reuseRiskFormElsewhere',
};

/** What happened, and what to do: change it if the site is not fully trusted, one password per site, two-step sign-in. */
export function explainPasswordReuse(finding: FindingOf<'PASSWORD_REUSE'>, m: Messages): Explanation {
  const typed =
    finding.frame !== undefined
      ? m.text('reuseDetailFrame', finding.frame, finding.platform, finding.domain)
      : m.text('reuseDetail', finding.site, finding.platform, finding.domain);
  // Clauses of their own, one after the other ("this site imitates a known one; this page is not encrypted").
  const risks = finding.risks.map((risk) => m.text(RISK_KEYS[risk]));
  const why = risks.length > 0 ? m.text('reuseRisks', risks.reduce((earlier, next) => m.text('twoClauses', earlier, next))) : m.text('reuseNoRisk');
  return {
    title: m.text('reuseTitle', finding.platform),
    detail: m.text('twoSentences', typed, why),
    action: m.text(finding.level === 'danger' ? 'reuseActionDanger' : 'reuseAction', finding.platform, finding.domain),
  };
}

/**
 * The strength rater's own feedback, with what it means for a health account. The rater
 * writes its feedback in the UI language (strength-tips), the language of `m`.
 */
export function explainWeakPassword(finding: FindingOf<'WEAK_PASSWORD'>, m: Messages): Explanation {
  const feedback = [finding.warning, ...finding.suggestions].filter((line): line is string => line !== undefined && line !== '');
  return {
    title: m.text('weakPasswordTitle'),
    detail: feedback.length > 0 ? m.text('weakPasswordDetailFeedback', finding.score, feedback.join(' ')) : m.text('weakPasswordDetail', finding.score),
    action: m.text('weakPasswordAction'),
  };
}
