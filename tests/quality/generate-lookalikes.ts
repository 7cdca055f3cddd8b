/**
 * Generates lookalike hostnames of the catalog's platforms, one class of trick at a time,
 * for the quality evaluation (tests/quality/evaluate.ts). Written independently of the
 * engine in src/core: its own confusable tables, its own keyboard, so that the engine is
 * measured against the tricks themselves and not against its own idea of them.
 *
 * Every function is pure and deterministic: the same catalog gives the same names in the
 * same order, and each name lands in the same split every time.
 */
import { getDomainWithoutSuffix, getPublicSuffix } from 'tldts';
import { buildAllowlist, matchPlatform, type Allowlist } from '../../src/core/lists/allowlist';
import type { AllowlistFile } from '../../src/core/lists/allowlist-file';
import { normalizeHost, registrableDomainOf } from '../../src/core/hostname';

export const LOOKALIKE_CLASSES = [
  'unicode-homoglyph',
  'mixed-script',
  'whole-script-confusable',
  'ascii-homoglyph',
  'digit-for-letter',
  'transposition',
  'omission',
  'keyboard-insertion',
  'keyboard-replacement',
  'repetition',
  'vowel-swap',
  'bitsquatting',
  'hyphenation',
  'dot-insertion',
  'tld-swap',
  'target-embedding',
  'combosquatting',
  'homoglyph-combosquatting',
  'glued-both-sides',
  'dot-shift',
  'decoration',
  'edge-insertion',
] as const;

export type LookalikeClass = (typeof LOOKALIKE_CLASSES)[number];

/** `held-back` names are never looked at while tuning the engine; `tuning` ones may be. */
export type Split = 'tuning' | 'held-back';

export interface LookalikeTarget {
  /** The listed domain: `doxy.me`, or `meet.google.com` for a platform on a shared domain. */
  domain: string;
  /** The platform's name in the catalog. */
  platform: string;
  /**
   * True when the platform owns the whole registrable domain (`doxy.me`), so typos of it
   * imitate the platform. False for `meet.google.com`: a typo of google.com imitates no
   * telehealth platform, so such a target is used for the embedding class only.
   */
  owned: boolean;
  /**
   * The `target`s a detection may name and count as caught: the domain itself; for a
   * shared-domain platform also its registrable domain and the platform's own domain
   * (meet.google.com, google.com; teams.live.com, live.com, teams.microsoft.com, microsoft.com).
   */
  accepted: readonly string[];
  /**
   * Every listed and registrable domain of the same platform. A detection naming one of
   * these but not an accepted one (vsee.com for a trick on vsee.me) is still a miss, but
   * is counted apart: right brand, wrong domain.
   */
  platformDomains: readonly string[];
}

export interface GeneratedLookalike {
  /** ASCII (punycode) host, as a browser reports it. */
  host: string;
  /** The same host in Unicode, for reading. */
  unicode: string;
  /** The imitated registrable domain (the listed host for a shared-domain platform). */
  target: string;
  class: LookalikeClass;
  split: Split;
  /** Every `target` a detection may name and count as caught (see LookalikeTarget). */
  accepted: readonly string[];
  /** The platform's domains (see LookalikeTarget), for telling right-brand misses apart. */
  platformDomains: readonly string[];
}

// ---------------------------------------------------------------------------------------
// Targets

/**
 * One target per listed domain of the catalog (entry domains and aliases) whose name has three
 * letters or more. A listed host
 * below a registrable domain it doesn't own (teams.microsoft.com) is kept as an
 * embedding-only target.
 */
export function catalogTargets(file: AllowlistFile): LookalikeTarget[] {
  const targets: LookalikeTarget[] = [];
  const seen = new Set<string>();
  for (const entry of file.entries) {
    const domains = [entry.domain, ...entry.aliases];
    const withRegistrable = (list: readonly string[]): string[] => [
      ...new Set(list.flatMap((domain) => [domain, registrableDomainOf(domain) ?? domain])),
    ];
    const platformDomains = withRegistrable(domains);
    for (const domain of domains) {
      if (seen.has(domain)) continue;
      seen.add(domain);
      // t.me: a name of one or two letters is no target (the engine's MIN_TARGET_NAME): r.me and
      // t.co are other people's sites, and imitations of Telegram are made of telegram.org.
      if ((partsOf(domain)?.name.length ?? 0) < 3) continue;
      const owned = registrableDomainOf(domain) === domain;
      const accepted = owned ? [domain] : withRegistrable([domain, entry.domain]);
      targets.push({ domain, platform: entry.name, owned, accepted, platformDomains });
    }
  }
  return targets;
}

// ---------------------------------------------------------------------------------------
// Tables

/**
 * Single characters that look like a Latin letter: Cyrillic and Greek lookalikes, other
 * scripts' near-identical letters, and Latin letters with diacritics (ó, ö, ł, ø, đ).
 */
const UNICODE_CONFUSABLES: Readonly<Record<string, readonly string[]>> = {
  a: ['а', 'α', 'á', 'à', 'ä', 'â', 'ã', 'å', 'ą'],
  b: ['ь', 'ƅ', 'ḃ'],
  c: ['с', 'ϲ', 'ç', 'ć', 'č'],
  d: ['ԁ', 'đ', 'ď', 'ɗ'],
  e: ['е', 'ė', 'é', 'è', 'ë', 'ê', 'ę', 'ě'],
  g: ['ɡ', 'ġ', 'ğ', 'ģ'],
  h: ['һ', 'ḥ', 'ħ'],
  i: ['і', 'ı', 'ι', 'í', 'ì', 'ï', 'î'],
  j: ['ј', 'ĵ'],
  k: ['κ', 'к', 'ķ', 'ḳ'],
  l: ['ӏ', 'ł', 'ļ', 'ľ', 'ḷ'],
  m: ['ṃ', 'ṁ'],
  n: ['ո', 'ñ', 'ń', 'ņ', 'ň'],
  o: ['о', 'ο', 'օ', 'ó', 'ò', 'ö', 'ô', 'õ', 'ø', 'ő'],
  p: ['р', 'ρ', 'ṗ'],
  q: ['ԛ', 'զ'],
  r: ['г', 'ŕ', 'ř', 'ṛ'],
  s: ['ѕ', 'ś', 'š', 'ş', 'ṣ'],
  t: ['ţ', 'ť', 'ṭ'],
  u: ['υ', 'ս', 'ú', 'ù', 'ü', 'û', 'ů', 'ű'],
  v: ['ν', 'ѵ', 'ṿ'],
  w: ['ԝ', 'ŵ', 'ẁ', 'ẃ', 'ẅ'],
  x: ['х', 'χ', 'ẋ'],
  y: ['у', 'ý', 'ÿ', 'ŷ'],
  z: ['ż', 'ź', 'ž', 'ẓ'],
};

/**
 * Cyrillic letters that look the same as a Latin letter in common fonts: the material for
 * the mixed-script and whole-script classes ("соре" for "cope").
 */
const CYRILLIC_LOOKALIKES: Readonly<Record<string, string>> = {
  a: 'а', // U+0430
  c: 'с', // U+0441
  d: 'ԁ', // U+0501
  e: 'е', // U+0435
  h: 'һ', // U+04BB
  i: 'і', // U+0456
  j: 'ј', // U+0458
  l: 'ӏ', // U+04CF
  o: 'о', // U+043E
  p: 'р', // U+0440
  q: 'ԛ', // U+051B
  s: 'ѕ', // U+0455
  v: 'ѵ', // U+0475
  w: 'ԝ', // U+051D
  x: 'х', // U+0445
  y: 'у', // U+0443
};

/** Letter sequences that read as another sequence in ASCII: rn/m, cl/d, vv/w. */
const ASCII_LOOKALIKES: readonly (readonly [string, string])[] = [
  ['m', 'rn'],
  ['rn', 'm'],
  ['d', 'cl'],
  ['cl', 'd'],
  ['w', 'vv'],
  ['vv', 'w'],
];

/** Digits that stand in for letters. */
const DIGIT_LOOKALIKES: Readonly<Record<string, readonly string[]>> = {
  o: ['0'],
  l: ['1'],
  i: ['1'],
  e: ['3'],
  s: ['5'],
  a: ['4'],
};

/** QWERTY rows, each shifted half a key right of the one above. */
const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** The keys touching `key`: left and right, the two above and the two below. */
function keyboardNeighbours(key: string): string[] {
  for (let r = 0; r < KEYBOARD_ROWS.length; r++) {
    const c = KEYBOARD_ROWS[r]!.indexOf(key);
    if (c < 0) continue;
    const spots: [number, number][] = [
      [r, c - 1],
      [r, c + 1],
      [r - 1, c],
      [r - 1, c + 1],
      [r + 1, c - 1],
      [r + 1, c],
    ];
    return spots.flatMap(([row, col]) => {
      const near = KEYBOARD_ROWS[row]?.[col];
      return near === undefined ? [] : [near];
    });
  }
  return [];
}

const VOWELS = ['a', 'e', 'i', 'o', 'u'];

/** The endings a TLD swap moves a name to. */
export const SWAP_TLDS = ['com', 'net', 'org', 'co', 'io', 'app', 'us', 'me', 'health', 'care', 'info', 'online', 'site', 'co.uk', 'com.au'];

/** The words combosquatting joins to a name. */
export const COMBO_KEYWORDS = [
  'login', 'portal', 'visit', 'video', 'patient', 'secure', 'account', 'appointment', 'telehealth', 'signin', 'verify',
  'support', 'app', 'online', 'meet', 'join', 'health', 'care', 'clinic', 'session', 'auth',
];

/** Filler words for the embedding class's attacker-owned domains ("random-ish"). */
const EMBED_WORDS = ['example', 'secure-session', 'account-verify', 'patient-portal', 'cloud-host', 'web-app', 'signin-help', 'clinic-visit'];

// ---------------------------------------------------------------------------------------
// Helpers

/** FNV-1a, 32-bit: a stable hash for splitting and for picking filler words. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** About one name in five is held back: FNV-1a of the ASCII host, mod 5, is 0. */
export function splitOf(host: string): Split {
  return fnv1a(host) % 5 === 0 ? 'held-back' : 'tuning';
}

function replaceAt(text: string[], i: number, by: string): string {
  return [...text.slice(0, i), by, ...text.slice(i + 1)].join('');
}

function insertAt(text: string[], i: number, what: string): string {
  return [...text.slice(0, i), what, ...text.slice(i)].join('');
}

/** `name` and `suffix` of a target: `doxy` + `me`, `janeapp` + `co.uk`. */
interface NameParts {
  name: string;
  suffix: string;
}

function partsOf(domain: string): NameParts | undefined {
  // tldts directly (the same public-suffix list the engine uses through src/core/hostname).
  const name = getDomainWithoutSuffix(domain);
  const suffix = getPublicSuffix(domain);
  return name && suffix ? { name, suffix } : undefined;
}

// ---------------------------------------------------------------------------------------
// One pure function per class. Each takes the target's name parts and returns Unicode hosts
// (possibly invalid ones; the caller drops those).

/** One letter swapped for a lookalike from another script or with a diacritic: dоxy.me, dóxy.me. */
export function unicodeHomoglyphs({ name, suffix }: NameParts): string[] {
  const chars = [...name];
  return chars.flatMap((char, i) => (UNICODE_CONFUSABLES[char] ?? []).map((by) => `${replaceAt(chars, i, by)}.${suffix}`));
}

/**
 * Some but not all letters Cyrillic: every second replaceable letter (two phases), the first
 * half and the second half of them, and all but the first or all but the last.
 */
export function mixedScript({ name, suffix }: NameParts): string[] {
  const chars = [...name];
  const letters = chars.flatMap((char, i) => (/[a-z]/.test(char) ? [i] : []));
  const replaceable = letters.filter((i) => CYRILLIC_LOOKALIKES[chars[i]!] !== undefined);
  const half = Math.ceil(replaceable.length / 2);
  const picks = [
    replaceable.filter((_, k) => k % 2 === 0),
    replaceable.filter((_, k) => k % 2 === 1),
    replaceable.slice(0, half),
    replaceable.slice(half),
    replaceable.slice(1),
    replaceable.slice(0, -1),
  ];
  const hosts: string[] = [];
  for (const pick of picks) {
    // Mixed means at least two Cyrillic letters and at least one Latin letter left.
    if (pick.length < 2 || pick.length >= letters.length) continue;
    const out = chars.map((char, i) => (pick.includes(i) ? CYRILLIC_LOOKALIKES[char]! : char));
    hosts.push(`${out.join('')}.${suffix}`);
  }
  return hosts;
}

/** The whole name in Cyrillic lookalikes (ԁоху.me); none when some letter has no lookalike. */
export function wholeScriptConfusable({ name, suffix }: NameParts): string[] {
  const chars = [...name];
  if (!chars.some((char) => /[a-z]/.test(char))) return [];
  const out: string[] = [];
  for (const char of chars) {
    if (!/[a-z]/.test(char)) {
      out.push(char); // digits and hyphens have no script
      continue;
    }
    const cyrillic = CYRILLIC_LOOKALIKES[char];
    if (cyrillic === undefined) return [];
    out.push(cyrillic);
  }
  return [`${out.join('')}.${suffix}`];
}

/** One ASCII letter sequence read as another, at each place it occurs: zoorn.us, cloxy.me. */
export function asciiHomoglyphs({ name, suffix }: NameParts): string[] {
  const hosts: string[] = [];
  for (const [from, to] of ASCII_LOOKALIKES) {
    for (let i = name.indexOf(from); i >= 0; i = name.indexOf(from, i + 1)) {
      hosts.push(`${name.slice(0, i)}${to}${name.slice(i + from.length)}.${suffix}`);
    }
  }
  return hosts;
}

/** One letter replaced by the digit that looks like it: d0xy.me, amwe1l.com. */
export function digitForLetter({ name, suffix }: NameParts): string[] {
  const chars = [...name];
  return chars.flatMap((char, i) => (DIGIT_LOOKALIKES[char] ?? []).map((digit) => `${replaceAt(chars, i, digit)}.${suffix}`));
}

/** Two adjacent, different characters swapped: dxoy.me. */
export function transposition({ name, suffix }: NameParts): string[] {
  const chars = [...name];
  const hosts: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) {
    if (chars[i] === chars[i + 1]) continue;
    const out = [...chars];
    [out[i], out[i + 1]] = [out[i + 1]!, out[i]!];
    hosts.push(`${out.join('')}.${suffix}`);
  }
  return hosts;
}

/** One character left out: dxy.me. */
export function omission({ name, suffix }: NameParts): string[] {
  const chars = [...name];
  return chars.map((_, i) => `${[...chars.slice(0, i), ...chars.slice(i + 1)].join('')}.${suffix}`);
}

/** A key next to a character typed as well, before or after it: dpoxy.me, dopxy.me. */
export function keyboardInsertion({ name, suffix }: NameParts): string[] {
  const chars = [...name];
  return chars.flatMap((char, i) =>
    keyboardNeighbours(char).flatMap((near) => [`${insertAt(chars, i, near)}.${suffix}`, `${insertAt(chars, i + 1, near)}.${suffix}`]),
  );
}

/** A character replaced by a key next to it: dixy.me, doxt.me. */
export function keyboardReplacement({ name, suffix }: NameParts): string[] {
  const chars = [...name];
  return chars.flatMap((char, i) => keyboardNeighbours(char).map((near) => `${replaceAt(chars, i, near)}.${suffix}`));
}

/** One character doubled: ddoxy.me, doxxy.me. */
export function repetition({ name, suffix }: NameParts): string[] {
  const chars = [...name];
  return chars.map((char, i) => `${insertAt(chars, i, char)}.${suffix}`);
}

/** One vowel replaced by another: doxy.me → daxy.me. */
export function vowelSwap({ name, suffix }: NameParts): string[] {
  const chars = [...name];
  return chars.flatMap((char, i) =>
    VOWELS.includes(char) ? VOWELS.filter((v) => v !== char).map((v) => `${replaceAt(chars, i, v)}.${suffix}`) : [],
  );
}

/** One bit of one character flipped, where the result is still a hostname character: foxy.me, doxq.me. */
export function bitsquatting({ name, suffix }: NameParts): string[] {
  const chars = [...name];
  const hosts: string[] = [];
  chars.forEach((char, i) => {
    for (let bit = 0; bit < 8; bit++) {
      const flipped = String.fromCharCode(char.charCodeAt(0) ^ (1 << bit));
      if (/^[a-z0-9-]$/.test(flipped)) hosts.push(`${replaceAt(chars, i, flipped)}.${suffix}`);
    }
  });
  return hosts;
}

/** A hyphen inside the name: do-xy.me. */
export function hyphenation({ name, suffix }: NameParts): string[] {
  const chars = [...name];
  const hosts: string[] = [];
  for (let i = 1; i < chars.length; i++) hosts.push(`${insertAt(chars, i, '-')}.${suffix}`);
  return hosts;
}

/** A dot inside the name, so the rest becomes the registrable domain: do.xy.me. */
export function dotInsertion({ name, suffix }: NameParts): string[] {
  const chars = [...name];
  const hosts: string[] = [];
  for (let i = 1; i < chars.length; i++) hosts.push(`${insertAt(chars, i, '.')}.${suffix}`);
  return hosts;
}

/** The same name under another common ending: doxy.com, doxy.health, doxy.co.uk. */
export function tldSwap({ name, suffix }: NameParts): string[] {
  return SWAP_TLDS.filter((tld) => tld !== suffix).map((tld) => `${name}.${tld}`);
}

/**
 * The real address inside a longer one the attacker owns: doxy.me.example.net,
 * doxy.me.<word>.com, doxy-me.com, doxyme.com, login-doxy.me.com,
 * secure.doxy.me-verify.net, doxy.me-login.net. Takes the whole listed domain, so it works
 * for meet.google.com too.
 */
export function targetEmbedding(domain: string): string[] {
  const hash = fnv1a(domain);
  const first = EMBED_WORDS[hash % EMBED_WORDS.length]!;
  const second = EMBED_WORDS[(hash >>> 8) % EMBED_WORDS.length]!;
  return [
    `${domain}.${first}.net`,
    `${domain}.${second === first ? 'session-link' : second}.com`,
    `${domain.replaceAll('.', '-')}.com`,
    `${domain.replaceAll('.', '')}.com`,
    `login-${domain}.com`,
    `secure.${domain}-verify.net`,
    `${domain}-login.net`,
  ];
}

/** Name and a keyword joined by '-' or nothing, keyword first or last: doxy-login.me, patientdoxy.me. */
export function combosquatting({ name, suffix }: NameParts): string[] {
  return COMBO_KEYWORDS.flatMap((word) => [
    `${name}-${word}.${suffix}`,
    `${word}-${name}.${suffix}`,
    `${name}${word}.${suffix}`,
    `${word}${name}.${suffix}`,
  ]);
}

/**
 * Combosquatting and an embedded address with one letter of the brand borrowed from another
 * alphabet or accented: dоxy-login.me (Cyrillic о), dóxy.me-login.net, zооm-meeting.us.
 * Each letter of the name in turn, with each of its lookalikes, beside one keyword picked by
 * the name's hash.
 */
export function homoglyphCombosquatting({ name, suffix }: NameParts): string[] {
  const chars = [...name];
  const word = COMBO_KEYWORDS[fnv1a(name) % COMBO_KEYWORDS.length]!;
  return chars.flatMap((char, i) =>
    (UNICODE_CONFUSABLES[char] ?? []).flatMap((by) => {
      const borrowed = replaceAt(chars, i, by);
      return [`${borrowed}-${word}.${suffix}`, `${word}${borrowed}.com`, `${borrowed}.${suffix}-${word}.com`];
    }),
  );
}

/**
 * The name or the whole address run together, with keywords glued on both sides and no
 * separator: securedoxymelogin.com, myzoomusmeeting.com, patientdoxyportal.me.
 */
export function gluedBothSides({ name, suffix }: NameParts): string[] {
  const glued = `${name}${suffix.replaceAll('.', '')}`;
  return COMBO_KEYWORDS.flatMap((before, i) => {
    const after = COMBO_KEYWORDS[(i + 7) % COMBO_KEYWORDS.length]!;
    return [`${before}${name}${after}.${suffix}`, `${before}${glued}${after}.com`];
  });
}

/** The dot before the suffix moved one or two letters either way: vseec.om for vsee.com (most moves make no valid host). */
export function dotShift({ name, suffix }: NameParts): string[] {
  const glued = `${name}${suffix}`;
  const hosts: string[] = [];
  for (const move of [-2, -1, 1, 2]) {
    const at = name.length + move;
    if (at <= 0 || at >= glued.length) continue;
    hosts.push(`${glued.slice(0, at)}.${glued.slice(at)}`);
  }
  return hosts;
}

/**
 * The address dressed up: a padlock, a check mark or brackets around the name, or a
 * character that passes for a slash or a dot after the address (doxy.meノexample.jp reads as
 * doxy.me/example.jp).
 */
export function decoration(domain: string): string[] {
  const parts = partsOf(domain);
  const word = EMBED_WORDS[fnv1a(domain) % EMBED_WORDS.length]!;
  return [
    ...(parts ? [`🔒${parts.name}.${parts.suffix}`, `✅${parts.name}.${parts.suffix}`, `【${parts.name}】.${parts.suffix}`, `「${parts.name}」.${parts.suffix}`] : []),
    `${domain}ノ${word}.jp`,
    `${domain}・${word}.com`,
    `${domain}⁄${word}.net`,
    `【${domain}】.${word}.com`,
  ];
}

/** Any letter added before or after a short name (four or five letters), under its own ending: doxyq.me, qdoxy.me. */
export function edgeInsertion({ name, suffix }: NameParts): string[] {
  if (name.length < 4 || name.length > 5) return [];
  return [...'abcdefghijklmnopqrstuvwxyz'].flatMap((letter) => [`${letter}${name}.${suffix}`, `${name}${letter}.${suffix}`]);
}

/** The Unicode hosts one class makes for one target (the typo classes only for owned ones). */
export function hostsForClass(cls: LookalikeClass, target: LookalikeTarget): string[] {
  if (cls === 'target-embedding') return targetEmbedding(target.domain);
  if (cls === 'decoration') return target.owned ? decoration(target.domain) : [];
  if (!target.owned) return [];
  const parts = partsOf(target.domain);
  if (!parts) return [];
  switch (cls) {
    case 'unicode-homoglyph':
      return unicodeHomoglyphs(parts);
    case 'mixed-script':
      return mixedScript(parts);
    case 'whole-script-confusable':
      return wholeScriptConfusable(parts);
    case 'ascii-homoglyph':
      return asciiHomoglyphs(parts);
    case 'digit-for-letter':
      return digitForLetter(parts);
    case 'transposition':
      return transposition(parts);
    case 'omission':
      return omission(parts);
    case 'keyboard-insertion':
      return keyboardInsertion(parts);
    case 'keyboard-replacement':
      return keyboardReplacement(parts);
    case 'repetition':
      return repetition(parts);
    case 'vowel-swap':
      return vowelSwap(parts);
    case 'bitsquatting':
      return bitsquatting(parts);
    case 'hyphenation':
      return hyphenation(parts);
    case 'dot-insertion':
      return dotInsertion(parts);
    case 'tld-swap':
      return tldSwap(parts);
    case 'combosquatting':
      return combosquatting(parts);
    case 'homoglyph-combosquatting':
      return homoglyphCombosquatting(parts);
    case 'glued-both-sides':
      return gluedBothSides(parts);
    case 'dot-shift':
      return dotShift(parts);
    case 'edge-insertion':
      return edgeInsertion(parts);
  }
}

// ---------------------------------------------------------------------------------------
// Validation and the whole set

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * The ASCII form of a generated host, or undefined when no browser would load it: bad
 * labels, `--` in places IDNA reserves, too long, or no registrable domain.
 */
export function toValidHost(unicodeHost: string): string | undefined {
  let host: string;
  try {
    host = normalizeHost(unicodeHost);
  } catch {
    return undefined;
  }
  if (host.length > 253) return undefined;
  const labels = host.split('.');
  for (const label of labels) {
    if (!LABEL.test(label)) return undefined;
    // "ab--c" is reserved for IDNA's xn--; other doubled hyphens are fine but are not typos.
    if (label.slice(2, 4) === '--' && !label.startsWith('xn--')) return undefined;
  }
  if (/^\d+$/.test(labels.at(-1) ?? '')) return undefined;
  return registrableDomainOf(host) ? host : undefined;
}

export interface GenerateOptions {
  /** Generated hosts this allowlist covers (or whose registrable domain it owns) are dropped. */
  allowlist?: Allowlist;
}

/**
 * Every class over every target: valid hosts only, none the allowlist covers, each host
 * once per class. When two targets yield the same host (zoom.net from zoom.us and
 * zoom.com), the first target is kept as `target` and every such target is accepted.
 */
export function generateLookalikes(targets: readonly LookalikeTarget[], options: GenerateOptions = {}): GeneratedLookalike[] {
  const out: GeneratedLookalike[] = [];
  for (const cls of LOOKALIKE_CLASSES) {
    const byHost = new Map<string, GeneratedLookalike>();
    for (const target of targets) {
      const targetDomain = target.domain;
      for (const unicode of hostsForClass(cls, target)) {
        const host = toValidHost(unicode);
        if (host === undefined) continue;
        if (options.allowlist && isCovered(options.allowlist, host)) continue;
        const earlier = byHost.get(host);
        if (earlier) {
          // Made from two targets (zoom.net from zoom.us and zoom.com): either one is right.
          earlier.accepted = [...new Set([...earlier.accepted, ...target.accepted])];
          earlier.platformDomains = [...new Set([...earlier.platformDomains, ...target.platformDomains])];
          continue;
        }
        byHost.set(host, {
          host,
          unicode: unicode.toLowerCase(),
          target: targetDomain,
          class: cls,
          split: splitOf(host),
          accepted: target.accepted,
          platformDomains: target.platformDomains,
        });
      }
    }
    out.push(...byHost.values());
  }
  // A host made for several targets in different classes (jane.app.com.au: a dot in
  // janeapp.com.au, and jane.app embedded) imitates each of them: naming any one is right.
  const acceptedByHost = new Map<string, Set<string>>();
  for (const name of out) {
    const set = acceptedByHost.get(name.host) ?? new Set<string>();
    for (const domain of name.accepted) set.add(domain);
    acceptedByHost.set(name.host, set);
  }
  for (const name of out) name.accepted = [...acceptedByHost.get(name.host)!];
  return out;
}

function isCovered(allowlist: Allowlist, host: string): boolean {
  if (matchPlatform(allowlist, host)) return true;
  const registrable = registrableDomainOf(host);
  return registrable !== undefined && allowlist.ownedRegistrableDomains.has(registrable);
}

/** The catalog's targets and lookalikes, filtered against the catalog itself. */
export function generateCatalogLookalikes(file: AllowlistFile): GeneratedLookalike[] {
  const allowlist = buildAllowlist([{ source: 'catalog', file }]);
  return generateLookalikes(catalogTargets(file), { allowlist });
}
