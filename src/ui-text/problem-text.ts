import type { MessageKey, Messages } from '../core/i18n/messages';
import type { AllowlistProblem } from '../core/lists/allowlist-file';
import type { Sentence } from '../core/lists/problem-words';

/**
 * A list or policy problem in the page's language (its JSON path is shown beside it, as it
 * is). A problem recorded without sentences, or with a key no catalog has (written by another
 * version), says only that the value cannot be used; the command line prints the details.
 */
export function problemText(problem: Pick<AllowlistProblem, 'says'>, m: Messages): string {
  const said = (problem.says ?? []).map((sentence: Sentence) => m.text(sentence.key, ...(sentence.values ?? []))).filter((text) => text !== '');
  // One after another, as the language writes sentences (twoSentences: Chinese puts no space between them).
  return said.length > 0 ? said.reduce((first, second) => m.text('twoSentences', first, second)) : m.text('adminProblemUnusable');
}

/** Why the signed remote list could not be used, by the failure's reason (signed-list.ts, remote-list-fetch.ts). */
const FAILURES: Readonly<Record<string, MessageKey>> = {
  'fetch-failed': 'adminFailureFetchFailed',
  'http-error': 'adminFailureHttpError',
  'too-large': 'adminFailureTooLarge',
  'bad-signature-format': 'adminFailureBadSignatureFormat',
  'signature-mismatch': 'adminFailureSignatureMismatch',
  'invalid-json': 'adminFailureInvalidJson',
  'invalid-list': 'adminFailureInvalidList',
  'missing-expires': 'adminFailureMissingExpires',
  rollback: 'adminFailureRollback',
  expired: 'adminFailureExpired',
  'no-public-key': 'adminFailureNoPublicKey',
  unsupported: 'adminFailureUnsupported',
};

export function failureText(reason: string, m: Messages): string {
  return m.text(Object.hasOwn(FAILURES, reason) ? FAILURES[reason]! : 'adminFailureOther');
}
