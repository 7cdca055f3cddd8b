import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every colour the extension paints text in, against what it paints it on, meets WCAG 2.x AA
 * for normal text (4.5:1), whatever the size. The table names each pair and where it is; the
 * stylesheets are read so that the table cannot fall behind them: a colour added to a
 * stylesheet must be placed in a pair here, or among the colours that carry no text.
 */

const SHEETS = ['src/popup/popup.css', 'src/options/options.css', 'src/warning/warning.css'];
const WIDGETS = readdirSync('src/content')
  .filter((name) => name.endsWith('.ts'))
  .map((name) => join('src/content', name));

/** [text, background, where]. */
const TEXT_PAIRS: readonly [string, string, string][] = [
  ['#1f2328', '#fff', 'body text: popup, options, warning page, widgets'],
  ['#1f2328', '#f6f8fa', 'buttons; <code> on the options page'],
  ['#fff', '#1a7f37', 'verified header; "Go to" link and Leave button'],
  ['#fff', '#57606a', 'neutral header'],
  ['#fff', '#9a6700', 'caution header; caution widgets\' heads'],
  ['#fff', '#cf222e', 'danger header; the alert\'s head'],
  ['#57606a', '#fff', 'secondary text: h2, dt, footer, admin note, widget footers'],
  ['#57606a', '#f6f8fa', 'secondary text on a grey button, should one hold it'],
  ['#9a6700', '#fff', 'status lines, admin-note problems'],
  ['#cf222e', '#fff', 'errors (role=alert); the overlay\'s heading'],
  ['#3b2300', '#fff8c5', 'notes in widgets'],
  ['#82071e', '#ffebe9', 'the overlay\'s problem line'],
];

/** Colours that carry no text, and why each is fine. */
const NOT_TEXT: Readonly<Record<string, string>> = {
  '#d0d7de': 'button borders (the button is told by its text and fill)',
  '#d8dee4': 'section rules',
  '#0969da': 'the focus ring: 3:1 against white needed (1.4.11), 5.2:1 given',
  '#f6f8fa': 'button fill (text on it is in TEXT_PAIRS)',
  '#ffebe9': 'problem fill', '#fff8c5': 'note fill',
};

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number {
  const full = hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex;
  const n = Number.parseInt(full.slice(1), 16);
  return 0.2126 * channel(n >> 16) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const colorsIn = (file: string): string[] => (readFileSync(file, 'utf8').match(/#[0-9a-f]{6}\b|#[0-9a-f]{3}\b/gi) ?? []).map((c) => c.toLowerCase());

describe('colour contrast (WCAG 2.1 AA, 4.5:1 for text)', () => {
  it('knows the formula: black on white is 21:1, and #767676 on white just passes', () => {
    expect(contrast('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#fff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast('#777777', '#fff')).toBeLessThan(4.5);
  });

  it.each(TEXT_PAIRS)('%s on %s (%s) is at least 4.5:1', (text, background) => {
    expect(contrast(text, background)).toBeGreaterThanOrEqual(4.5);
  });

  it('places every colour of the pages and widgets in a pair or among those that carry no text', () => {
    const known = new Set([...TEXT_PAIRS.flatMap(([text, background]) => [text, background]), ...Object.keys(NOT_TEXT)]);
    const unplaced = [...SHEETS, ...WIDGETS].flatMap((file) => colorsIn(file).filter((color) => !known.has(color)).map((color) => `${file}: ${color}`));
    expect(unplaced).toEqual([]);
  });

  it('fades no text: opacity is left to disabled controls, which WCAG exempts', () => {
    // The popup's host line at opacity .9 was 4.3:1 on the caution colour.
    const faded = [...SHEETS, ...WIDGETS].flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => /opacity:\s*\.|opacity:\s*0/.test(line) && !line.includes(':disabled'))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(faded).toEqual([]);
  });
});
