/**
 * Characters that show as nothing (zero-width spaces and joiners, soft hyphens, word joiners,
 * byte-order marks) or that reorder what is shown (bidirectional controls). In a link they
 * make what a person reads differ from where the browser goes: the URL parser drops some of
 * them from a host (`do\u200Bxy.me` opens doxy.me) and percent-encodes them in a path. Control
 * characters count too; tabs and line breaks never reach here, since they end a link in a text.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}]/gu;

/** `U+200B` for each invisible character in `text`, once each, in order of appearance. */
export function invisibleCharactersIn(text: string): string[] {
  const found = new Set<string>();
  for (const [character] of text.matchAll(INVISIBLE)) found.add(codePointName(character));
  return [...found];
}

/** The text with each invisible character shown as `[U+200B]`, so a person can see where it was. */
export function revealInvisible(text: string): string {
  return text.replace(INVISIBLE, (character) => `[${codePointName(character)}]`);
}

function codePointName(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
