import { describe, expect, it } from 'vitest';
import { scenarioNamed } from '../../demo/scenarios';
import { pollUntil } from '../../demo/wait';
import { visit, waitForPopup } from '../../demo/visit';
import { useE2eSession } from './session';

describe('a password field that appears after load', () => {
  const session = useE2eSession();

  it('goes from caution (lookalike) to danger when d0xy.me adds a password field 2 s after load', async () => {
    const { browser } = session;
    const scenario = scenarioNamed('late-password-lookalike');
    const start = performance.now();
    const { page, tabId, state: first, ms } = await visit(browser, scenario.url(session.servers));
    session.timings.set('late-password-lookalike (first report)', ms);

    // The first report: no password yet, so only the address is suspicious.
    expect(first.level).toBe('caution');
    expect(first.findings).toEqual(['LOOKALIKE_DOMAIN']);
    expect(await browser.badgeText(tabId)).toBe('!');
    const cautionAlert = await pollUntil('the caution alert', () => browser.alertDetails(page), (a) => a.present);
    expect(cautionAlert.findings).toEqual(['LOOKALIKE_DOMAIN']);

    const later = await waitForPopup(browser, tabId, 'the verdict after the password field appears', (s) => s.level === 'danger', 8_000);
    const laterMs = Math.round(performance.now() - start);
    session.timings.set('late-password-lookalike (after the field appears)', laterMs);
    // The field is added 2000 ms after the page's script runs: no earlier verdict can know it.
    expect(laterMs).toBeGreaterThanOrEqual(2_000);
    expect(later.findings).toEqual(expect.arrayContaining(['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE']));
    expect(later.hasPageSignals).toBe(true);
    expect(await browser.badgeText(tabId)).toBe('!!');
    const dangerAlert = await pollUntil('the danger alert', () => browser.alertDetails(page), (a) => a.findings.includes('PASSWORD_ON_LOOKALIKE'));
    expect(dangerAlert.present).toBe(true);
  });
});
