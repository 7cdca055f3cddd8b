import browser, { type Action } from 'webextension-polyfill';
import type { RiskLevel } from '../core/findings/risk-levels';
import { latestPerKey } from './one-at-a-time';
import type { MessageKey } from '../core/i18n/messages';
import { uiMessages } from '../ui-text/ui-messages';

const BADGE: Readonly<Record<RiskLevel, { text: string; color: string; title: MessageKey }>> = {
  verified: { text: '✓', color: '#1a7f37', title: 'badgeTitleVerified' },
  neutral: { text: '', color: '#6e7781', title: 'badgeTitleNeutral' },
  caution: { text: '!', color: '#bf8700', title: 'badgeTitleCaution' },
  danger: { text: '!!', color: '#cf222e', title: 'badgeTitleDanger' },
};

/**
 * The toolbar draws the button's icon 16 px wide, at 1x, 2x and 3x: 128 px (the store's and the
 * extensions page's size, in the manifest) is never drawn there, and it alone had four fifths of
 * the pixels each setIcon sends.
 */
const TOOLBAR_ICON_SIZES = [16, 32, 48];

export function iconPaths(level: RiskLevel | 'default'): Record<string, string> {
  return Object.fromEntries(TOOLBAR_ICON_SIZES.map((size) => [String(size), `icons/${level}-${size}.png`]));
}

type IconImages = Record<string, Action.ImageDataType>;

/** Each level's icon images, decoded once in this worker (see iconOf). */
const decoded = new Map<RiskLevel | 'default', Promise<IconImages | undefined>>();

async function decodeIcon(level: RiskLevel | 'default'): Promise<IconImages | undefined> {
  if (typeof OffscreenCanvas === 'undefined' || typeof createImageBitmap === 'undefined') return undefined;
  const sizes = await Promise.all(
    Object.entries(iconPaths(level)).map(async ([size, path]) => {
      const bitmap = await createImageBitmap(await (await fetch(browser.runtime.getURL(path))).blob());
      const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d');
      if (!context) throw new Error('no 2d canvas');
      context.drawImage(bitmap, 0, 0);
      return [size, context.getImageData(0, 0, bitmap.width, bitmap.height) as Action.ImageDataType] as const;
    }),
  );
  return Object.fromEntries(sizes);
}

/**
 * A level's icon: its images, decoded the first time, or else its files. Given files, the
 * browser's setIcon fetches each one in this worker at every call, decodes it and draws it on a
 * canvas to send its pixels: the heaviest work the worker did for a tab, several times per page
 * load, and in a burst of tabs every tab's events waited behind it. Where no images can be made
 * here (no OffscreenCanvas), the files are given as before.
 */
async function iconOf(level: RiskLevel | 'default'): Promise<{ imageData: IconImages } | { path: Record<string, string> }> {
  let images = decoded.get(level);
  if (!images) {
    images = decodeIcon(level).catch(() => undefined);
    decoded.set(level, images);
  }
  const imageData = await images;
  return imageData ? { imageData } : { path: iconPaths(level) };
}

/**
 * The icon takes longer than the other parts (decoded first, once per level, or loaded from its
 * files by the browser at every call), so an icon asked for later could be set sooner: a tab's
 * icons are set one at a time, the newest next (one-at-a-time's latestPerKey).
 */
const setIcon = latestPerKey<number, RiskLevel | 'default'>(async (tabId, icon) => browser.action.setIcon({ tabId, ...(await iconOf(icon)) }));

/**
 * Shows the tab's level on the toolbar button: colour, icon and a short badge. The badge text,
 * the title and the colour are handed to the browser at once, whatever is still being set for
 * the tab: the browser sets a worker's calls in the order they are made, so the newest stays,
 * and a new document's verdict (its commit clears the button) is never held behind calls made
 * for the page before, nor behind the icon.
 */
export async function showLevelOnBadge(tabId: number, level: RiskLevel | undefined): Promise<void> {
  const badge = level ? BADGE[level] : { text: '', color: BADGE.neutral.color, title: 'extensionName' as const };
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: badge.text }),
    browser.action.setTitle({ tabId, title: uiMessages().text(badge.title) }),
    browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }),
    setIcon(tabId, level ?? 'default'),
  ]);
}
