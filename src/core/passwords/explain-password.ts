import type { Explanation } from '../findings/explain';
import type { FindingOf } from '../findings/findings';
import type { ReuseRisk } from './reuse-finding';

const RISK_WORDS: Readonly<Record<ReuseRisk, string>> = {
  lookalike: 'this site imitates a known one',
  'insecure-page': 'this page is not encrypted',
  'form-elsewhere': 'this form sends what you type to another site',
};

/** What happened, and what to do: change it if the site is not fully trusted, one password per site, two-step sign-in. */
export function explainPasswordReuse(finding: FindingOf<'PASSWORD_REUSE'>): Explanation {
  const where = finding.frame !== undefined ? `a box in this page, from ${finding.frame}` : finding.site;
  const risks = finding.risks.map((risk) => RISK_WORDS[risk]);
  return {
    title: `You typed your ${finding.platform} password on another site`,
    detail:
      `The password you just typed into ${where} is the one you use to sign in to ${finding.platform} (${finding.domain}).` +
      (risks.length > 0 ? ` Be especially careful: ${risks.join('; ')}.` : ' If this site is ever breached or is not what it seems, that password goes with it.'),
    action:
      finding.level === 'danger'
        ? `Don't send this form. Change your ${finding.platform} password now, at ${finding.domain} itself. Use a different password for every site, and turn on two-step sign-in.`
        : `If you don't fully trust this site, change your ${finding.platform} password now, at ${finding.domain} itself. Use a different password for every site, and turn on two-step sign-in.`,
  };
}

/** The strength rater's own feedback, with what it means for a health account. */
export function explainWeakPassword(finding: FindingOf<'WEAK_PASSWORD'>): Explanation {
  const feedback = [finding.warning, ...finding.suggestions].filter((line): line is string => line !== undefined && line !== '');
  return {
    title: 'This new password is easy to guess',
    detail: `It rates ${finding.score} of 4 for strength.${feedback.length > 0 ? ` ${feedback.join(' ')}` : ''} A guessed password opens your health records and messages.`,
    action: 'Choose a longer password that you use nowhere else: four or five random words work well. A password manager can make and keep one for you.',
  };
}
