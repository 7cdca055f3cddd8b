import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface EmptyScriptsBuild {
  distDir: string;
  remove: () => void;
}

/**
 * A copy of the built extension whose content scripts are empty files: the same manifest,
 * service worker and worlds, none of our page code. What it adds to a page load is what
 * Chromium charges any extension with these two content scripts (creating their worlds,
 * injecting them), so the real build's cost beyond it is the cost of our own code.
 */
export function emptyScriptsBuild(distDir: string): EmptyScriptsBuild {
  const copy = join(mkdtempSync(join(tmpdir(), 'thg-empty-scripts-')), 'dist');
  cpSync(distDir, copy, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  const files = (manifest.content_scripts ?? []).flatMap((script) => script.js ?? []);
  if (files.length === 0) throw new Error(`bench: ${distDir} names no content scripts`);
  for (const file of files) writeFileSync(join(copy, file), '');
  return {
    distDir: copy,
    remove: () => {
      rmSync(join(copy, '..'), { recursive: true, force: true });
    },
  };
}
