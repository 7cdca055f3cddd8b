/**
 * What makes a host a look-alike, as data: the letters that differ, the address it hides,
 * the brand and the words beside it. The engine writes it once; `evidenceInEnglish` says it
 * for the command line's JSON and the admin tools, `evidenceInWords` (evidence-in-words) in
 * the reader's language. Neither reads the other's words back.
 */
export type Evidence =
  /** d0xy.me for doxy.me: `"0" instead of "o"`. */
  | { readonly form: 'instead-of'; readonly written: string; readonly meant: string }
  /** dxy.me: `"o" left out`. */
  | { readonly form: 'left-out'; readonly meant: string }
  /** doxxy.me: `"x" added`. */
  | { readonly form: 'added'; readonly written: string }
  /** doxy.me.example.net: `contains "doxy.me"`. */
  | { readonly form: 'contains'; readonly address: string }
  /** vseec.om: `"vseec.om" is "vsee.com" with the dots moved`. */
  | { readonly form: 'dots-moved'; readonly written: string; readonly address: string }
  /** 🔒doxy.me: `"🔒doxy.me" reads as "doxy.me"`, and what the reading then shows, if anything. */
  | { readonly form: 'reads-as'; readonly written: string; readonly reading: string; readonly then?: Evidence }
  /** dоxy-login.com with a Cyrillic о: what the Latin reading shows, and the host as written. */
  | { readonly form: 'latin-letters'; readonly written: string; readonly then: Evidence }
  /**
   * doxy-login.net, securedoxymelogin.com, discord-game-gift.com: a brand as written (and the
   * listed name it stands for, when misspelt) with the words around it: one keyword beside it,
   * keywords on both sides, or other words of the name.
   */
  | { readonly form: 'brand-with-words'; readonly brand: string; readonly meant?: string; readonly words: readonly string[]; readonly place: BrandWordsPlace };

export type BrandWordsPlace = 'keyword' | 'between' | 'beside';

const quoted = (text: string): string => `"${text}"`;

/** The engine's evidence as the command line has always said it (its JSON contract). */
export function evidenceInEnglish(evidence: Evidence): string {
  switch (evidence.form) {
    case 'instead-of':
      return `${quoted(evidence.written)} instead of ${quoted(evidence.meant)}`;
    case 'left-out':
      return `${quoted(evidence.meant)} left out`;
    case 'added':
      return `${quoted(evidence.written)} added`;
    case 'contains':
      return `contains ${quoted(evidence.address)}`;
    case 'dots-moved':
      return `${quoted(evidence.written)} is ${quoted(evidence.address)} with the dots moved`;
    case 'reads-as': {
      const reading = `${quoted(evidence.written)} reads as ${quoted(evidence.reading)}`;
      return evidence.then ? `${reading}: ${evidenceInEnglish(evidence.then)}` : reading;
    }
    case 'latin-letters':
      return `${evidenceInEnglish(evidence.then)}, spelled ${quoted(evidence.written)} with letters that look Latin`;
    case 'brand-with-words': {
      const brand = evidence.meant === undefined ? quoted(evidence.brand) : `${quoted(evidence.brand)} (for ${quoted(evidence.meant)})`;
      const words = evidence.words.map(quoted).join(' and ');
      if (evidence.place === 'keyword') return `${brand} with the word ${words}`;
      if (evidence.place === 'between') return `${brand} between the words ${words}`;
      return `${brand} with ${words}`;
    }
  }
}

/** `"0" instead of "o"`: the part of `lookalike` that differs from `target`. */
export function spellingDifference(lookalike: string, target: string): Evidence {
  const a = [...lookalike];
  const b = [...target];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const written = a.slice(start, endA).join('');
  const meant = b.slice(start, endB).join('');
  if (written === '') return { form: 'left-out', meant };
  if (meant === '') return { form: 'added', written };
  return { form: 'instead-of', written, meant };
}
