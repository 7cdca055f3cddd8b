/**
 * Words phishing names join to a brand (doxy-login.com, securedoxy.com): the account and
 * sign-in words Chromium's combosquatting check uses, plus the words of a telehealth visit.
 */
export const COMBO_KEYWORDS: readonly string[] = [
  'login', 'logon', 'signin', 'signon', 'sign', 'log', 'account', 'accounts', 'auth', 'verify', 'verification',
  'secure', 'security', 'password', 'reset', 'update', 'support', 'help', 'service', 'services',
  'portal', 'visit', 'visits', 'video', 'call', 'meet', 'meeting', 'join', 'room', 'session', 'app', 'web',
  'online', 'patient', 'patients', 'appointment', 'appointments', 'telehealth', 'telemed', 'telemedicine',
  'health', 'care', 'clinic', 'doctor', 'my', 'mail', 'billing', 'pay', 'payment', 'admin',
  // The lure words of real phishing names beside a platform's (the real-world corpus's
  // Discord and Telegram lists): prizes, giveaways, crypto.
  'gift', 'gifts', 'free', 'promo', 'claim', 'reward', 'rewards', 'bonus', 'giveaway', 'airdrop', 'drop',
  'token', 'coin', 'crypto', 'wallet', 'ico', 'sale', 'official', 'apps', 'nitro',
];

const KEYWORDS = new Set(COMBO_KEYWORDS);

/**
 * Keywords that third parties put beside a brand they do not imitate (gotomy.com,
 * janeweb.ru, discordmail.com): a finding with one of them alone is of low confidence.
 */
const WEAK_KEYWORDS: ReadonlySet<string> = new Set(['my', 'web', 'app', 'apps', 'online', 'mail', 'log']);

export function isWeakKeyword(keyword: string): boolean {
  return WEAK_KEYWORDS.has(keyword);
}

export function isComboKeyword(token: string): boolean {
  return KEYWORDS.has(token);
}

interface TrieNode {
  next: Map<string, TrieNode>;
  isWord: boolean;
}

function trieOf(words: readonly string[]): TrieNode {
  const root: TrieNode = { next: new Map(), isWord: false };
  for (const word of words) {
    let node = root;
    for (const char of word) {
      let child = node.next.get(char);
      if (!child) node.next.set(char, (child = { next: new Map(), isWord: false }));
      node = child;
    }
    node.isWord = true;
  }
  return root;
}

const PREFIXES = trieOf(COMBO_KEYWORDS);
const SUFFIXES = trieOf(COMBO_KEYWORDS.map((word) => [...word].reverse().join('')));

/** Lengths of the keywords `token` starts with (or, reversed, ends with), shortest first. */
function keywordLengths(token: string, trie: TrieNode, fromEnd: boolean): number[] {
  const lengths: number[] = [];
  let node: TrieNode | undefined = trie;
  for (let i = 0; i < token.length && node; i++) {
    node = node.next.get(token[fromEnd ? token.length - 1 - i : i]!);
    if (node?.isWord) lengths.push(i + 1);
  }
  return lengths;
}

/**
 * Splits `securedoxy` or `doxylogin` into the brand and the keyword glued to it, walking a
 * keyword trie from each end (no keyword list scan); `isBrand` judges the remainder.
 */
export function splitGluedKeyword(token: string, isBrand: (rest: string) => boolean): { brand: string; keyword: string } | undefined {
  for (const length of keywordLengths(token, PREFIXES, false)) {
    const rest = token.slice(length);
    if (rest !== '' && isBrand(rest)) return { brand: rest, keyword: token.slice(0, length) };
  }
  for (const length of keywordLengths(token, SUFFIXES, true)) {
    const rest = token.slice(0, token.length - length);
    if (rest !== '' && isBrand(rest)) return { brand: rest, keyword: token.slice(token.length - length) };
  }
  return undefined;
}

/** How many keywords may stand around a glued brand: "my", "secure", "login" … */
const MAX_GLUED_KEYWORDS = 3;

/**
 * Splits `securedoxymelogin` into keywords on both sides of what `isBrand` accepts in the
 * middle (`doxyme`): at least one keyword before it and one after, at most three in all.
 * A keyword on one side only is splitGluedKeyword's.
 */
export function splitGluedKeywords(token: string, isBrand: (rest: string) => boolean): { brand: string; keywords: string[] } | undefined {
  // Most names neither start nor end with a keyword: two trie walks settle them.
  if (keywordLengths(token, PREFIXES, false).length === 0 || keywordLengths(token, SUFFIXES, true).length === 0) return undefined;
  const search = (start: number, end: number, before: string[], after: string[]): { brand: string; keywords: string[] } | undefined => {
    const rest = token.slice(start, end);
    if (before.length > 0 && after.length > 0 && isBrand(rest)) return { brand: rest, keywords: [...before, ...after.slice().reverse()] };
    if (before.length + after.length >= MAX_GLUED_KEYWORDS) return undefined;
    for (const length of keywordLengths(rest, PREFIXES, false)) {
      if (length >= rest.length) continue;
      const found = search(start + length, end, [...before, rest.slice(0, length)], after);
      if (found) return found;
    }
    for (const length of keywordLengths(rest, SUFFIXES, true)) {
      if (length >= rest.length) continue;
      const found = search(start, end - length, before, [...after, rest.slice(rest.length - length)]);
      if (found) return found;
    }
    return undefined;
  };
  return search(0, token.length, [], []);
}
