import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll } from 'vitest';
import { firefoxPolicyFile } from '../../demo/firefox-browser';
import { GECKO_ID } from '../../scripts/build/browser-manifest';

export interface FirefoxPolicyFile {
  readonly path: string;
  /** Replaces the extension's policy; Firefox reads the file when it starts. */
  write(values: Record<string, unknown>): void;
}

/**
 * A Firefox enterprise policy for the extension, as an admin deploys it on Linux:
 * `distribution/policies.json` beside Firefox's binary, holding
 * {"policies": {"3rdparty": {"Extensions": {<add-on ID>: …}}}}. Needs root (CI runs as root).
 * The file is machine-wide: a policies.json that was there before is kept aside and put back
 * when the test file ends, pass or fail.
 */
export function useFirefoxPolicyFile(): FirefoxPolicyFile {
  const path = firefoxPolicyFile();
  const keptAside = `${path}.before-e2e`;
  const restore = (): void => {
    rmSync(path, { force: true });
    if (existsSync(keptAside)) renameSync(keptAside, path);
  };
  afterAll(restore);
  process.once('exit', restore);
  return {
    path,
    write(values) {
      try {
        mkdirSync(dirname(path), { recursive: true });
        if (existsSync(path) && !existsSync(keptAside) && !readFileSync(path, 'utf8').includes(GECKO_ID)) renameSync(path, keptAside);
        writeFileSync(path, `${JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: values } } } }, null, 2)}\n`);
      } catch (error) {
        throw new Error(`cannot write Firefox's policy file ${path} (the admin tests need root, as CI has): ${String(error)}`, { cause: error });
      }
    },
  };
}
