import type { Messages } from '../i18n/messages';
import type { Evidence } from './evidence';

/** A look-alike finding's evidence in the reader's language, with whole messages. */
export function evidenceInWords(evidence: Evidence, m: Messages): string {
  switch (evidence.form) {
    case 'instead-of':
      return m.text('evidenceInsteadOf', evidence.written, evidence.meant);
    case 'left-out':
      return m.text('evidenceLeftOut', evidence.meant);
    case 'added':
      return m.text('evidenceAdded', evidence.written);
    case 'contains':
      return m.text('evidenceContains', evidence.address);
    case 'dots-moved':
      return m.text('evidenceDotsMoved', evidence.written, evidence.address);
    case 'reads-as':
      return evidence.then
        ? m.text('evidenceReadsAsThen', evidence.written, evidence.reading, evidenceInWords(evidence.then, m))
        : m.text('evidenceReadsAs', evidence.written, evidence.reading);
    case 'latin-letters':
      return m.text('evidenceSpelledLatin', evidenceInWords(evidence.then, m), evidence.written);
    case 'brand-with-words':
      return brandWithWords(evidence, m);
  }
}

function brandWithWords({ brand, meant, words, place }: Extract<Evidence, { form: 'brand-with-words' }>, m: Messages): string {
  if (place === 'keyword') {
    const [word = ''] = words;
    return meant === undefined ? m.text('evidenceWithWord', brand, word) : m.text('evidenceForWithWord', brand, meant, word);
  }
  const list = m.list(words.map((word) => m.text('quotedWord', word)));
  if (place === 'between') return meant === undefined ? m.text('evidenceBetweenWords', brand, list) : m.text('evidenceForBetweenWords', brand, meant, list);
  return meant === undefined ? m.text('evidenceWith', brand, list) : m.text('evidenceForWith', brand, meant, list);
}
