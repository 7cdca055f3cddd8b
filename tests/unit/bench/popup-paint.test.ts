import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pageScripts } from '../../../bench/popup-paint';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function build(files: Record<string, string>): string {
  const dist = mkdtempSync(join(tmpdir(), 'thg-popup-scripts-'));
  made.push(dist);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), text);
  }
  return dist;
}

describe("a page's JavaScript as the build ships it", () => {
  it('counts the script, the preloads and their imports (dynamic ones too), transitively, each file once', () => {
    const dir = build({
      'src/popup/index.html':
        '<script type="module" crossorigin src="/assets/index.html-a.js"></script>\n<link rel="modulepreload" crossorigin href="/assets/jsxRuntime-b.js">',
      'assets/index.html-a.js': 'import{a as e}from"./jsxRuntime-b.js";import"./style-c.js";const{show:t}=await import(`./view-f.js`);',
      'assets/view-f.js': 'export const show=1;',
      'assets/jsxRuntime-b.js': 'export*from"./runtime-d.js";',
      'assets/style-c.js': 'import{x}from"./runtime-d.js";',
      'assets/runtime-d.js': 'export const x=1;',
      'assets/unused-e.js': 'export const big="…";',
    });
    const scripts = pageScripts('src/popup/index.html', dir);
    expect(scripts.files.map((file) => file.file).sort()).toEqual(['assets/index.html-a.js', 'assets/jsxRuntime-b.js', 'assets/runtime-d.js', 'assets/style-c.js', 'assets/view-f.js']);
    expect(scripts.totalBytes).toBe(scripts.files.reduce((sum, file) => sum + file.bytes, 0));
    // Bytes, not characters.
    expect(pageScripts('src/popup/index.html', build({ 'src/popup/index.html': '<script src="./m.js"></script>', 'src/popup/m.js': 'é' })).totalBytes).toBe(2);
  });
});
