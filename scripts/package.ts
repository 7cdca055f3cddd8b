/**
 * `npm run package [-- --out DIR]`: the store packages of the current version, built afresh
 * from the sources: a Chrome Web Store zip and a Firefox add-on zip (made by `web-ext build`).
 * The same sources give the same bytes (scripts/package/deterministic-zip); each package's
 * SHA-256 is printed so two builds can be compared.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import webExt from 'web-ext';
import type { TargetBrowser } from './build/browser-manifest';
import { deterministicZip, zipEntries, type ZipEntry } from './package/deterministic-zip';
import { leftOutOf, packageFileName, refusedFromPackage, storeManifest } from './package/package-contents';

const ROOT = resolve(import.meta.dirname, '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

function build(browser: TargetBrowser, outDir: string): void {
  const vite = join(ROOT, 'node_modules', '.bin', 'vite');
  const mode = browser === 'firefox' ? ['--mode', 'firefox'] : [];
  // NODE_ENV set by the caller (a test runner sets `test`) would change what Preact and vite
  // put in the build: the package is always the production build, whoever runs this.
  const env = { ...process.env, NODE_ENV: 'production' };
  execFileSync(vite, ['build', ...mode, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', env });
}

function checked(entries: ZipEntry[], what: string): ZipEntry[] {
  for (const { path } of entries) {
    const why = refusedFromPackage(path);
    if (why !== undefined) throw new Error(`${what} would hold ${path}, ${why}`);
  }
  if (!entries.some((entry) => entry.path === 'manifest.json')) throw new Error(`${what} has no manifest.json`);
  return entries;
}

async function chromePackage(buildDir: string): Promise<Buffer> {
  const entries = filesUnder(buildDir).map((path): ZipEntry => {
    const data = readFileSync(join(buildDir, path));
    if (path !== 'manifest.json') return { path, data };
    const manifest = storeManifest(JSON.parse(data.toString('utf8')) as Record<string, unknown>, 'chrome');
    return { path, data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) };
  });
  return deterministicZip(checked(entries, 'the Chrome package'));
}

/** `web-ext build` makes the add-on zip; its entries are then written again in a fixed order and time (web-ext stamps each with the build's time). */
async function firefoxPackage(buildDir: string, workDir: string, fileName: string): Promise<Buffer> {
  for (const path of filesUnder(buildDir)) if (leftOutOf('firefox', path)) rmSync(join(buildDir, path));
  const { extensionPath } = await webExt.cmd.build(
    { sourceDir: buildDir, artifactsDir: join(workDir, 'web-ext'), filename: fileName, overwriteDest: true },
    { shouldExitProgram: false },
  );
  return deterministicZip(checked(await zipEntries(readFileSync(extensionPath)), 'the Firefox package'));
}

function outDirFromArgs(args: readonly string[]): string {
  const at = args.indexOf('--out');
  if (at === -1) return join(ROOT, 'store-packages');
  const dir = args[at + 1];
  if (dir === undefined || dir.startsWith('--')) throw new Error('--out needs a directory');
  return resolve(dir);
}

async function main(): Promise<void> {
  const outDir = outDirFromArgs(process.argv.slice(2));
  const { version } = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { version: string };
  const workDir = mkdtempSync(join(tmpdir(), 'thg-package-'));
  try {
    mkdirSync(outDir, { recursive: true });
    for (const browser of ['chrome', 'firefox'] as const) {
      const buildDir = join(workDir, browser);
      build(browser, buildDir);
      const fileName = packageFileName(browser, version);
      const zipped = browser === 'chrome' ? await chromePackage(buildDir) : await firefoxPackage(buildDir, workDir, fileName);
      const path = join(outDir, fileName);
      writeFileSync(path, zipped);
      console.log(`${relative(process.cwd(), path)}  ${zipped.length} bytes  sha256 ${createHash('sha256').update(zipped).digest('hex')}`);
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`package: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
