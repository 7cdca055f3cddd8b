import { matchPlatform, type Allowlist } from '../lists/allowlist';
import { isComboKeyword, isWeakKeyword, splitGluedKeyword, splitGluedKeywords } from './combosquatting';
import { undecorated } from './decorations';
import type { BrandWordsPlace, Evidence } from './evidence';
import { deletionHashes } from './deletion-hashes';
import { editDistance } from './edit-distance';
import { hostToUnicode, splitHost } from '../hostname';
import type { LookalikeConfidence, LookalikeRule } from './lookalike-rules';
import { scriptOfLabel } from './scripts';
import { latinReadings, readingsOf, skeletonOf } from './skeleton';
import { typoKind } from './typos';

/** A domain a lookalike may imitate: one per registrable domain the allowlist knows. */
export interface LookalikeTarget {
  /** The listed domain to name in warnings: `doxy.me`, or `teams.microsoft.com`. */
  domain: string;
  /** `doxy.me`; `microsoft.com` for Teams */
  registrable: string;
  name: string;
  suffix: string;
  skeleton: string;
  /** `name` as it is shown: `klinik-münchen` for `xn--klinik-mnchen-3ob`. */
  unicodeName: string;
  platformName: string;
  /**
   * Only a platform that owns its whole registrable domain is a target for typos and brand
   * tricks: Teams lives on teams.live.com, and lime.com imitates no platform.
   */
  ownsRegistrable: boolean;
}

/** What the index found: the rule, and the spelling of the target it was compared with. */
export interface IndexHit {
  target: LookalikeTarget;
  rule: LookalikeRule;
  /** For rules whose evidence is not a spelling difference (embedding, keywords). */
  evidence?: Evidence;
  /** Where it is not the rule's own (lookalike-rules' ruleConfidence). */
  confidence?: LookalikeConfidence;
}

/** The rules that always say why: an address inside the host, a brand beside words. */
type HitWithEvidence = IndexHit & { evidence: Evidence };

type Bucket = Map<string, LookalikeTarget[]>;
type HashBucket = Map<number, LookalikeTarget[]>;

function add<K>(bucket: Map<K, LookalikeTarget[]>, key: K, target: LookalikeTarget): void {
  const list = bucket.get(key);
  if (!list) bucket.set(key, [target]);
  else if (!list.includes(target)) list.push(target);
}

/**
 * Which typo kinds count, by the length of the imitated name. Short names (doxy, vsee, jit)
 * sit one arbitrary letter away from many real names (klara/klarna), so for them only the
 * typos that keep the name's look or come from the keyboard count; a longer name allows any
 * single typo, and from LONG_NAME characters on two edits found through a shared deletion.
 */
const KEEPS_THE_LOOK: ReadonlySet<LookalikeRule> = new Set<LookalikeRule>([
  'transposition', 'repetition', 'omission', 'keyboard-neighbour', 'vowel-swap', 'bitsquatting', 'hyphenation',
]);
const SHORT_NAME = 6;
/** Below this, a listed name is no lookalike target at all (t.me). */
const MIN_TARGET_NAME = 3;
const LONG_NAME = 10;

function typoCounts(rule: LookalikeRule, targetLength: number): boolean {
  return targetLength >= SHORT_NAME || KEEPS_THE_LOOK.has(rule);
}

/**
 * A letter added before or after a short name, under the same ending (doxyq.me, qdoxy.me,
 * zoomx.us): the whole name stays intact and in place, which a letter added inside it
 * (klarna for klara) does not. Names of four letters or more: below that, one more letter
 * makes half the web's three-letter names' neighbours.
 */
const MIN_EDGE_NAME = 4;

/**
 * One arbitrary letter changed or added in a short name (xoom for zoom, gato for goto,
 * terra for tebra): a real name as often as a trick. Swaps, doubled and dropped letters keep
 * the name's own letters and stay at the rule's tier.
 */
function isWeakShortTypo(rule: LookalikeRule, targetLength: number): boolean {
  return targetLength < SHORT_NAME && (rule === 'keyboard-neighbour' || rule === 'vowel-swap' || rule === 'bitsquatting' || rule === 'insertion' || rule === 'replacement');
}
function isEdgeInsertion(name: string, target: string): boolean {
  return target.length >= MIN_EDGE_NAME && name.length === target.length + 1 && (name.startsWith(target) || name.endsWith(target));
}

function homoglyphRule(unicodeName: string): LookalikeRule {
  switch (scriptOfLabel(unicodeName)) {
    case 'ascii':
      return /\d/.test(unicodeName) ? 'digit-for-letter' : 'ascii-lookalike';
    case 'mixed':
      return 'mixed-script';
    case 'cyrillic':
    case 'greek':
      return 'whole-script-confusable';
    default:
      return 'unicode-homoglyph';
  }
}

/** Of the targets a key leads to, the one under the host's own suffix (vsee.me for vs3e.me). */
function preferSuffix(targets: readonly LookalikeTarget[] | undefined, suffix: string): LookalikeTarget | undefined {
  return targets?.find((target) => target.suffix === suffix) ?? targets?.[0];
}

/** The longest listed domain, in tokens, that an embedding window must reach (teams.microsoft.com). */
const MAX_EMBEDDED_TOKENS = 4;

/**
 * The typo between a host's name and a target, if one counts: first on the names as typed,
 * then on their skeletons (a typo plus a borrowed lookalike letter). Long names also accept
 * two edits found through a shared deletion key.
 */
function judgeTypo(query: Query, target: LookalikeTarget): IndexHit | undefined {
  const direct = typoKind(query.name, target.name);
  if (direct && (typoCounts(direct, target.name.length) || (direct === 'insertion' && isEdgeInsertion(query.name, target.name)))) {
    return { target, rule: direct, ...(isWeakShortTypo(direct, target.name.length) ? { confidence: 'low' as const } : {}) };
  }
  const visual = typoKind(query.skeleton, target.skeleton);
  // A borrowed letter and a typo in one short name is two tricks in four or five letters:
  // éam.us is not team.us (é would be read as "te").
  const twoTricksInShortName = query.unicodeName !== query.name && target.name.length < SHORT_NAME;
  if (visual && typoCounts(visual, target.name.length) && !twoTricksInShortName) {
    const rule = scriptOfLabel(query.unicodeName) === 'ascii' ? visual : homoglyphRule(query.unicodeName);
    return { target, rule, ...(isWeakShortTypo(visual, target.name.length) ? { confidence: 'low' as const } : {}) };
  }
  if (target.name.length >= LONG_NAME && Math.abs(query.name.length - target.name.length) <= 2) {
    if (editDistance(query.name, target.name, 2) <= 2 || editDistance(query.skeleton, target.skeleton, 2) <= 2) return { target, rule: 'edit-distance' };
  }
  return undefined;
}

/** A host or name as it is shown: its xn-- labels in Unicode (most hosts have none). */
function asShown(text: string): string {
  return text.includes('xn--') ? hostToUnicode(text) : text;
}

const PUNYCODE_LABEL = '\u0000';

/**
 * A host's words: its labels split at hyphens. An xn-- label's letters are punycode, not
 * words: it stands as one token no rule matches (the borrowed-letters pass reads it in Unicode).
 */
function tokensOf(host: string): string[] {
  return host.split('.').flatMap((label) => (label.startsWith('xn--') ? [PUNYCODE_LABEL] : label.split('-')));
}

/** The ending is the registry's, not the owner's word: online.google is no brand beside "online". */
function tokensBeforeSuffix(tokens: readonly string[], suffix: string): readonly string[] {
  return tokens.slice(0, Math.max(0, tokens.length - tokensOf(suffix).length));
}

/** A host's name in the three spellings the rules compare. */
interface Query {
  name: string;
  unicodeName: string;
  skeleton: string;
  suffix: string;
}

/**
 * Everything the lookalike rules need about an allowlist, built once, so that judging a
 * host costs a few map look-ups however long the list is (never a scan of it).
 */
export class LookalikeIndex {
  readonly targets: readonly LookalikeTarget[];
  readonly #allowlist: Allowlist;
  /** Name skeleton → targets: homoglyphs of every kind, under any suffix. */
  readonly #bySkeleton: Bucket = new Map();
  /** Exact name → targets: TLD swaps, hyphens, dots, brand-and-keyword names. */
  readonly #byName: Bucket = new Map();
  /**
   * Deletion neighbourhood of names and their skeletons → targets: one-typo candidates. One
   * table for every suffix: a typo counts under the host's own suffix only (checked on the
   * few candidates), and a misspelt brand beside a keyword under any.
   */
  readonly #byDeletion: HashBucket = new Map();
  /** Scratch space for deletion hashes: judging a host allocates no key strings. */
  readonly #hashes: number[] = [];
  /** `doxy.me`, `doxy-me`, `doxyme`, `meet.google.com` … → targets: embedded addresses. */
  readonly #byEmbedding: Bucket = new Map();
  /** The longest listed name, in characters: longer words are no misspelt brand. */
  readonly #longestName: number;
  /** Listed registrable domain → its target. */
  readonly #byRegistrable: ReadonlyMap<string, LookalikeTarget>;
  /** First tokens of those (`doxy`, `meet`): windows start only where one of them stands. */
  readonly #embeddingStarts = new Set<string>();

  constructor(allowlist: Allowlist) {
    this.#allowlist = allowlist;
    const byRegistrable = new Map<string, LookalikeTarget>();
    for (const [domain, platform] of allowlist.byDomain) {
      const parts = splitHost(domain);
      // t.me, wa.me: a name of one or two letters is in a great many real names (t.co, tme.net);
      // such a link domain is the platform's own, and imitations are judged by its main domain.
      if (!parts || parts.name.length < MIN_TARGET_NAME) continue;
      const owns = parts.registrable === domain;
      let target = byRegistrable.get(parts.registrable);
      if (!target || (owns && !target.ownsRegistrable)) {
        const { registrable, name, suffix } = parts;
        // An internationalised name (klinik-münchen) is compared as it is seen, not as punycode.
        const unicodeName = asShown(name);
        target = { domain, registrable, name, suffix, skeleton: skeletonOf(unicodeName), unicodeName, platformName: platform.name, ownsRegistrable: owns };
        byRegistrable.set(parts.registrable, target);
      }
      this.#indexEmbedding(domain, target);
    }
    this.targets = [...byRegistrable.values()];
    // A loop, not Math.max(...): an admin list may be longer than a call takes arguments.
    this.#longestName = this.targets.reduce((longest, target) => Math.max(longest, target.name.length), 0);
    this.#byRegistrable = byRegistrable;
    for (const target of this.targets) {
      add(this.#bySkeleton, target.skeleton, target);
      if (!target.ownsRegistrable) continue;
      add(this.#byName, target.name, target);
      for (const spelling of target.skeleton === target.name ? [target.name] : [target.name, target.skeleton]) {
        deletionHashes(spelling, this.#hashes);
        for (const key of this.#hashes) add(this.#byDeletion, key, target);
      }
    }
  }

  /**
   * `thera-link.com` under `thera.link.com` (any separators) and `+theralinkcom` (glued);
   * a glued key may start inside a host's token (`doxyme` in `login-doxyme.com` is a token of
   * its own, but `doxy` starts it), so the first token of both forms opens a window.
   */
  #indexEmbedding(domain: string, target: LookalikeTarget): void {
    // An internationalised name (xn--klinik-mnchen-3ob.de) is embedded as people write it,
    // accents off: hosts are read that way too (klinik-münchen.de.evil.com by the
    // borrowed-letters pass, klinik-munchen.de.evil.com as typed).
    const spellings = domain.includes('xn--') ? [domain, ...latinReadings(hostToUnicode(domain))] : [domain];
    for (const spelling of spellings) {
      const tokens = spelling.split(/[.-]/);
      const glued = tokens.join('');
      add(this.#byEmbedding, tokens.join('.'), target);
      add(this.#byEmbedding, `+${glued}`, target);
      this.#embeddingStarts.add(tokens[0]!);
      this.#embeddingStarts.add(glued);
    }
  }

  /** The first rule that ties `host` to a target, in order of how sure the rule is. */
  find(host: string): IndexHit | undefined {
    if (matchPlatform(this.#allowlist, host)) return undefined;
    const parts = splitHost(host);
    if (!parts || this.#allowlist.ownedRegistrableDomains.has(parts.registrable)) return undefined;
    const unicodeName = asShown(parts.name);
    const query: Query = { name: parts.name, unicodeName, skeleton: skeletonOf(unicodeName), suffix: parts.suffix };
    const unicodeHost = asShown(host);
    const tokens = tokensOf(host);
    const ownTokens = tokensBeforeSuffix(tokens, parts.suffix);
    const rules: (() => IndexHit | undefined)[] = [
      () => this.#homoglyph(query),
      () => this.#typoOf(query.name, query),
      () => (query.skeleton === query.name ? undefined : this.#typoOf(query.skeleton, query)),
      () => this.#sameNameElsewhere(query, parts.subdomain),
      () => this.#dotMoved(host, parts.registrable),
      () => this.#embedding(tokens),
      () => this.#combosquatting(query, ownTokens),
      () => this.#inBorrowedLetters(unicodeHost, query),
      () => this.#decorated(unicodeHost, query),
    ];
    // The first rule that holds, most certain first; but a low-confidence hit does not stop
    // the search: a later rule may name the same trick with more certainty (teladocc.om is a
    // typo under another ending, and the dot moved).
    let weak: IndexHit | undefined;
    for (const rule of rules) {
      const hit = rule();
      if (!hit) continue;
      if (hit.confidence !== 'low') return hit;
      weak ??= hit;
    }
    return weak;
  }

  /**
   * dоxy-login.com (a Cyrillic о), dóxy.me-login.com, zооm-meeting.com: the brand and the
   * address rules again, on the host with its borrowed and accented letters read as the Latin
   * ones they pass for. The evidence names the letters.
   */
  #inBorrowedLetters(unicodeHost: string, query: Query): IndexHit | undefined {
    const readings = latinReadings(unicodeHost);
    if (readings[0] === unicodeHost) return undefined;
    // Every reading as the brand is spelt before any as a misspelling of it (simpӏe is simple, not simpie).
    for (const misspelt of [false, true]) {
      for (const latin of readings) {
        const hit = this.#addressRulesIn(latin, query, misspelt);
        if (hit) return { ...hit, evidence: { form: 'latin-letters', written: unicodeHost, then: hit.evidence } };
      }
    }
    return undefined;
  }

  /**
   * 🔒doxy.me, 「doxy」.me, doxy.meノexample.jp (ノ passes for a slash): without its
   * decorations the host is a listed address, or the address rules find one in it.
   */
  #decorated(unicodeHost: string, query: Query): IndexHit | undefined {
    const plain = undecorated(unicodeHost);
    if (!plain) return undefined;
    const evidence: Evidence = { form: 'reads-as', written: unicodeHost, reading: plain.shown };
    for (const latin of latinReadings(plain.host)) {
      const registrable = splitHost(latin)?.registrable;
      const listed = registrable === undefined ? undefined : this.#byRegistrable.get(registrable);
      if (listed) return { target: listed, rule: 'decoration', evidence };
      const hit = this.#addressRulesIn(latin, query);
      if (hit) return { ...hit, rule: 'decoration', evidence: { ...evidence, then: hit.evidence } };
    }
    return undefined;
  }

  /** The embedding and brand rules on another reading of the host (Latin letters, decorations off). */
  #addressRulesIn(reading: string, query: Query, misspelt = true): HitWithEvidence | undefined {
    const parts = splitHost(reading);
    const tokens = reading.split(/[.-]/);
    return this.#embedding(tokens) ?? this.#combosquatting({ ...query, name: parts?.name ?? query.name }, tokensBeforeSuffix(tokens, parts?.suffix ?? query.suffix), misspelt);
  }

  /**
   * vseec.om for vsee.com, janea.ppco.uk for janeapp.co.uk: the same letters as a listed
   * address, with the dots in other places (the last labels of the host, run together, spell
   * it run together).
   */
  #dotMoved(host: string, registrable: string): IndexHit | undefined {
    const labels = host.split('.');
    for (let first = labels.length - 2; first >= 0; first--) {
      const shown = labels.slice(first).join('.');
      if (shown.includes('-')) return undefined;
      const glued = shown.replaceAll('.', '');
      const target = this.#byEmbedding.get(`+${glued}`)?.find((candidate) => candidate.ownsRegistrable && candidate.registrable.replaceAll('.', '') === glued);
      if (target && target.registrable !== registrable) return { target, rule: 'dot-shift', evidence: { form: 'dots-moved', written: shown, address: target.registrable } };
    }
    return undefined;
  }

  #homoglyph(query: Query): IndexHit | undefined {
    // A character with several readings (þ, σ …): the first reading whose skeleton is listed.
    const skeletons = query.unicodeName === query.name ? [query.skeleton] : readingsOf(query.unicodeName).map(skeletonOf);
    const target = skeletons.map((skeleton) => preferSuffix(this.#bySkeleton.get(skeleton), query.suffix)).find((found) => found !== undefined);
    if (!target) return undefined;
    if (query.name !== target.name) {
      // klinik-munchen.de for klinik-münchen.de: the listed name's own accents left off.
      const accentsLeftOff = query.unicodeName === query.name && target.unicodeName !== target.name;
      return { target, rule: accentsLeftOff ? 'accents-left-off' : homoglyphRule(query.unicodeName) };
    }
    if (query.suffix !== target.suffix && target.ownsRegistrable) return { target, rule: 'tld-swap' };
    return undefined;
  }

  /**
   * Targets sharing a deletion-neighbourhood hash with `spelling` may be one typo away (or
   * two, as a swap or a moved letter): each is checked for the kind of typo, on the names as
   * typed and then on their skeletons, which also rules out hash collisions.
   */
  #typoOf(spelling: string, query: Query): IndexHit | undefined {
    deletionHashes(spelling, this.#hashes);
    let elsewhere: IndexHit | undefined;
    for (const key of this.#hashes) {
      for (const target of this.#byDeletion.get(key) ?? []) {
        if (target.suffix === query.suffix) {
          const hit = judgeTypo(query, target);
          if (hit) return hit;
        } else if (!elsewhere && target.ownsRegistrable && target.name.length >= SHORT_NAME) {
          // dicsord.net for discord.com: a typo and another ending, two changes; low confidence.
          const kind = typoKind(spelling, spelling === query.name ? target.name : target.skeleton);
          if (kind !== undefined && kind !== 'vowel-swap') elsewhere = { target, rule: kind, confidence: 'low' };
        }
      }
    }
    return elsewhere;
  }

  /** The target's own name with its parts moved: another suffix, a hyphen or dots inside it. */
  #sameNameElsewhere({ name, suffix }: Query, subdomain: string): IndexHit | undefined {
    const exact = preferSuffix(this.#byName.get(name), suffix);
    if (exact) return { target: exact, rule: 'tld-swap' };
    if (name.includes('-')) {
      const joined = preferSuffix(this.#byName.get(name.replaceAll('-', '')), suffix);
      if (joined) return { target: joined, rule: 'hyphenation' };
    }
    if (subdomain !== '') {
      // do.xy.me: the last labels before the suffix, joined, spell the name.
      const labels = [...subdomain.split('.'), name];
      for (let first = labels.length - 2; first >= 0; first--) {
        const joined = preferSuffix(this.#byName.get(labels.slice(first).join('')), suffix);
        if (joined) return { target: joined, rule: 'dot-insertion' };
      }
    }
    return undefined;
  }

  /**
   * doxy.me.example.net, doxy-me.com, doxyme.com, login-doxy.me.com, meet.google.com.evil.net:
   * windows of the host's tokens, compared with the listed domains' tokens whatever the
   * separators (a dot, a hyphen or nothing).
   */
  #embedding(tokens: readonly string[]): HitWithEvidence | undefined {
    for (let start = 0; start < tokens.length; start++) {
      if (!this.#embeddingStarts.has(tokens[start]!)) continue;
      // The longest window first: janeapp.co.uk before jane.app in janeapp-co-uk.com.
      for (let end = Math.min(tokens.length, start + MAX_EMBEDDED_TOKENS) - 1; end >= start; end--) {
        const window = tokens.slice(start, end + 1);
        const target = (end > start ? this.#byEmbedding.get(window.join('.'))?.[0] : undefined) ?? this.#byEmbedding.get(`+${window.join('')}`)?.[0];
        if (target) return { target, rule: 'target-embedding', evidence: { form: 'contains', address: window.join('.') } };
      }
    }
    return undefined;
  }

  /** A brand name beside a keyword: doxy-login.com, securedoxy.com, doxy.patient-portal.net */
  #combosquatting(query: Query, tokens: readonly string[], misspelt = true): HitWithEvidence | undefined {
    const isBrand = (text: string): boolean => this.#brandOf(text, query.suffix, misspelt) !== undefined;
    const hit = (text: string, words: readonly string[], place: BrandWordsPlace, weak = false): HitWithEvidence => {
      const { target, brand } = this.#brandOf(text, query.suffix, misspelt)!;
      const evidence: Evidence = { form: 'brand-with-words', brand: text, ...(text === brand ? {} : { meant: brand }), words, place };
      return { target, rule: 'combosquatting', evidence, ...(weak ? { confidence: 'low' as const } : {}) };
    };
    // Brands with hyphens (thera-link) span tokens: try windows of up to three.
    for (let start = 0; start < tokens.length; start++) {
      let brand = '';
      for (let end = start; end < Math.min(tokens.length, start + 3); end++) {
        brand = end === start ? tokens[start]! : `${brand}-${tokens[end]!}`;
        if (!isBrand(brand)) continue;
        const keyword = tokens.find((token, i) => (i < start || i > end) && isComboKeyword(token));
        if (keyword !== undefined) return hit(brand, [keyword], 'keyword', isWeakKeyword(keyword));
      }
    }
    for (const text of [query.name, ...tokens]) {
      const glued = splitGluedKeyword(text, isBrand);
      if (glued) return hit(glued.brand, [glued.keyword], 'keyword', isWeakKeyword(glued.keyword));
    }
    // securedoxymelogin, myzoomusmeeting: a brand or a listed address run together, with
    // words on both sides.
    const gluedAddress = (text: string): LookalikeTarget | undefined => this.#byEmbedding.get(`+${text.replaceAll('-', '')}`)?.find((target) => target.ownsRegistrable);
    for (const text of [query.name, ...tokens]) {
      const glued = splitGluedKeywords(text, (rest) => isBrand(rest) || gluedAddress(rest) !== undefined);
      if (!glued) continue;
      const address = isBrand(glued.brand) ? undefined : gluedAddress(glued.brand);
      return address
        ? { target: address, rule: 'combosquatting', evidence: { form: 'brand-with-words', brand: glued.brand, words: glued.keywords, place: 'between' } }
        : hit(glued.brand, glued.keywords, 'between');
    }
    // discord-game.com, steam-discords.com: a brand of six letters or more beside a word of
    // any kind, in the registrable name. Third parties name themselves so too: low confidence.
    const words = query.name.startsWith('xn--') ? [] : query.name.split('-').filter((word) => word !== '');
    if (words.length > 1) {
      for (const word of words) {
        const brand = this.#brandOf(word, query.suffix, misspelt);
        if (!brand || brand.target.name.length < SHORT_NAME) continue;
        const others = words.filter((other) => other !== word);
        return hit(word, others, 'beside', true);
      }
    }
    return undefined;
  }

  /**
   * The brand a word of a host stands for: a listed name as it is (doxy), or, for names of
   * six letters or more, one that looks the same (dlscord) or is one typo away (discrod).
   * Shorter names are taken only as they are: one letter from doxy is a word of its own.
   */
  #brandOf(text: string, suffix: string, misspelt = true): { target: LookalikeTarget; brand: string } | undefined {
    const exact = preferSuffix(this.#byName.get(text), suffix);
    if (exact) return { target: exact, brand: text };
    // One typo from a listed name is at most one letter longer than the longest of them.
    if (!misspelt || text.length < SHORT_NAME - 1 || text.length > this.#longestName + 1) return undefined;
    const skeleton = skeletonOf(text);
    const same = this.#bySkeleton.get(skeleton)?.find((target) => target.ownsRegistrable && target.name.length >= SHORT_NAME);
    if (same) return { target: same, brand: same.unicodeName };
    deletionHashes(text, this.#hashes);
    for (const key of this.#hashes) {
      for (const target of this.#byDeletion.get(key) ?? []) {
        if (target.name.length < SHORT_NAME) continue;
        // A vowel swapped makes words of their own (discard for discord): not taken as the brand.
        const kind = typoKind(text, target.name);
        if (kind !== undefined && kind !== 'vowel-swap') return { target, brand: target.unicodeName };
      }
    }
    return undefined;
  }

}
