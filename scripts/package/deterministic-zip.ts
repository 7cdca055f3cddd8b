import JSZip from 'jszip';

export interface ZipEntry {
  /** Path inside the zip, with `/` separators. */
  path: string;
  data: Uint8Array;
}

/**
 * Every entry's time: the earliest a zip can hold (1980-01-01 00:00 UTC). A file's time on
 * disk says when it was built, not what it is; with it the same sources would give other bytes
 * at each build.
 */
const ZIP_EPOCH = new Date(Date.UTC(1980, 0, 1));

/**
 * A zip whose bytes depend only on the entries: sorted by path, one fixed time, no directory
 * entries, no owner or permission bits (DOS attributes), DEFLATE at level 9.
 */
export async function deterministicZip(entries: readonly ZipEntry[]): Promise<Buffer> {
  const zip = new JSZip();
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (let i = 1; i < sorted.length; i += 1) {
    if (sorted[i]!.path === sorted[i - 1]!.path) throw new Error(`two entries named ${sorted[i]!.path}`);
  }
  for (const { path, data } of sorted) zip.file(path, data, { date: ZIP_EPOCH, createFolders: false, binary: true });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'DOS' });
}

/** The files of a zip (directory entries left out), in any order. */
export async function zipEntries(zipped: Uint8Array): Promise<ZipEntry[]> {
  const zip = await JSZip.loadAsync(zipped);
  const files = Object.values(zip.files).filter((file) => !file.dir);
  return Promise.all(files.map(async (file) => ({ path: file.name, data: await file.async('uint8array') })));
}
