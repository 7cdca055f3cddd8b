import type { FindingOf } from '../findings/findings';
import type { ProtectedPlatform } from './protected-passwords';

/** What makes a reused password danger rather than caution: the page it was typed on. */
export type ReuseRisk = 'lookalike' | 'insecure-page' | 'form-elsewhere';

export interface ReuseContext {
  /** The host of the document the password was typed in. */
  host: string;
  /** The tab's verdict flags a look-alike (of any platform). */
  lookalike: boolean;
  /** The document is plain http (not loopback). */
  insecure: boolean;
  /** The field's form posts to another site than the page's (foreign-form rules). */
  formElsewhere: boolean;
  /** The frame's host, when it is not the top frame's document. */
  frame?: string | undefined;
}

/**
 * PASSWORD_REUSE for a protected platform's password typed on another site: a caution on an
 * ordinary site (the site may be honest, the password is still shared with it), danger where
 * the page is a look-alike, is not encrypted, or sends the form elsewhere.
 */
export function passwordReuseFinding(platform: Pick<ProtectedPlatform, 'name' | 'domain'>, context: ReuseContext): FindingOf<'PASSWORD_REUSE'> {
  const risks: ReuseRisk[] = [];
  if (context.lookalike) risks.push('lookalike');
  if (context.insecure) risks.push('insecure-page');
  if (context.formElsewhere) risks.push('form-elsewhere');
  return {
    code: 'PASSWORD_REUSE',
    level: risks.length > 0 ? 'danger' : 'caution',
    platform: platform.name,
    domain: platform.domain,
    site: context.host,
    risks,
    ...(context.frame !== undefined ? { frame: context.frame } : {}),
  };
}
