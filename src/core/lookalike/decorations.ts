/**
 * Characters around a listed name that make a host read as that name to a hurried eye: a
 * padlock or another symbol before it, brackets around it, and characters of other scripts
 * that pass for the slash, dot or hyphen of an address (`doxy.meノexample.jp` reads as
 * `doxy.me/example.jp`: ノ is a katakana letter). Chromium's spoof checker refuses the same
 * kana next to Latin letters (ノ ソ ゾ ン ー, and 一) and the dot-like ・ and ·.
 */

/** Pass for a slash: katakana ノ ソ ゾ ン, fraction and division slashes, the big solidus, 〳. */
const SLASH_LIKE = /[\u30ce\u30bd\u30be\u30f3\u2044\u2215\u29f8\u2571\u3033]/gu;
/** Pass for a dot: the katakana middle dot (full and half width), ·, ‧, ∙, ⋅, the Urdu full stop. */
const DOT_LIKE = /[\u30fb\uff65\u00b7\u2027\u2219\u22c5\u06d4]/gu;
/** Pass for a hyphen: the katakana long vowel mark, CJK one, Hangul eu, dashes and the minus sign. */
const HYPHEN_LIKE = /[\u30fc\u4e00\u3161\u1173\u2010-\u2015\u2212\u2e3a\u2e3b]/gu;
/** Dropped: pictographs (🔒), symbols, brackets, quotation marks and other punctuation but the dot and the slash they were read as, the kana sound marks. */
const DECORATION = /(?![./])[\p{Extended_Pictographic}\p{S}\p{Ps}\p{Pe}\p{Pi}\p{Pf}\p{Po}\u3099\u309a\ufe0f\u200d]/gu;

export interface Undecorated {
  /** As a person reads it: `doxy.me/example.jp`. */
  shown: string;
  /** With the slash made a dot too, for the address rules: `doxy.me.example.jp`. */
  host: string;
}

/** The host without its decorations, or undefined when it has none. */
export function undecorated(unicodeHost: string): Undecorated | undefined {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(unicodeHost) && !/[()]/.test(unicodeHost)) return undefined;
  const shown = unicodeHost
    .replace(SLASH_LIKE, '/')
    .replace(DOT_LIKE, '.')
    .replace(HYPHEN_LIKE, '-')
    .replace(/[()]/g, '')
    .replace(DECORATION, '');
  if (shown === unicodeHost) return undefined;
  const host = shown
    .replaceAll('/', '.')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.-]+|[.-]+$/g, '')
    .replace(/\.-+|-+\./g, '.');
  return host === '' ? undefined : { shown, host };
}
