import { foreignFormFindings } from '../core/findings/foreign-form';
import type { Finding } from '../core/findings/findings';
import { parseTarget, TargetParseError } from '../core/hostname';
import { isInsecureHttpUrl } from '../core/loopback';
import { passwordReuseFinding } from '../core/passwords/reuse-finding';
import { signInPlatformOf } from '../core/passwords/sign-in-site';
import { isPlatformsOwnSite, type ProtectedPlatform, type SignInPlatform } from '../core/passwords/protected-passwords';
import { checkNewest } from './password-check-queue';
import type { PasswordMode } from '../protocol/messages';
import type { ContentSender } from '../protocol/router';
import type { Strength } from '../core/passwords/strength';
import { STRONG_ENOUGH } from '../core/passwords/strength-levels';
import { allowlistReady, getAllowlist, getPolicy } from './allowlist-state';
import { verdictFor, type PageDocument } from './page-answers';
import { platformsReusedBy, protectedPlatforms, protectPassword } from './protected-password-store';
import { onPasswordFinding } from './tab-verdicts';

/**
 * The content script's password messages (content/password-watch). The page's word is taken
 * for nothing but the password it holds: whose site this is, and whether it is a sign-in site,
 * come from the address the browser reports for the sending frame.
 */

/**
 * The sender a password message is judged as. A top frame's message comes with the tab's
 * address, and one sent as the page is left (a form submitted by script) may come with the
 * next page's: the password was typed on the page that sent it, so a web page is judged by its
 * own address then (a blob: or about: page keeps the tab's, which stands for its creator).
 */
export function passwordSender(sender: ContentSender): ContentSender {
  const own = sender.documentUrl;
  if (sender.frameId !== 0 || own === undefined || !/^https?:/.test(own) || sameOrigin(own, sender.tabUrl)) return sender;
  return { ...sender, tabUrl: own, frameUrl: own };
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/** The sending document's host, when it is judged (a blob: page as the site that made it) and is a hostname. */
function hostOf(document: PageDocument): { host: string; url: string } | undefined {
  if (document.frameAddress === undefined) return undefined;
  try {
    const target = parseTarget(document.frameAddress);
    return { host: target.host, url: target.url };
  } catch (error) {
    if (error instanceof TargetParseError) return undefined;
    throw error;
  }
}

async function protectionOn(): Promise<boolean> {
  await allowlistReady();
  return getPolicy().policy.passwordProtection === 'on';
}

/** Whose password a sign-in in this document is, if it is a sign-in site at all: https only (plain http teaches nothing worth keeping). */
function signInPlatformFor(document: PageDocument): SignInPlatform | undefined {
  const page = hostOf(document);
  if (!page || isInsecureHttpUrl(page.url)) return undefined;
  return signInPlatformOf(getAllowlist(), getPolicy().policy.passwordSignInDomains, page.host);
}

/** What the document's content script watches for: sign-ins to protect, typing to check. Nothing at all under the clinic's "off". */
const NOTHING: PasswordMode = { signInSite: false, check: false };

export async function passwordModeFor(document: PageDocument): Promise<PasswordMode> {
  const page = hostOf(document);
  if (!(await protectionOn()) || !page) return NOTHING;
  // On a platform's own sites its password is no reuse: nothing to hash there for it.
  const others = (await protectedPlatforms()).filter((platform) => !isPlatformsOwnSite(platform, page.host));
  return { signInSite: signInPlatformFor(document) !== undefined, check: others.length > 0 };
}

/** Whether this document may have the new-password rater: a sign-in site, with protection on. */
export async function mayRate(document: PageDocument): Promise<boolean> {
  return (await protectionOn()) && signInPlatformFor(document) !== undefined;
}

/**
 * A new password's strength on a sign-in site's form: WEAK_PASSWORD (its score and the rater's
 * feedback, never the password) into the tab's verdict, or out of it (`null`: strong enough now,
 * or the field emptied). Returns whether the tab's verdict changed.
 */
export async function onStrength(document: PageDocument, strength: Strength | null): Promise<boolean> {
  if (!(await mayRate(document))) return false;
  if (strength === null || strength.score >= STRONG_ENOUGH) return onPasswordFinding(document.tabId, { gone: 'WEAK_PASSWORD' });
  return onPasswordFinding(document.tabId, { finding: { code: 'WEAK_PASSWORD', level: 'caution', ...strength } });
}

/** A sign-in on a sign-in site: its password's fingerprint is kept as that platform's. */
export async function onSignIn(document: PageDocument, password: string): Promise<null> {
  if (!(await protectionOn())) return null;
  const platform = signInPlatformFor(document);
  if (platform) await protectPassword(platform, password);
  return null;
}

/** What the tab's page is: a look-alike makes a reused password danger. */
function tabIsLookalike(document: PageDocument): boolean {
  const verdicts = [verdictFor(document.tabAddress), document.frameId === 0 ? undefined : verdictFor(document.frameAddress)];
  return verdicts.some((verdict) => verdict?.findings.some((finding) => finding.code === 'LOOKALIKE_DOMAIN') === true);
}

function postsElsewhere(url: string, formAction: string | undefined): boolean {
  if (formAction === undefined) return false;
  return foreignFormFindings(getAllowlist(), parseTarget(url), [{ action: formAction, method: 'post', hasPassword: true }], false).length > 0;
}

/**
 * Typing in a password field: when it is a protected platform's password on another site,
 * PASSWORD_REUSE goes into the tab's verdict (one per platform). Returns whether the tab's
 * verdict changed, so the caller shows it in the top frame.
 */
export async function onPasswordTyped(document: PageDocument, typed: { password: string; field: number; formAction?: string | undefined }): Promise<boolean> {
  if (!(await protectionOn())) return false;
  const page = hostOf(document);
  if (!page) return false;
  let reused: ProtectedPlatform[] = [];
  const documentKey = `${document.tabId}:${document.frameId}:${document.documentId ?? document.frameAddress ?? ''}`;
  // Paced per field, and counted per document (password-check-queue).
  await checkNewest(documentKey, String(typed.field), typed.password, async (password) => {
    reused = await platformsReusedBy(password, page.host);
    return reused.length > 0;
  });
  if (reused.length === 0) return false;
  const formAction = typed.formAction;
  const context = {
    host: page.host,
    lookalike: tabIsLookalike(document),
    insecure: isInsecureHttpUrl(page.url),
    formElsewhere: postsElsewhere(page.url, formAction),
    frame: document.frameId === 0 ? undefined : page.host,
  };
  let changed = false;
  for (const platform of reused) {
    const finding: Finding = passwordReuseFinding(platform, context);
    if (await onPasswordFinding(document.tabId, { finding })) changed = true;
  }
  return changed;
}
