import { describe, expect, it } from 'vitest';
import { scenarioNamed, type Scenario } from '../../demo/scenarios';
import { pollUntil, staysFalse } from '../../demo/wait';
import { visit, type Visit } from '../../demo/visit';
import { useE2eSession } from './session';

describe('verdicts for the demo sites, in real Chromium', () => {
  const session = useE2eSession();

  /** Visits the scenario's page and records how long the verdict took to show. */
  async function open(scenario: Scenario): Promise<Visit> {
    const result = await visit(session.browser, scenario.url(session.servers));
    session.timings.set(scenario.name, result.ms);
    if (result.verdictMs !== undefined) session.verdictTimings.set(scenario.name, result.verdictMs);
    return result;
  }

  const alertShows = (page: Visit['page']) => pollUntil('the in-page alert', () => session.browser.alertDetails(page), (a) => a.present);
  const alertStaysAway = (page: Visit['page']) => staysFalse(() => session.browser.alertPresent(page));

  it('verifies the Doxy.me waiting room: verified, no alert, badge ✓', async () => {
    const { page, tabId, state } = await open(scenarioNamed('verified-waiting-room'));
    expect(state.level).toBe('verified');
    expect(state.findings).toEqual(['VERIFIED_PLATFORM']);
    expect(await alertStaysAway(page)).toBe(true);
    expect(await session.browser.badgeText(tabId)).toBe('✓');
  });

  it('calls the d0xy.me login a danger and shows the alert', async () => {
    const { page, tabId, state } = await open(scenarioNamed('lookalike-login'));
    expect(state.level).toBe('danger');
    expect(state.findings).toEqual(expect.arrayContaining(['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE']));
    const alert = await alertShows(page);
    expect(alert.shadowRootType).toBe('closed');
    expect(alert.findings).toContain('PASSWORD_ON_LOOKALIKE');
    expect(await session.browser.alertPresent(page)).toBe(true);
    expect(await session.browser.badgeText(tabId)).toBe('!!');
  });

  it('calls a password form over plain http a danger and shows the alert', async () => {
    const { page, state } = await open(scenarioNamed('http-portal-login'));
    expect(state.level).toBe('danger');
    expect(state.findings).toEqual(expect.arrayContaining(['INSECURE_CONNECTION', 'INSECURE_FORM']));
    expect((await alertShows(page)).findings).toContain('INSECURE_CONNECTION');
    expect(await session.browser.alertPresent(page)).toBe(true);
  });

  it('says nothing on an ordinary site with a login form', async () => {
    const { page, tabId, state } = await open(scenarioNamed('ordinary-login'));
    expect(state.level).toBe('neutral');
    expect(state.findings).toEqual([]);
    expect(await alertStaysAway(page)).toBe(true);
    expect(await session.browser.badgeText(tabId)).toBe('');
  });

  it('flags a login form on an ordinary site that posts to another domain: FOREIGN_FORM_ACTION', async () => {
    const { page, state } = await open(scenarioNamed('foreign-form-action'));
    expect(state.level).toBe('caution');
    expect(state.findings).toEqual(['FOREIGN_FORM_ACTION']);
    expect((await alertShows(page)).findings).toEqual(['FOREIGN_FORM_ACTION']);
  });

  it('names Zoom a general-purpose platform, without an alert', async () => {
    const { page, state } = await open(scenarioNamed('general-purpose-join'));
    expect(state.level).toBe('neutral');
    expect(state.findings).toEqual(['GENERAL_PURPOSE_PLATFORM']);
    expect(await alertStaysAway(page)).toBe(true);
  });
});
