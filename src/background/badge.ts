import browser from 'webextension-polyfill';
import type { RiskLevel } from '../core/findings/risk-levels';

const BADGE: Readonly<Record<RiskLevel, { text: string; color: string }>> = {
  verified: { text: '✓', color: '#1a7f37' },
  neutral: { text: '', color: '#6e7781' },
  caution: { text: '!', color: '#bf8700' },
  danger: { text: '!!', color: '#cf222e' },
};

export function iconPaths(level: RiskLevel | 'default'): Record<string, string> {
  return Object.fromEntries([16, 32, 48, 128].map((size) => [String(size), `icons/${level}-${size}.png`]));
}

/** Shows the tab's level on the toolbar button: colour, icon and a short badge. */
export async function showLevelOnBadge(tabId: number, level: RiskLevel | undefined): Promise<void> {
  const badge = level ? BADGE[level] : { text: '', color: BADGE.neutral.color };
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: badge.text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }),
    browser.action.setIcon({ tabId, path: iconPaths(level ?? 'default') }),
    browser.action.setTitle({ tabId, title: level ? `Telehealth Guard: ${level}` : 'Telehealth Guard' }),
  ]);
}
