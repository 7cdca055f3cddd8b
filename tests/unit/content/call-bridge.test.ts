// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildAllowlist } from '../../../src/core/lists/allowlist';
import { assessPage } from '../../../src/core/findings/assess';
import { loadBuiltInCatalog } from '../../../src/core/lists/catalog';
import { startCallBridge, type CallBridgeDeps } from '../../../src/content/call-bridge';
import { parseDecision, type DecisionDetail } from '../../../src/main-world/call-events';
import type { HookChannel } from '../../../src/main-world/private-channel';
import type { CallAction } from '../../../src/protocol/call';

const allowlist = buildAllowlist([{ source: 'catalog', file: loadBuiltInCatalog() }]);
const unknownSite = assessPage(allowlist, { url: 'https://video.example-clinic-visits.net/room' });

function harness(action: CallAction | 'unreachable', answer: 'continue' | 'leave' = 'continue') {
  const decisions: DecisionDetail[] = [];
  let fromHook: ((detail: unknown) => void) | undefined;
  // The content script's end of the private channel: what it sends are decisions.
  const channel: HookChannel = {
    send: (detail) => {
      const decision = parseDecision(detail);
      if (decision) decisions.push(decision);
    },
    onMessage: (handler) => {
      fromHook = handler;
    },
  };
  const deps: CallBridgeDeps = {
    report: vi.fn((activity) => (action === 'unreachable' ? Promise.reject(new Error('no background')) : Promise.resolve(activity === 'frame-encryption' ? undefined : { action, verdict: unknownSite }))),
    ask: vi.fn(() => Promise.resolve(answer)),
    leave: vi.fn(),
    showBlocked: vi.fn(),
    onDocumentOpened: vi.fn(),
  };
  startCallBridge(channel, deps);
  const hookSays = (message: object): void => fromHook?.(JSON.stringify(message));
  const request = (id: number): void => {
    hookSays({ type: 'media-request', id, activity: 'camera-or-microphone' });
  };
  return { decisions, deps, request, hookSays };
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

  it('keeps the camera closed, with a console warning, when the background cannot be reached (no verdict to open it on)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { decisions, request } = harness('unreachable');
    request(1);
    await settle();
    expect(decisions.at(-1)).toEqual({ id: 1, decision: 'deny' });
    expect(warn).toHaveBeenCalled();
  });

  it('passes other call activity to the background without asking', async () => {
    const { deps, hookSays } = harness('prompt');
    hookSays({ type: 'activity', activity: 'frame-encryption' });
    await settle();
    expect(deps.report).toHaveBeenCalledWith('frame-encryption');
    expect(deps.ask).not.toHaveBeenCalled();
  });
});
