import browser from 'webextension-polyfill';
import type { RiskLevel } from '../core/risk-levels';
import { latestPerKey } from './one-at-a-time';

const BADGE: Readonly<Record<RiskLevel, { text: string; color: string }>> = {
  verified: { text: '✓', color: '#1a7f37' },
  neutral: { text: '', color: '#6e7781' },
  caution: { text: '!', color: '#bf8700' },
  danger: { text: '!!', color: '#cf222e' },
};

export function iconPaths(level: RiskLevel | 'default'): Record<string, string> {
  return Object.fromEntries([16, 32, 48, 128].map((size) => [String(size), `icons/${level}-${size}.png`]));
}

/**
 * The icon takes longer than the other parts: the browser's setIcon loads its files in this
 * worker first, at every call, so an icon asked for later could be set sooner. A tab's icons are
 * set one at a time, the newest next (one-at-a-time's latestPerKey).
 */
const setIcon = latestPerKey<number, RiskLevel | 'default'>((tabId, icon) => browser.action.setIcon({ tabId, path: iconPaths(icon) }));

/**
 * Shows the tab's level on the toolbar button: colour, icon and a short badge. The badge text,
 * the title and the colour are handed to the browser at once, whatever is still being set for
 * the tab: the browser sets a worker's calls in the order they are made, so the newest stays,
 * and a new document's verdict (its commit clears the button) is never held behind calls made
 * for the page before, nor behind the icon.
 */
export async function showLevelOnBadge(tabId: number, level: RiskLevel | undefined): Promise<void> {
  const badge = level ? BADGE[level] : { text: '', color: BADGE.neutral.color };
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: badge.text }),
    browser.action.setTitle({ tabId, title: level ? `Telehealth Guard: ${level}` : 'Telehealth Guard' }),
    browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }),
    setIcon(tabId, level ?? 'default'),
  ]);
}
