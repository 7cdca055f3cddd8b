// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildAllowlist } from '../../../src/core/allowlist';
import { assessPage } from '../../../src/core/assess';
import { loadBuiltInCatalog } from '../../../src/core/catalog';
import { startCallBridge, type CallBridgeDeps } from '../../../src/content/call-bridge';
import { askBeforeCamera, knownAbout } from '../../../src/content/call-prompt';
import { CALL_EVENT, DECISION_EVENT, parseDecision, type DecisionDetail } from '../../../src/main-world/call-events';
import type { CallAction } from '../../../src/protocol/call';

const allowlist = buildAllowlist([{ source: 'catalog', file: loadBuiltInCatalog() }]);
const unknownSite = assessPage(allowlist, { url: 'https://video.example-clinic-visits.net/room' });
const zoom = assessPage(allowlist, { url: 'https://zoom.us/j/123456789' });

function harness(action: CallAction | 'unreachable', answer: 'continue' | 'leave' = 'continue') {
  const doc = document.implementation.createHTMLDocument('call');
  const decisions: DecisionDetail[] = [];
  doc.addEventListener(DECISION_EVENT, (event) => {
    const decision = parseDecision((event as CustomEvent<unknown>).detail);
    if (decision) decisions.push(decision);
  });
  const deps: CallBridgeDeps = {
    report: vi.fn((activity) => (action === 'unreachable' ? Promise.reject(new Error('no background')) : Promise.resolve(activity === 'frame-encryption' ? undefined : { action, verdict: unknownSite }))),
    ask: vi.fn(() => Promise.resolve(answer)),
    leave: vi.fn(),
    showBlocked: vi.fn(),
  };
  startCallBridge(doc, deps);
  const request = (id: number): void => {
    doc.dispatchEvent(new CustomEvent(CALL_EVENT, { detail: JSON.stringify({ type: 'media-request', id, activity: 'camera-or-microphone' }) }));
  };
  return { doc, decisions, deps, request };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the call bridge', () => {
  it('acknowledges at once, asks the user, and allows the camera on "continue"', async () => {
    const { decisions, deps, request } = harness('prompt', 'continue');
    request(1);
    expect(decisions).toEqual([{ id: 1, decision: 'received' }]);
    await settle();
    expect(deps.ask).toHaveBeenCalledOnce();
    expect(decisions.at(-1)).toEqual({ id: 1, decision: 'allow' });
  });

  it('denies the camera and leaves the page on "leave"', async () => {
    const { decisions, deps, request } = harness('prompt', 'leave');
    request(1);
    await settle();
    expect(decisions.at(-1)).toEqual({ id: 1, decision: 'deny' });
    expect(deps.leave).toHaveBeenCalledOnce();
  });

  it('asks once per page: a second track after "continue" goes through', async () => {
    const { decisions, deps, request } = harness('prompt', 'continue');
    request(1);
    await settle();
    request(2);
    await settle();
    expect(deps.ask).toHaveBeenCalledOnce();
    expect(decisions.filter((d) => d.decision === 'allow').map((d) => d.id)).toEqual([1, 2]);
  });

  it('allows without asking on a verified platform', async () => {
    const { decisions, deps, request } = harness('allow');
    request(1);
    await settle();
    expect(deps.ask).not.toHaveBeenCalled();
    expect(decisions.at(-1)).toEqual({ id: 1, decision: 'allow' });
  });

  it('refuses and says so when the clinic blocks unverified platforms', async () => {
    const { decisions, deps, request } = harness('block');
    request(1);
    await settle();
    expect(decisions.at(-1)).toEqual({ id: 1, decision: 'deny' });
    expect(deps.showBlocked).toHaveBeenCalledOnce();
  });

  it('lets the call go, with a console warning, when the background cannot be reached', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { decisions, request } = harness('unreachable');
    request(1);
    await settle();
    expect(decisions.at(-1)).toEqual({ id: 1, decision: 'allow' });
    expect(warn).toHaveBeenCalled();
  });

  it('passes other call activity to the background without asking', async () => {
    const { doc, deps } = harness('prompt');
    doc.dispatchEvent(new CustomEvent(CALL_EVENT, { detail: JSON.stringify({ type: 'activity', activity: 'frame-encryption' }) }));
    await settle();
    expect(deps.report).toHaveBeenCalledWith('frame-encryption');
    expect(deps.ask).not.toHaveBeenCalled();
  });
});

describe('the camera prompt', () => {
  it('says what is known of a general-purpose platform, with its facts', () => {
    const lines = knownAbout(zoom);
    expect(lines[0]).toContain('Zoom is a general-purpose platform');
    expect(lines.join(' ')).toContain('End-to-end encryption: available, must be turned on');
  });

  it('says that nothing is known of an unknown site', () => {
    expect(knownAbout(unknownSite)).toEqual(['Nothing is known about video.example-clinic-visits.net: it is on no list of telemedicine platforms.']);
  });

  it('ignores clicks that a page script makes', async () => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the element as `this`
    const original = Element.prototype.attachShadow;
    let root: ShadowRoot | undefined;
    vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
      root = original.call(this, init);
      return root;
    });
    let answered = false;
    void askBeforeCamera(document, unknownSite, 'camera-or-microphone').then(() => (answered = true));
    expect(document.querySelector('telehealth-guard-alert')).not.toBeNull();
    (root!.querySelector('button.continue') as HTMLButtonElement).click(); // untrusted, as from a script
    await settle();
    expect(answered).toBe(false);
    document.querySelector('telehealth-guard-alert')!.remove();
  });
});
