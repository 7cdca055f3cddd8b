import { levelOf, type Verdict } from './assess';
import type { Finding } from './findings';
import { isAlertLevel, louderLevel } from './risk-levels';
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
 * - Any frame of a look-alike tab the user wrote into (`typedInto`) makes the tab's
 *   look-alike finding a caution, as writing into the top frame does (assess): a page can put
 *   the field it asks a password in into a frame of its own making.
 */
export function frameFindings(frame: Verdict, tab: Verdict | undefined, passwordFields: number, typedInto = false): Finding[] {
  const tabLookalike = ownLookalike(tab);
  const written: Finding[] = typedInto && tabLookalike && !isAlertLevel(tabLookalike.level) ? [{ ...tabLookalike, level: 'caution' }] : [];
  if (ownLookalike(frame)) {
    const lookalikeFindings = frame.findings.filter((f) => f.code === 'LOOKALIKE_DOMAIN' || f.code === 'PASSWORD_ON_LOOKALIKE');
    if (frame.host === tab?.host) return [...lookalikeFindings.filter((f) => f.code === 'PASSWORD_ON_LOOKALIKE'), ...written];
    return [...lookalikeFindings.map((f) => ({ ...f, frame: frame.host })), ...written];
  }
  if (tabLookalike && passwordFields > 0) {
    return [{ code: 'PASSWORD_ON_LOOKALIKE', level: 'danger', target: tabLookalike.target, targetName: tabLookalike.targetName, passwordFields }, ...written];
  }
  return written;
}

/** Same code, same frame, same imitated target: one finding, however many frames say it. */
function sameFinding(a: Finding, b: Finding): boolean {
  if (a.code !== b.code || !('target' in a) || !('target' in b)) return false;
  return a.target === b.target && (a.frame ?? '') === (b.frame ?? '');
}

/**
 * The tab's verdict with its frames' findings added: one finding where several say the same,
 * at the loudest level any of them has; the verdict at the louder level.
 */
export function withFrameFindings(verdict: Verdict, added: readonly Finding[]): Verdict {
  const findings = [...verdict.findings];
  let changed = false;
  for (const finding of added) {
    const same = findings.findIndex((existing) => sameFinding(existing, finding));
    if (same < 0) findings.push(finding);
    else if (louderLevel(findings[same]!.level, finding.level) !== findings[same]!.level) findings[same] = { ...findings[same]!, level: finding.level };
    else continue;
    changed = true;
  }
  if (!changed) return verdict;
  return { ...verdict, findings, level: levelOf(verdict.platform, findings) };
}
