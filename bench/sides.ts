/**
 * The browsers of a side-by-side measurement: one without any extension (the reference every
 * other side is compared with), one with our build, optionally a baseline build of ours, and
 * other extensions (peers), each unpacked extension alone in a browser of its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../demo/browser';
import { readExtension } from './extension-name';
import type { ScriptNaming } from './script-source';

/** without: no extension; ours: the build under test; baseline: another build of ours; peer: another extension. */
export type Role = 'without' | 'ours' | 'baseline' | 'peer';

export interface SideSpec {
  /** In the tables, and a peer's name in the JSON. */
  label: string;
  role: Role;
  distDir: string | undefined;
  /** The isolated world its content scripts run in: the extension's name (undefined without one). */
  world: string | undefined;
  hasServiceWorker: boolean;
}

export const WITHOUT: SideSpec = { label: 'without extension', role: 'without', distDir: undefined, world: undefined, hasServiceWorker: false };

export function extensionSide(role: Exclude<Role, 'without'>, distDir: string, label?: string): SideSpec {
  const extension = readExtension(distDir);
  return { label: label ?? extension.name, role, distDir, world: extension.name, hasServiceWorker: extension.hasServiceWorker };
}

/** Peers by their names; two with the same name are told apart by their folders. */
export function peerSides(dirs: readonly string[]): SideSpec[] {
  const sides = dirs.map((dir) => extensionSide('peer', dir));
  return sides.map((side) => (sides.filter((other) => other.label === side.label).length > 1 ? { ...side, label: `${side.label} (${side.distDir ?? ''})` } : side));
}

/** Our builds keep our script names; another extension's scripts go by their paths. */
export const namingOf = (side: SideSpec): ScriptNaming => (side.role === 'peer' ? 'by path' : 'ours');

/**
 * Must the page keep the element count it has without any extension? Our builds show nothing
 * on these pages (an alert or an overlay would be a cost of its own, and a different page); a
 * peer may add its own (Check adds a `<style>` to every page), so only its own loads must agree.
 */
export const keepsElements = (side: SideSpec): boolean => side.role !== 'peer';

export interface SideBrowser {
  spec: SideSpec;
  context: BrowserContext;
  close: () => Promise<void>;
}

export async function launchSide(spec: SideSpec): Promise<SideBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'thg-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: chromiumArgs(spec.distDir),
  });
  const close = async (): Promise<void> => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    // Measured from the worker's start on: its first run (install, reading its lists) is no part of a page load.
    if (spec.hasServiceWorker && context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker', { timeout: 20_000 });
  } catch (error) {
    await close();
    throw new Error(`bench: ${spec.label} (${spec.distDir ?? ''}) started no service worker: ${String(error)}`, { cause: error });
  }
  return { spec, context, close };
}
