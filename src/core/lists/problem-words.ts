import type { z } from 'zod';
import type { MessageKey } from '../i18n/messages';

/**
 * One whole sentence of a problem, by its message key and substitutions: the extension's
 * pages say it in the browser's language (ui-text/problem-text), while the command line
 * prints the problem's English `message` as it always has. A JSON path, a domain or a
 * setting's raw value goes in as a substitution, untranslated.
 */
export interface Sentence {
  key: MessageKey;
  values?: string[] | undefined;
}

export const sentence = (key: MessageKey, ...values: string[]): Sentence => (values.length > 0 ? { key, values } : { key });

/**
 * A refinement's English message for the command line, and the message key the extension's
 * pages say it with, carried on the issue (`params`), so no one reads the English back.
 */
export function refinement(message: string, says: MessageKey, path?: PropertyKey[]): { message: string; params: { says: MessageKey }; path?: PropertyKey[] } {
  return { message, params: { says }, ...(path ? { path } : {}) };
}

const TYPES: Readonly<Record<string, MessageKey>> = {
  string: 'adminProblemNeedsText',
  number: 'adminProblemNeedsNumber',
  int: 'adminProblemNeedsNumber',
  boolean: 'adminProblemNeedsTrueFalse',
  array: 'adminProblemNeedsList',
  object: 'adminProblemNeedsObject',
  record: 'adminProblemNeedsObject',
};

const quoted = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : String(value));

/** What a schema issue says, as a sentence; one the schemas do not raise says only that the value cannot be used. */
export function issueSentence(issue: z.core.$ZodIssue): Sentence {
  switch (issue.code) {
    case 'custom': {
      const says: unknown = issue.params?.['says'];
      return typeof says === 'string' ? sentence(says as MessageKey) : sentence('adminProblemUnusable');
    }
    case 'invalid_type':
      if (/received undefined$/.test(issue.message)) return sentence('adminProblemMissing');
      return sentence(TYPES[issue.expected] ?? 'adminProblemUnusable');
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return sentence('adminProblemEmpty');
      if (issue.origin === 'number') return sentence('adminProblemAtLeast', String(issue.minimum));
      return sentence('adminProblemUnusable');
    case 'too_big':
      if (issue.origin === 'string') return sentence('adminProblemTooLong', String(issue.maximum));
      if (issue.origin === 'number') return sentence('adminProblemAtMost', String(issue.maximum));
      return sentence('adminProblemUnusable');
    case 'invalid_value':
      return sentence('adminProblemOneOf', issue.values.map(quoted).join(', '));
    case 'unrecognized_keys':
      return sentence('adminProblemUnknownKeys', issue.keys.map(quoted).join(', '));
    case 'invalid_format':
      if (issue.format === 'url') return sentence('adminProblemHttpsUrl');
      if (issue.format === 'datetime') return sentence('adminProblemDateTime');
      return sentence('adminProblemUnusable');
    default:
      return sentence('adminProblemUnusable');
  }
}
