import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageScripts } from '../../bench/popup-paint';
import { DEFAULT_DIST } from '../../demo/browser';

/**
 * The extension's own pages ask the background and render (DESIGN.md, the parts): whatever
 * takes the lookalike engine, the public suffix list or a schema comes in the background's
 * answer. So each page's JavaScript, everything its HTML loads (shared chunks and Preact
 * included), stays small: the popup paints its verdict without compiling half a megabyte first
 * (bench/popup-paint.ts measures the paint).
 */
const PAGE_BUDGET_BYTES = 50 * 1024;

describe("the extension's pages, as built", () => {
  it.each([
    ['the popup', 'src/popup/index.html'],
    ['the options page', 'src/options/index.html'],
    ['the warning page', 'src/warning/index.html'],
  ])('%s loads at most 50 KB of JavaScript, and no schema library', (_name, page) => {
    const scripts = pageScripts(page, DEFAULT_DIST);
    console.log(`${page}: ${scripts.totalBytes} bytes of JavaScript in ${scripts.files.length} files`);
    expect(scripts.files.length).toBeGreaterThan(0);
    expect(scripts.totalBytes).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
    for (const { file } of scripts.files) expect(readFileSync(join(DEFAULT_DIST, file), 'utf8')).not.toContain('ZodError');
  });
});
