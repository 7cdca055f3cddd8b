import { beforeAll, describe, expect, it } from 'vitest';
import { markListsLoaded, updateListInputs } from '../../../src/background/allowlist-state';
import { linkCheckHandlers } from '../../../src/background/link-check-handler';
import type { CheckedLink, LinkCheck } from '../../../src/core/links/check-links';
import { LINK_MESSAGE_MAX_LENGTH, LINK_TEXT_MAX_LENGTH } from '../../../src/core/links/link-limits';
import { parsePolicy } from '../../../src/core/lists/policy';
import { createRouter, type Sender } from '../../../src/protocol/router';
import { adminHandlerStubs } from '../protocol/admin-handler-stubs';

const EXTENSION_ID = 'ljbanadpekglijmpjdpnphaljafnjdkn';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const popup: Sender = { id: EXTENSION_ID, url: `${ORIGIN}src/popup/index.html` };
const contentScript: Sender = { id: EXTENSION_ID, url: 'https://d0xy.me/login', frameId: 0, tab: { id: 7, url: 'https://d0xy.me/login' } };

const unused = () => Promise.reject(new Error('not in this test'));
const route = createRouter({
  extensionId: EXTENSION_ID,
  extensionOrigin: ORIGIN,
  content: {} as never,
  pages: { 'get-tab-state': unused, 'get-popup-view': unused, 'undo-dismissal': unused, ...adminHandlerStubs, ...linkCheckHandlers },
});

async function check(text: string, from: Sender = popup): Promise<LinkCheck> {
  const reply = await route({ type: 'check-link', text }, from);
  if (!reply?.ok) throw new Error(`no answer: ${JSON.stringify(reply)}`);
  return reply.value as LinkCheck;
}

async function onlyLink(text: string): Promise<CheckedLink> {
  const answer = await check(text);
  if (!answer.ok || answer.links[0]?.kind !== 'web') throw new Error(`expected a web link, got ${JSON.stringify(answer)}`);
  return answer.links[0];
}

const listedBy = (link: CheckedLink) => link.verdict.platform?.listedBy;

beforeAll(() => {
  // As after the worker loaded the stored lists: no wait for them.
  markListsLoaded();
});

describe('the background answers "Check a link" with the lists in force', () => {
  it('verifies a catalog platform', async () => {
    const link = await onlyLink('Your visit: https://doxy.me/drsmith');
    expect(link.level).toBe('verified');
    expect(listedBy(link)).toBe('catalog');
  });

  it("verifies a site on the clinic's policy list, naming that list", async () => {
    updateListInputs({ policy: parsePolicy({ allowlist: [{ domain: 'visit.example-clinic.org', name: 'Example Clinic' }] }) });
    const link = await onlyLink('https://visit.example-clinic.org/room/4');
    expect(link.level).toBe('verified');
    expect(listedBy(link)).toBe('policy');
  });

  it("verifies a site on the user's own list", async () => {
    updateListInputs({ userDomains: ['therapy.example.net'] });
    const link = await onlyLink('therapy.example.net/session');
    expect(link.level).toBe('verified');
    expect(listedBy(link)).toBe('user');
  });

  it('no longer verifies a catalog platform the clinic replaced the catalog without', async () => {
    updateListInputs({ policy: parsePolicy({ allowlistMode: 'replace', allowlist: [{ domain: 'visit.example-clinic.org', name: 'Example Clinic' }] }), userDomains: [] });
    const link = await onlyLink('https://doxy.me/drsmith');
    expect(link.level).not.toBe('verified');
    updateListInputs({ policy: parsePolicy(undefined) });
  });
});

describe('who may ask', () => {
  it('answers the popup', async () => {
    expect(await check('https://d0xy.me/')).toMatchObject({ ok: true });
  });

  it("refuses a content script's check-link: pages never ask the background to judge links", async () => {
    const reply = await route({ type: 'check-link', text: 'https://doxy.me/' }, contentScript);
    expect(reply?.ok === false && reply.error).toMatch(/^rejected message/);
  });

  it('drops a message from another extension unheard', () => {
    expect(route({ type: 'check-link', text: 'https://doxy.me/' }, { ...popup, id: 'another-extension' })).toBeUndefined();
  });

  it(`answers a text over ${LINK_TEXT_MAX_LENGTH} characters with "too long", in words the popup shows`, async () => {
    expect(await check('x'.repeat(LINK_TEXT_MAX_LENGTH + 1))).toEqual({ ok: false, problem: { reason: 'too-long', length: LINK_TEXT_MAX_LENGTH + 1, max: LINK_TEXT_MAX_LENGTH } });
  });

  it(`refuses a message over ${LINK_MESSAGE_MAX_LENGTH} characters at the schema, before any reading`, async () => {
    expect(await route({ type: 'check-link', text: 'x'.repeat(LINK_MESSAGE_MAX_LENGTH + 1) }, popup)).toMatchObject({ ok: false });
  });

  it('refuses a message with anything beside the text', async () => {
    expect(await route({ type: 'check-link', text: 'https://doxy.me/', open: true }, popup)).toMatchObject({ ok: false });
  });
});
