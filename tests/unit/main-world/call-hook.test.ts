// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CALL_EVENT, DECISION_EVENT, parseCallEvent, type CallEventDetail } from '../../../src/main-world/call-events';
import { installCallHook } from '../../../src/main-world/install-call-hook';

/** A window with the call APIs jsdom lacks, so the hook has something to wrap. */
function fakeWindow() {
  const opened: string[] = [];
  class FakeMediaDevices {
    getUserMedia(constraints?: MediaStreamConstraints): Promise<string> {
      opened.push(`camera:${JSON.stringify(constraints)}`);
      return Promise.resolve('stream');
    }
    getDisplayMedia(): Promise<string> {
      opened.push('screen');
      return Promise.resolve('screen-stream');
    }
  }
  class FakePeerConnection {
    constructor(readonly config?: unknown) {}
  }
  const win = Object.assign(Object.create(window) as Window & typeof globalThis, {
    MediaDevices: FakeMediaDevices,
    RTCPeerConnection: FakePeerConnection,
    setTimeout: window.setTimeout.bind(window),
  });
  return { win, opened, devices: new FakeMediaDevices() as unknown as MediaDevices };
}

let events: CallEventDetail[] = [];
const listener = (event: Event): void => {
  const detail = parseCallEvent((event as CustomEvent<unknown>).detail);
  if (detail) events.push(detail);
};
const decide = (id: number, decision: 'received' | 'allow' | 'deny'): void => {
  document.dispatchEvent(new CustomEvent(DECISION_EVENT, { detail: JSON.stringify({ id, decision }) }));
};

beforeEach(() => {
  events = [];
  document.addEventListener(CALL_EVENT, listener);
});
afterEach(() => {
  document.removeEventListener(CALL_EVENT, listener);
  vi.useRealTimers();
});

describe('the page-world call hook', () => {
  it('holds getUserMedia until the content script allows it', async () => {
    const { win, opened, devices } = fakeWindow();
    installCallHook(win, document);
    let settled = false;
    const stream = devices.getUserMedia({ video: true }).then((value) => {
      settled = true;
      return value;
    });
    expect(events).toEqual([{ type: 'media-request', id: 1, activity: 'camera-or-microphone' }]);
    decide(1, 'received');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(false);
    expect(opened).toEqual([]);
    decide(1, 'allow');
    expect(await stream).toBe('stream');
    expect(opened).toEqual(['camera:{"video":true}']);
  });

  it('rejects with NotAllowedError when the user leaves, and never opens the camera', async () => {
    const { win, opened, devices } = fakeWindow();
    installCallHook(win, document);
    const stream = devices.getUserMedia({ audio: true });
    decide(1, 'received');
    decide(1, 'deny');
    await expect(stream).rejects.toMatchObject({ name: 'NotAllowedError' });
    expect(opened).toEqual([]);
  });

  it('goes ahead, with a console warning, when no content script acknowledges the request', async () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { win, devices } = fakeWindow();
    installCallHook(win, document);
    const stream = devices.getUserMedia({ video: true });
    await vi.advanceTimersByTimeAsync(2_100);
    expect(await stream).toBe('stream');
    expect(warn).toHaveBeenCalledOnce();
  });

  it('still waits for the user after the acknowledgement, however long they take', async () => {
    vi.useFakeTimers();
    const { win, devices } = fakeWindow();
    installCallHook(win, document);
    let settled = false;
    void devices.getUserMedia({ video: true }).then(() => (settled = true));
    decide(1, 'received');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(settled).toBe(false);
  });

  it('gates screen sharing the same way', async () => {
    const { win, devices } = fakeWindow();
    installCallHook(win, document);
    const screen = devices.getDisplayMedia();
    expect(events.at(-1)).toEqual({ type: 'media-request', id: 1, activity: 'screen' });
    decide(1, 'allow');
    expect(await screen).toBe('screen-stream');
  });

  it('reports a new RTCPeerConnection and keeps it working', () => {
    const { win } = fakeWindow();
    installCallHook(win, document);
    const PeerConnection = (win as unknown as { RTCPeerConnection: new (config: unknown) => { config: unknown } }).RTCPeerConnection;
    const connection = new PeerConnection({ iceServers: [] });
    expect(connection.config).toEqual({ iceServers: [] });
    expect(events).toEqual([{ type: 'activity', activity: 'peer-connection' }]);
  });

  it('reports one made under the old name, webkitRTCPeerConnection, the same constructor', () => {
    const { win } = fakeWindow();
    const globals = win as unknown as Record<string, unknown>;
    globals.webkitRTCPeerConnection = globals.RTCPeerConnection;
    installCallHook(win, document);
    expect(globals.webkitRTCPeerConnection).toBe(globals.RTCPeerConnection);
    const Old = globals.webkitRTCPeerConnection as new (config: unknown) => { config: unknown };
    expect(new Old({ iceServers: [] }).config).toEqual({ iceServers: [] });
    expect(events).toEqual([{ type: 'activity', activity: 'peer-connection' }]);
  });

  it('notices frame encryption on the senders and receivers, from the first peer connection on', () => {
    const applied: unknown[] = [];
    class FakeSender {
      #transform: unknown = null;
      get transform(): unknown {
        return this.#transform;
      }
      set transform(value: unknown) {
        this.#transform = value;
        applied.push(value);
      }
    }
    class FakeReceiver {
      createEncodedStreams(): string {
        return 'streams';
      }
    }
    const { win } = fakeWindow();
    Object.assign(win, { RTCRtpSender: FakeSender, RTCRtpReceiver: FakeReceiver });
    installCallHook(win, document);
    // Not before: a page without calls pays for none of these interfaces.
    expect(Object.getOwnPropertyDescriptor(FakeSender.prototype, 'transform')?.set?.toString()).toContain('applied.push');
    const PeerConnection = (win as unknown as { RTCPeerConnection: new () => object }).RTCPeerConnection;
    new PeerConnection();
    const sender = new FakeSender();
    sender.transform = 'script transform';
    expect(applied).toEqual(['script transform']);
    expect(sender.transform).toBe('script transform');
    sender.transform = null;
    expect(new FakeReceiver().createEncodedStreams()).toBe('streams');
    expect(events).toEqual([
      { type: 'activity', activity: 'peer-connection' },
      { type: 'activity', activity: 'frame-encryption' },
      { type: 'activity', activity: 'frame-encryption' },
    ]);
  });

  it('ignores decisions for requests it never made, and malformed ones', async () => {
    const { win, devices } = fakeWindow();
    installCallHook(win, document);
    let settled = false;
    void devices.getUserMedia({ video: true }).then(() => (settled = true));
    decide(99, 'allow');
    document.dispatchEvent(new CustomEvent(DECISION_EVENT, { detail: { id: 1, decision: 'allow' } }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(false);
  });
});

describe('parseCallEvent', () => {
  it.each([
    ['not json', undefined],
    [JSON.stringify({ type: 'media-request', id: '1', activity: 'camera-or-microphone' }), undefined],
    [JSON.stringify({ type: 'activity', activity: 'keylogger' }), undefined],
    [JSON.stringify({ type: 'activity', activity: 'frame-encryption' }), { type: 'activity', activity: 'frame-encryption' }],
  ])('%s → %j', (detail, expected) => {
    expect(parseCallEvent(detail)).toEqual(expected);
  });
});
