import { describe, expect, it } from 'vitest';
import { deterministicZip, zipEntries } from '../../../scripts/package/deterministic-zip';
import { leftOutOf, packageFileName, refusedFromPackage, storeManifest } from '../../../scripts/package/package-contents';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('a deterministic zip', () => {
  it('gives the same bytes for the same files in any order', async () => {
    const a = await deterministicZip([
      { path: 'b/two.js', data: bytes('two') },
      { path: 'a.json', data: bytes('{}') },
    ]);
    const b = await deterministicZip([
      { path: 'a.json', data: bytes('{}') },
      { path: 'b/two.js', data: bytes('two') },
    ]);
    expect(Buffer.compare(a, b)).toBe(0);
  });

  it('gives other bytes when one byte of a file differs', async () => {
    const a = await deterministicZip([{ path: 'a.js', data: bytes('one') }]);
    const b = await deterministicZip([{ path: 'a.js', data: bytes('One') }]);
    expect(Buffer.compare(a, b)).not.toBe(0);
  });

  it('holds exactly the files given, no directory entries, each dated 1980-01-01', async () => {
    const zipped = await deterministicZip([{ path: 'src/popup/index.html', data: bytes('<p>') }]);
    const entries = await zipEntries(zipped);
    expect(entries.map((entry) => [entry.path, new TextDecoder().decode(entry.data)])).toEqual([['src/popup/index.html', '<p>']]);
    // The DOS date field of the one local header: (1980 - 1980) << 9 | 1 << 5 | 1.
    expect(zipped.readUInt16LE(12)).toBe((1 << 5) | 1);
    expect(zipped.readUInt16LE(10)).toBe(0);
  });

  it('refuses two files of one name', async () => {
    await expect(deterministicZip([{ path: 'a.js', data: bytes('1') }, { path: 'a.js', data: bytes('2') }])).rejects.toThrow('two entries named a.js');
  });
});

describe('what a store package may hold', () => {
  it.each([
    ['assets/index.ts-0vO0EHuN.js.map', 'a source map'],
    ['tests/unit/x.test.ts', 'a test or demo file'],
    ['demo/sites/doxy.me/index.html', 'a test or demo file'],
    ['assets/foo.test.js', 'a test or demo file'],
    ['.DS_Store', 'a hidden file'],
  ])('refuses %s: %s', (path, why) => {
    expect(refusedFromPackage(path)).toBe(why);
  });

  it.each(['manifest.json', 'assets/index.ts-0vO0EHuN.js', 'src/popup/index.html', 'icons/default-16.png', 'licenses/zxcvbn-ts-language-en-NOTICE.md'])('takes %s', (path) => {
    expect(refusedFromPackage(path)).toBeUndefined();
  });

  it("leaves Chromium's managed-storage schema out of the Firefox package only", () => {
    expect(leftOutOf('firefox', 'schema.json')).toBe(true);
    expect(leftOutOf('chrome', 'schema.json')).toBe(false);
  });

  it('drops the key from the Chrome Web Store manifest (the store refuses it) and changes nothing else', () => {
    expect(storeManifest({ name: 'x', key: 'MIIB', version: '1.0' }, 'chrome')).toEqual({ name: 'x', version: '1.0' });
    const firefox = { name: 'x', browser_specific_settings: { gecko: { id: 'a@b' } } };
    expect(storeManifest(firefox, 'firefox')).toBe(firefox);
  });

  it('names each package for its browser and version', () => {
    expect(packageFileName('chrome', '0.1.0')).toBe('telehealth-guard-chrome-0.1.0.zip');
    expect(packageFileName('firefox', '0.1.0')).toBe('telehealth-guard-firefox-0.1.0.zip');
  });
});
