import unhomoglyph from 'unhomoglyph';

/**
 * What TR39 leaves looking unlike its ASCII letter, and Chromium maps anyway: small
 * capitals (the Cyrillic т, н, к, в come out of TR39 as ᴛ, ʜ, ĸ, ʙ), Greek/Cyrillic
 * epsilon, the zero digits of Thai and Lao; and two TR39 leaves alone that read as Latin
 * letters in a hostname: Greek chi (χ, as x) and the tone-six letter that Cyrillic ь
 * becomes (ƅ, as b).
 */
const EXTRA: Readonly<Record<string, string>> = {
  ᴀ: 'a', ʙ: 'b', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ɢ: 'g', ʜ: 'h', ɪ: 'i', ᴊ: 'j', ᴋ: 'k', ĸ: 'k', ʟ: 'l',
  ᴍ: 'm', ʍ: 'm', ɴ: 'n', ᴏ: 'o', ᴘ: 'p', ʀ: 'r', ꜱ: 's', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ʏ: 'y',
  ᴢ: 'z', ꞓ: 'e', χ: 'x', ƅ: 'b', '๐': 'o', '໐': 'o', '·': '',
};
const EXTRA_PATTERN = new RegExp(`[${Object.keys(EXTRA).join('')}]`, 'gu');

/**
 * Letters of other scripts that Chromium's skeleton generator maps before TR39 does
 * (components/url_formatter/spoof_checks/skeleton_generator.cc, its "ExtraConf" rules):
 * Cyrillic, Greek, Armenian and Georgian letters, Thai, Lao, Myanmar and Malayalam letters,
 * the digits of Indic scripts and a few CJK characters that pass for a Latin letter or
 * digit in a hostname; with its diacritic step's ł, ø, đ. Also the dotless ȷ, which
 * Chromium's spoof checker treats as a j and TR39 leaves alone. Applied first, as Chromium
 * does, so that TR39 never sends them elsewhere (т would become the small capital ᴛ).
 */
const BEFORE_TR39: Readonly<Record<string, string>> = Object.fromEntries(
  (
    [
      ['æӕ', 'ae'], ['ϼҏ', 'p'], ['ħнћңҥӈӊԋԧԩ', 'h'], ['ĸκкқҝҟҡӄԟ', 'k'], ['ŋпԥกח', 'n'],
      ['ŧтҭԏ七丅丆丁', 't'], ['ƅьҍв', 'b'], ['ωшщพฟພຟ', 'w'], ['мӎ', 'm'], ['єҽҿၔ', 'e'], ['ґ', 'r'],
      ['ғӻ', 'f'], ['ҫင', 'c'], ['ұ丫', 'y'], ['χҳӽӿ乂', 'x'], ['ԃძ', 'd'], ['ԍဌ', 'g'], ['ടรຣຮ', 's'],
      ['၂', 'j'], ['०০੦૦ଠ୦೦', 'o'], ['৭੧૧', 'q'], ['บບ', 'u'], ['θ', '0'], ['२২੨૨೩೭շ', '2'],
      ['зҙӡउওਤ੩૩౩ဒვპ', '3'], ['੫丩ㄐ', '4'], ['ճ', '6'], ['৪੪୫', '8'], ['૭୨౨', '9'],
      ['ł', 'l'], ['ø', 'o'], ['đ', 'd'], ['ȷ', 'j'],
    ] as const
  ).flatMap(([chars, latin]) => [...chars].map((char) => [char, latin])),
);
const BEFORE_TR39_PATTERN = new RegExp(`[${Object.keys(BEFORE_TR39).join('')}]`, 'gu');

/**
 * Characters that pass for more than one Latin spelling, each reading kept (Chromium does the
 * same for þ and œ, and gives ӏ an l beside TR39's i). The lunate sigma ϲ is a c to the eye,
 * but IDNA maps it to σ before a host reaches the browser: so σ and ς read as c as well as o.
 */
const OTHER_READINGS: Readonly<Record<string, readonly string[]>> = {
  þ: ['b', 'p'], œ: ['ce', 'oe'], ӏ: ['l'], σ: ['c'], ς: ['c'],
};
/** Past this many such characters a name gets its first reading only (at most 27 readings; Chromium stops at five characters, 128 readings). */
const MAX_CHARACTERS_WITH_READINGS = 3;

/** Every reading of `text` as far as its many-reading characters go: the plain one first. */
export function readingsOf(text: string): string[] {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(text)) return [text];
  const positions = [...text].flatMap((char, i) => (OTHER_READINGS[char] ? [i] : []));
  if (positions.length === 0 || positions.length > MAX_CHARACTERS_WITH_READINGS) return [text];
  let readings = [[...text]];
  for (const i of positions) {
    const chars = readings[0]![i]!;
    readings = readings.flatMap((reading) => [reading, ...(OTHER_READINGS[chars] ?? []).map((other) => reading.map((c, j) => (j === i ? other : c)))]);
  }
  return readings.map((reading) => reading.join(''));
}

/**
 * Digits that stand in for letters (d0xy, te1adoc, s3cure). TR39 maps 0→o and 1→l; `i` is
 * folded into `l` too, since a 1 passes for either.
 */
const DIGIT_LETTERS: Readonly<Record<string, string>> = { '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g', i: 'l' };

/**
 * Multi-character ASCII lookalikes, in the direction TR39 uses (it maps m→rn), so both
 * sides of a comparison end in the same spelling.
 */
const ASCII_SEQUENCES: readonly (readonly [RegExp, string])[] = [
  [/w/g, 'vv'],
  [/d/g, 'cl'],
];

const stripMarks = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '');

/** Accents off, then Chromium's own mappings (BEFORE_TR39). */
const beforeTr39 = (text: string): string => stripMarks(text.toLowerCase()).replace(BEFORE_TR39_PATTERN, (char) => BEFORE_TR39[char] ?? char);

/** Chromium's mappings, TR39's, then what TR39 leaves unlike its letter (EXTRA): before the digits and letter pairs. */
function confusablesMapped(text: string): string {
  return stripMarks(unhomoglyph(beforeTr39(text)))
    .toLowerCase()
    .replace(EXTRA_PATTERN, (char) => EXTRA[char] ?? char);
}

/**
 * A visual skeleton after Unicode TR39: strip accents (NFD first, or `ö` maps to an Arabic
 * letter), map confusables, strip the overlay strokes TR39 leaves (ł → l̸), fold case, then
 * the extra, digit and multi-letter lookalikes. Equal skeletons look alike; compare skeleton
 * to skeleton only, never ask whether one string "is confusing".
 */
export function skeletonOf(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(text)) return asciiSkeletonOf(text);
  return finishSkeleton(confusablesMapped(text));
}

/**
 * Letters of other alphabets and accented ones read as the Latin letters they pass for
 * (`dоxy` with a Cyrillic о, `dóxy`, `ɱ`), and nothing else: ASCII characters stay as typed
 * (TR39 would turn `m` into `rn`), so the words found in the result (a brand, "login") are
 * spelled as they are listed. A stroke (Cyrillic ӏ, dotless ı, Greek ι) passes for an `i` as
 * well as an `l`: such a text has both readings. An ASCII text has one, itself.
 */
export function latinReadings(text: string): string[] {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(text)) return [text];
  const out = new Set<string>();
  for (const reading of readingsOf(text)) {
    let asI = '';
    let asL = '';
    for (const char of reading) {
      const latin = char.charCodeAt(0) < 0x80 ? char : foldCharToLatin(char);
      const stroke = latin !== char && (latin === 'i' || latin === 'l');
      asI += stroke ? 'i' : latin;
      asL += stroke ? 'l' : latin;
    }
    out.add(asI).add(asL);
  }
  return [...out];
}

/** The ASCII letter or digit whose TR39 skeleton each skeleton is (`rn` → `m`). */
const LATIN_BY_SKELETON: ReadonlyMap<string, string> = new Map(
  [...'abcdefghijklmnopqrstuvwxyz0123456789'].reverse().map((char) => [stripMarks(unhomoglyph(char)).toLowerCase(), char]),
);

function foldCharToLatin(char: string): string {
  const mapped = confusablesMapped(char);
  return LATIN_BY_SKELETON.get(mapped) ?? mapped;
}

function finishSkeleton(lowerCase: string): string {
  let skeleton = lowerCase.replace(/[345789i]/g, (char) => DIGIT_LETTERS[char] ?? char);
  for (const [pattern, replacement] of ASCII_SEQUENCES) skeleton = skeleton.replace(pattern, replacement);
  return skeleton;
}

/**
 * Most hostnames are ASCII: their skeleton is a per-character table made once from the very
 * same TR39 data, so judging a host does not run Unicode normalisation at all.
 */
const ASCII_TABLE: readonly string[] = Array.from({ length: 128 }, (_, code) => {
  const char = String.fromCharCode(code);
  return finishSkeleton(stripMarks(unhomoglyph(char)).toLowerCase());
});

function asciiSkeletonOf(text: string): string {
  let skeleton = '';
  for (let i = 0; i < text.length; i++) skeleton += ASCII_TABLE[text.charCodeAt(i)]!;
  return skeleton;
}
