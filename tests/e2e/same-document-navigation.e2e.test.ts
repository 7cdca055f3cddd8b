import { describe, expect, it } from 'vitest';
import { scenarioNamed } from '../../demo/scenarios';
import { staysFalse } from '../../demo/wait';
import { visit, waitForPopup } from '../../demo/visit';
import { useE2eSession } from './session';

describe('an address change without a new document', () => {
  const session = useE2eSession();

  it('keeps a lookalike login at danger after history.pushState', async () => {
    const { browser } = session;
    const { page, tabId, state } = await visit(browser, scenarioNamed('lookalike-login').url(session.servers));
    expect(state.level).toBe('danger');

    await page.evaluate(() => {
      history.pushState({}, '', '/login?step=2');
    });
    const after = await waitForPopup(browser, tabId, 'the verdict for the new address', (s) => s.hasPageSignals && s.level === 'danger');
    expect(after.findings).toEqual(['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE']);
    // Not a passing glance: it stays there.
    expect(await staysFalse(async () => (await browser.tabState(tabId)).level !== 'danger', 1_000, 200)).toBe(true);
    expect(await browser.badgeText(tabId)).toBe('!!');
  });
});
