import { describe, expect, it } from 'vitest';
import { SCENARIOS, sameFindings, type Scenario } from '../../demo/scenarios';
import { pollUntil } from '../../demo/wait';
import { useFirefoxSession } from './firefox-session';

/** Levels at which the page shows its alert (DESIGN.md: in-page alert). */
const ALERTING = new Set(['caution', 'danger']);
/** Trackers on a verified page: caution in the popup and on the badge, no alert in the page (as in Chromium). */
const NO_ALERT = new Set(['tracker-on-intake']);

describe('verdicts for every demo site, in real Firefox ESR', () => {
  const session = useFirefoxSession();

  it('runs the background as an event page: scripts, no service worker, and answers the popup', async () => {
    type Background = { scripts?: string[]; service_worker?: string | null };
    const background = await session.firefox.inExtension(
      () => (globalThis as unknown as { browser: { runtime: { getManifest(): { background: Background } } } }).browser.runtime.getManifest().background,
      undefined,
    );
    expect(background.scripts).toHaveLength(1);
    expect(background.scripts?.[0]).toMatch(/\/service-worker-loader\.js$/);
    expect(background.service_worker ?? null).toBeNull();
  });

  it.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))('%s: the popup shows the expected level and findings', async (_name, scenario: Scenario) => {
    const { firefox } = session;
    const page = await firefox.newPage();
    try {
      await page.goto(scenario.url(session.servers));
      const tabId = await firefox.tabIdFor(page);
      const state = await pollUntil(
        `the verdict for ${scenario.name}`,
        () => firefox.tabState(tabId),
        (shown) => shown.hasPageSignals && shown.level === scenario.expected.level && sameFindings(shown.findings, scenario.expected.findings),
        { timeoutMs: 15_000, intervalMs: 100 },
      );
      expect(state.level).toBe(scenario.expected.level);
      const alerts = await pollUntil(
        'the in-page alert to match the level',
        () => firefox.widgets(tabId, 'telehealth-guard-alert'),
        (found) => found.some((alert) => alert.topFrame) === (ALERTING.has(scenario.expected.level) && !NO_ALERT.has(scenario.name)),
      );
      for (const alert of alerts) expect(alert.mode).toBe('closed');
      const badge = await firefox.badgeText(tabId);
      if (scenario.expected.level === 'verified') expect(badge).toBe('✓');
      if (scenario.expected.level === 'danger') expect(badge).toBe('!!');
    } finally {
      await page.close();
    }
  });
});
