import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DIST } from '../../demo/browser';
import { zipEntries, type ZipEntry } from '../../scripts/package/deterministic-zip';
import { refusedFromPackage } from '../../scripts/package/package-contents';

const VERSION = (JSON.parse(readFileSync('manifest.json', 'utf8')) as { version: string }).version;

function runPackage(outDir: string): void {
  execFileSync(join('node_modules', '.bin', 'tsx'), ['scripts/package.ts', '--out', outDir], { stdio: 'pipe' });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

const manifestOf = (entries: ZipEntry[]): Record<string, unknown> =>
  JSON.parse(new TextDecoder().decode(entries.find((entry) => entry.path === 'manifest.json')!.data)) as Record<string, unknown>;

/** `npm run package`, twice, from the same sources: the same bytes, and only the built extension inside. */
describe('the store packages', () => {
  const first = mkdtempSync(join(tmpdir(), 'thg-packages-a-'));
  const second = mkdtempSync(join(tmpdir(), 'thg-packages-b-'));
  beforeAll(() => {
    runPackage(first);
    runPackage(second);
  }, 180_000);
  afterAll(() => {
    rmSync(first, { recursive: true, force: true });
    rmSync(second, { recursive: true, force: true });
  });

  for (const browser of ['chrome', 'firefox'] as const) {
    const name = `telehealth-guard-${browser}-${VERSION}.zip`;

    it(`${name}: two builds give the same bytes`, () => {
      const a = readFileSync(join(first, name));
      const b = readFileSync(join(second, name));
      expect(a.length).toBeGreaterThan(100_000);
      expect(Buffer.compare(a, b)).toBe(0);
    });

    it(`${name}: no source map, test, demo or hidden file inside`, async () => {
      const entries = await zipEntries(readFileSync(join(first, name)));
      expect(entries.filter((entry) => refusedFromPackage(entry.path) !== undefined).map((entry) => entry.path)).toEqual([]);
      expect(entries.some((entry) => /\.map$|demo|tests?\//.test(entry.path))).toBe(false);
      expect(manifestOf(entries).version).toBe(VERSION);
    });
  }

  it('the Chrome package is the tested build (dist/), with the key taken out of its manifest for the Web Store', async () => {
    const entries = await zipEntries(readFileSync(join(first, `telehealth-guard-chrome-${VERSION}.zip`)));
    expect(entries.map((entry) => entry.path).sort()).toEqual(filesUnder(DEFAULT_DIST));
    for (const entry of entries) {
      if (entry.path !== 'manifest.json') expect(Buffer.compare(Buffer.from(entry.data), readFileSync(join(DEFAULT_DIST, entry.path))), entry.path).toBe(0);
    }
    const manifest = manifestOf(entries);
    const built = JSON.parse(readFileSync(join(DEFAULT_DIST, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).not.toHaveProperty('key');
    expect({ ...manifest, key: built.key }).toEqual(built);
  });

  it('the Firefox package is the Firefox build, add-on ID and event page in its manifest, without the Chromium schema', async () => {
    const entries = await zipEntries(readFileSync(join(first, `telehealth-guard-firefox-${VERSION}.zip`)));
    const firefoxDist = join(DEFAULT_DIST, '..', 'dist-firefox');
    expect(entries.map((entry) => entry.path).sort()).toEqual(filesUnder(firefoxDist).filter((path) => path !== 'schema.json'));
    const manifest = manifestOf(entries);
    expect(manifest).toHaveProperty('browser_specific_settings.gecko.id', 'telehealth-guard@telehealth-guard.org');
    expect(manifest).toHaveProperty('background.scripts');
  });
});
