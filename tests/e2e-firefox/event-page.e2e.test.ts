import { describe, expect, it } from 'vitest';
import { scenarioNamed } from '../../demo/scenarios';
import { pollUntil } from '../../demo/wait';
import { alertShows, expectFieldGuarded, LOOKALIKE_WITH_PASSWORD, popupShows } from './firefox-guard-helpers';
import { useFirefoxSession } from './firefox-session';

/** Firefox suspends an idle event page after this long (30 s by default; short here, so the test sees it). */
const IDLE_MS = 1_000;

/**
 * Firefox runs the background as an event page, not a service worker: it is unloaded when idle
 * and loaded again by the next event. What it knows about a tab lives in storage.session, so a
 * suspended background loses no verdict, and the next page event wakes it.
 */
describe('the background as a Firefox event page, suspended when idle', () => {
  const session = useFirefoxSession(() => ({ prefs: { 'extensions.background.idle.timeout': IDLE_MS } }));

  const suspended = () => pollUntil('the event page to be suspended', () => session.firefox.backgroundRunning(), (running) => !running, { timeoutMs: IDLE_MS * 10, intervalMs: 200 });

  it('wakes for a new page, judges it, and keeps its verdict, alert and guard through a suspension', async () => {
    const { firefox } = session;
    await suspended();
    const page = await firefox.newPage();
    try {
      await page.goto(scenarioNamed('lookalike-login').url(session.servers));
      const tabId = await firefox.tabIdFor(page);
      await popupShows(firefox, tabId, 'danger', LOOKALIKE_WITH_PASSWORD);
      await alertShows(firefox, tabId);

      await suspended();
      // Read while suspended: the popup's question wakes the background, which answers from storage.session.
      const state = await firefox.tabState(tabId);
      expect(state.level).toBe('danger');
      expect(state.findings.sort()).toEqual([...LOOKALIKE_WITH_PASSWORD].sort());
      expect(await firefox.badgeText(tabId)).toBe('!!');

      await suspended();
      await expectFieldGuarded(firefox, page, tabId);
    } finally {
      await page.close();
    }
  });
});
