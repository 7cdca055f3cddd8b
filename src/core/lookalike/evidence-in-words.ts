import type { Messages } from '../i18n/messages';

/**
 * A look-alike finding's evidence in the reader's language. The finding's `evidence` stays the
 * command line's English (lookalike, lookalike-index: part of its JSON contract), so its forms
 * are read back here and said again with whole messages; a form this does not know is shown as
 * the finding has it.
 */

const QUOTED = /"([^"]*)"/g;
const quotedWords = (text: string): string[] => [...text.matchAll(QUOTED)].map((match) => match[1]!);

type Reading = (match: RegExpExecArray, m: Messages) => string;

const FORMS: readonly [RegExp, Reading][] = [
  [/^"([^"]*)" instead of "([^"]*)"$/, (match, m) => m.text('evidenceInsteadOf', match[1]!, match[2]!)],
  [/^"([^"]*)" left out$/, (match, m) => m.text('evidenceLeftOut', match[1]!)],
  [/^"([^"]*)" added$/, (match, m) => m.text('evidenceAdded', match[1]!)],
  [/^contains "([^"]*)"$/, (match, m) => m.text('evidenceContains', match[1]!)],
  [/^"([^"]*)" is "([^"]*)" with the dots moved$/, (match, m) => m.text('evidenceDotsMoved', match[1]!, match[2]!)],
  [/^"([^"]*)" reads as "([^"]*)"$/, (match, m) => m.text('evidenceReadsAs', match[1]!, match[2]!)],
  [/^"([^"]*)" reads as "([^"]*)": (.+)$/, (match, m) => m.text('evidenceReadsAsThen', match[1]!, match[2]!, describeEvidence(match[3]!, m))],
  [/^(.+), spelled "([^"]*)" with letters that look Latin$/, (match, m) => m.text('evidenceSpelledLatin', describeEvidence(match[1]!, m), match[2]!)],
  // Combosquatting: the brand as written (and the one it stands for), beside the words.
  [/^"([^"]*)" with the word "([^"]*)"$/, (match, m) => m.text('evidenceWithWord', match[1]!, match[2]!)],
  [/^"([^"]*)" \(for "([^"]*)"\) with the word "([^"]*)"$/, (match, m) => m.text('evidenceForWithWord', match[1]!, match[2]!, match[3]!)],
  [/^"([^"]*)" between the words ((?:"[^"]*"(?: and )?)+)$/, (match, m) => m.text('evidenceBetweenWords', match[1]!, quotedList(match[2]!, m))],
  [/^"([^"]*)" \(for "([^"]*)"\) between the words ((?:"[^"]*"(?: and )?)+)$/, (match, m) => m.text('evidenceForBetweenWords', match[1]!, match[2]!, quotedList(match[3]!, m))],
  [/^"([^"]*)" with ((?:"[^"]*"(?: and )?)+)$/, (match, m) => m.text('evidenceWith', match[1]!, quotedList(match[2]!, m))],
  [/^"([^"]*)" \(for "([^"]*)"\) with ((?:"[^"]*"(?: and )?)+)$/, (match, m) => m.text('evidenceForWith', match[1]!, match[2]!, quotedList(match[3]!, m))],
];

function quotedList(text: string, m: Messages): string {
  return m.list(quotedWords(text).map((word) => m.text('quotedWord', word)));
}

export function describeEvidence(evidence: string, m: Messages): string {
  for (const [form, read] of FORMS) {
    const match = form.exec(evidence);
    if (match) return read(match, m);
  }
  return evidence;
}
