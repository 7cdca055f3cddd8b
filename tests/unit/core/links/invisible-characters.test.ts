import { describe, expect, it } from 'vitest';
import { invisibleCharactersIn, revealInvisible } from '../../../../src/core/links/invisible-characters';

describe('invisible characters in a link', () => {
  it.each([
    ['a zero-width space', 'do\u200Bxy.me', ['U+200B']],
    ['a zero-width joiner and non-joiner', 'do\u200Dx\u200Cy.me', ['U+200D', 'U+200C']],
    ['a soft hyphen', 'do\u00ADxy.me', ['U+00AD']],
    ['a word joiner', 'do\u2060xy.me', ['U+2060']],
    ['a byte-order mark', 'doxy.me\uFEFF', ['U+FEFF']],
    ['a right-to-left override', 'evil.example/\u202Eem.yxod', ['U+202E']],
    ['a control character', 'doxy\u0000.me', ['U+0000']],
    ['the same character twice, once', 'd\u200Bo\u200Bxy.me', ['U+200B']],
    ['nothing in a plain link', 'https://doxy.me/drsmith', []],
    ['nothing in letters of another script', 'dоxy.me', []],
  ])('finds %s', (_, text, found) => {
    expect(invisibleCharactersIn(text)).toEqual(found);
  });

  it('shows where each invisible character was', () => {
    expect(revealInvisible('https://do\u200Bxy.me/\u202Ex')).toBe('https://do[U+200B]xy.me/[U+202E]x');
  });
});
