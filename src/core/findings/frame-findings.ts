import { levelOf, type Verdict } from './assess';
import type { Finding } from './findings';
import { ownLookalike } from './guard-target';

/**
 * What one frame adds to its tab's verdict. Frames only ever add look-alike findings: the
 * top frame's address decides what the tab is (a frame can't make a page verified), and an
 * ad frame's own troubles are no reason to alarm a patient about the page they chose.
 *
 * - A frame on a look-alike host inside another site adds its findings, tagged with its host.
 * - A frame on the tab's own look-alike host adds only its password field.
 * - Any frame of a look-alike tab with a password field adds PASSWORD_ON_LOOKALIKE: the
 *   address bar says d0xy.me, whoever serves the box.
 */
export function frameFindings(frame: Verdict, tab: Verdict | undefined, passwordFields: number): Finding[] {
  if (ownLookalike(frame)) {
    const lookalikeFindings = frame.findings.filter((f) => f.code === 'LOOKALIKE_DOMAIN' || f.code === 'PASSWORD_ON_LOOKALIKE');
    if (frame.host === tab?.host) return lookalikeFindings.filter((f) => f.code === 'PASSWORD_ON_LOOKALIKE');
    return lookalikeFindings.map((f) => ({ ...f, frame: frame.host }));
  }
  const tabLookalike = ownLookalike(tab);
  if (tabLookalike && passwordFields > 0) {
    return [{ code: 'PASSWORD_ON_LOOKALIKE', level: 'danger', target: tabLookalike.target, targetName: tabLookalike.targetName, passwordFields }];
  }
  return [];
}

/** Same code, same frame, same imitated target: one finding, however many frames say it. */
function sameFinding(a: Finding, b: Finding): boolean {
  if (a.code !== b.code || !('target' in a) || !('target' in b)) return false;
  return a.target === b.target && (a.frame ?? '') === (b.frame ?? '');
}

/** The tab's verdict with its frames' findings added (no duplicates), at the louder level. */
export function withFrameFindings(verdict: Verdict, added: readonly Finding[]): Verdict {
  const findings = [...verdict.findings];
  for (const finding of added) {
    if (!findings.some((existing) => sameFinding(existing, finding))) findings.push(finding);
  }
  if (findings.length === verdict.findings.length) return verdict;
  return { ...verdict, findings, level: levelOf(verdict.platform, findings) };
}
