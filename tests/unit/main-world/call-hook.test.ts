// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseDecision, parseHookMessage, type HookMessage } from '../../../src/main-world/call-events';
import { installCallHook } from '../../../src/main-world/install-call-hook';
import { takeIntrinsics, type Intrinsics } from '../../../src/main-world/intrinsics';
import type { HookChannel } from '../../../src/main-world/private-channel';

/**
 * A window with the call APIs jsdom lacks, shaped as Chromium's: `navigator` an accessor of the
 * window, `mediaDevices` a getter of Navigator.prototype, the methods on the prototypes.
 */
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
  const devices = new FakeMediaDevices();
  class FakeNavigator {
    get mediaDevices(): FakeMediaDevices {
      return devices;
    }
    webkitGetUserMedia(constraints: MediaStreamConstraints, onSuccess: (stream: string) => void): void {
      opened.push(`legacy:${JSON.stringify(constraints)}`);
      onSuccess('legacy-stream');
    }
  }
  const navigatorObject = new FakeNavigator();
  class FakePeerConnection {
    constructor(readonly config?: unknown) {}
  }
  const win = Object.create(window) as Window & typeof globalThis;
  // Own data properties of the window, as interface objects are (jsdom's own would shadow an assignment).
  for (const [name, value] of Object.entries({ MediaDevices: FakeMediaDevices, Navigator: FakeNavigator, RTCPeerConnection: FakePeerConnection })) {
    Object.defineProperty(win, name, { value, writable: true, configurable: true, enumerable: false });
  }
  for (const name of ['navigator', 'clientInformation']) {
    Object.defineProperty(win, name, { get: () => navigatorObject, configurable: true, enumerable: true });
  }
  return { win, opened, devices: devices as unknown as MediaDevices, navigatorObject, FakeMediaDevices, FakeNavigator };
}

/** The private channel, as the content script holds its end: what the hook said, and a way to answer. */
function fakeChannel() {
  const said: HookMessage[] = [];
  let handler: ((detail: unknown) => void) | undefined;
  const channel: HookChannel = {
    send: (detail) => {
      const message = parseHookMessage(detail);
      if (message) said.push(message);
    },
    onMessage: (listen) => {
      handler = listen;
    },
  };
  const decide = (id: number, decision: 'received' | 'allow' | 'deny'): void => handler?.(JSON.stringify({ id, decision }));
  return { channel, said, decide, raw: (detail: unknown) => handler?.(detail) };
}

let intrinsics: Intrinsics;
beforeEach(() => {
  intrinsics = takeIntrinsics(window);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function install() {
  const page = fakeWindow();
  const talk = fakeChannel();
  installCallHook(page.win, talk.channel, intrinsics);
  return { ...page, ...talk };
}

describe('the page-world call hook', () => {
  it('holds getUserMedia until the content script allows it', async () => {
    const { win, opened, said, decide } = install();
    let settled = false;
    const stream = win.navigator.mediaDevices.getUserMedia({ video: true }).then((value) => {
      settled = true;
      return value;
    });
    expect(said).toEqual([{ type: 'media-request', id: 1, activity: 'camera-or-microphone' }]);
    decide(1, 'received');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(false);
    expect(opened).toEqual([]);
    decide(1, 'allow');
    expect(await stream).toBe('stream');
    expect(opened).toEqual(['camera:{"video":true}']);
  });

  it('rejects with NotAllowedError when the user leaves, and never opens the camera', async () => {
    const { win, opened, decide } = install();
    const stream = win.navigator.mediaDevices.getUserMedia({ audio: true });
    decide(1, 'received');
    decide(1, 'deny');
    await expect(stream).rejects.toMatchObject({ name: 'NotAllowedError' });
    expect(opened).toEqual([]);
  });

  it('gates the prototype: a page that took MediaDevices.prototype.getUserMedia before reading navigator still calls the gate', async () => {
    const { win, opened, said, decide, FakeMediaDevices } = install();
    // The first route the page touches is the interface, not navigator.
    const taken = Reflect.get((win as unknown as { MediaDevices: typeof FakeMediaDevices }).MediaDevices.prototype, 'getUserMedia') as unknown;
    const stream = Reflect.apply(taken as () => Promise<string>, new FakeMediaDevices(), [{ video: true }]) as Promise<string>;
    expect(said).toEqual([{ type: 'media-request', id: 1, activity: 'camera-or-microphone' }]);
    decide(1, 'deny');
    await expect(stream).rejects.toMatchObject({ name: 'NotAllowedError' });
    expect(opened).toEqual([]);
  });

  it('finds the prototypes from navigator as the browser made it, even after the page deleted the interface globals', async () => {
    const { win, opened, decide } = install();
    const globals = win as unknown as Record<string, unknown>;
    delete globals.MediaDevices;
    delete globals.Navigator;
    const stream = win.navigator.mediaDevices.getUserMedia({ video: true });
    decide(1, 'deny');
    await expect(stream).rejects.toMatchObject({ name: 'NotAllowedError' });
    expect(opened).toEqual([]);
  });

  it('gates the callback-style webkitGetUserMedia on Navigator.prototype', () => {
    const { win, opened, said, decide } = install();
    const onSuccess = vi.fn();
    const onError = vi.fn();
    const legacy: unknown = Reflect.get((win as unknown as { Navigator: { prototype: object } }).Navigator.prototype, 'webkitGetUserMedia');
    Reflect.apply(legacy as (...args: unknown[]) => void, win.navigator, [{ video: true }, onSuccess, onError]);
    expect(said).toEqual([{ type: 'media-request', id: 1, activity: 'camera-or-microphone' }]);
    decide(1, 'deny');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ name: 'NotAllowedError' }));
    expect(onSuccess).not.toHaveBeenCalled();
    expect(opened).toEqual([]);
  });

  it("keeps working when the page replaces Promise.prototype.then and Function.prototype.call (it gets none of the hook's callbacks)", async () => {
    const { win, opened, decide } = install();
    expect(win.navigator.mediaDevices).toBeDefined(); // the gates go in
    const then = vi.spyOn(Promise.prototype, 'then');
    const call = vi.spyOn(Function.prototype, 'call');
    const stream = win.navigator.mediaDevices.getUserMedia({ video: true });
    decide(1, 'deny');
    const calledWith = [...then.mock.calls, ...call.mock.calls].flat();
    then.mockRestore();
    call.mockRestore();
    await expect(stream).rejects.toMatchObject({ name: 'NotAllowedError' });
    expect(opened).toEqual([]);
    // Nothing of the gate's passed through the page's replacements.
    expect(calledWith.some((argument) => typeof argument === 'function' && /allow/.test(String(argument)))).toBe(false);
  });

  it('installs its gates even when the page has put a `get` on Object.prototype first', async () => {
    const { win, opened, said, decide } = install();
    Object.defineProperty(Object.prototype, 'get', { value: () => 'page', configurable: true, writable: true });
    let stream: Promise<MediaStream>;
    try {
      // The page's first read of navigator: the gates go in now, under the poisoned prototype.
      stream = win.navigator.mediaDevices.getUserMedia({ video: true });
    } finally {
      // (jsdom's own DOMException breaks under it; Chromium's does not.)
      delete (Object.prototype as Record<string, unknown>).get;
    }
    expect(said).toEqual([{ type: 'media-request', id: 1, activity: 'camera-or-microphone' }]);
    decide(1, 'deny');
    await expect(stream).rejects.toMatchObject({ name: 'NotAllowedError' });
    expect(opened).toEqual([]);
  });

  it('refuses the camera, with a console line, when no content script acknowledges the request', async () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // The hook takes setTimeout (and console.warn) before the page runs: take them with the fakes in place.
    intrinsics = takeIntrinsics(window);
    const { win, opened } = install();
    const stream = win.navigator.mediaDevices.getUserMedia({ video: true });
    const outcome = expect(stream).rejects.toMatchObject({ name: 'NotAllowedError' });
    await vi.advanceTimersByTimeAsync(2_100);
    await outcome;
    expect(opened).toEqual([]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('reload the page'));
  });

  it('still waits for the user after the acknowledgement, however long they take', async () => {
    vi.useFakeTimers();
    intrinsics = takeIntrinsics(window);
    const { win, decide } = install();
    let settled = false;
    void win.navigator.mediaDevices.getUserMedia({ video: true }).then(() => (settled = true));
    decide(1, 'received');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(settled).toBe(false);
  });

  it('gates screen sharing the same way', async () => {
    const { win, said, decide } = install();
    const screen = win.navigator.mediaDevices.getDisplayMedia();
    expect(said.at(-1)).toEqual({ type: 'media-request', id: 1, activity: 'screen' });
    decide(1, 'allow');
    expect(await screen).toBe('screen-stream');
  });

  it('leaves RTCPeerConnection as it is until the page first reads navigator (no interface built for a page without calls)', () => {
    const page = fakeWindow();
    const talk = fakeChannel();
    const globals = page.win as unknown as Record<string, unknown>;
    const original = globals.RTCPeerConnection;
    installCallHook(page.win, talk.channel, intrinsics);
    expect(globals.RTCPeerConnection).toBe(original);
    expect(page.win.navigator).toBeDefined();
    expect(globals.RTCPeerConnection).not.toBe(original);
  });

  it('reports a new RTCPeerConnection and keeps it working', () => {
    const { win, said } = install();
    // A call page reads navigator first (for the camera, the devices or the browser's name).
    expect(win.navigator).toBeDefined();
    const PeerConnection = (win as unknown as { RTCPeerConnection: new (config: unknown) => { config: unknown } }).RTCPeerConnection;
    const connection = new PeerConnection({ iceServers: [] });
    expect(connection.config).toEqual({ iceServers: [] });
    expect(said).toEqual([{ type: 'activity', activity: 'peer-connection' }]);
  });

  it('reports one made under the old name, webkitRTCPeerConnection, the same constructor', () => {
    const page = fakeWindow();
    const talk = fakeChannel();
    const globals = page.win as unknown as Record<string, unknown>;
    globals.webkitRTCPeerConnection = globals.RTCPeerConnection;
    installCallHook(page.win, talk.channel, intrinsics);
    expect(page.win.navigator).toBeDefined();
    expect(globals.webkitRTCPeerConnection).toBe(globals.RTCPeerConnection);
    const Old = globals.webkitRTCPeerConnection as new (config: unknown) => { config: unknown };
    expect(new Old({ iceServers: [] }).config).toEqual({ iceServers: [] });
    expect(talk.said).toEqual([{ type: 'activity', activity: 'peer-connection' }]);
  });

  it('notices frame encryption the browser accepted on the senders and receivers, from the first peer connection on', () => {
    const applied: unknown[] = [];
    class FakeSender {
      #transform: unknown = null;
      get transform(): unknown {
        return this.#transform;
      }
      set transform(value: unknown) {
        if (value === 'not a transform') throw new TypeError('not an RTCRtpScriptTransform');
        this.#transform = value;
        applied.push(value);
      }
    }
    class FakeReceiver {
      createEncodedStreams(): string {
        return 'streams';
      }
    }
    const page = fakeWindow();
    const talk = fakeChannel();
    Object.assign(page.win, { RTCRtpSender: FakeSender, RTCRtpReceiver: FakeReceiver });
    installCallHook(page.win, talk.channel, intrinsics);
    expect(page.win.navigator).toBeDefined();
    // Not before: a page without calls pays for none of these interfaces.
    expect(Object.getOwnPropertyDescriptor(FakeSender.prototype, 'transform')?.set?.toString()).toContain('applied.push');
    const PeerConnection = (page.win as unknown as { RTCPeerConnection: new () => object }).RTCPeerConnection;
    new PeerConnection();
    const sender = new FakeSender();
    // What the browser refuses is no encryption.
    expect(() => (sender.transform = 'not a transform')).toThrow(TypeError);
    sender.transform = 'script transform';
    expect(applied).toEqual(['script transform']);
    expect(sender.transform).toBe('script transform');
    sender.transform = null;
    expect(new FakeReceiver().createEncodedStreams()).toBe('streams');
    expect(talk.said).toEqual([
      { type: 'activity', activity: 'peer-connection' },
      { type: 'activity', activity: 'frame-encryption' },
      { type: 'activity', activity: 'frame-encryption' },
    ]);
  });

  it('ignores decisions for requests it never made, and malformed ones', async () => {
    const { win, raw, decide } = install();
    let settled = false;
    void win.navigator.mediaDevices.getUserMedia({ video: true }).then(() => (settled = true));
    decide(99, 'allow');
    raw({ id: 1, decision: 'allow' });
    raw('{"id":1,"decision":"yes"}');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(false);
  });
});

describe('what the hook and the content script say', () => {
  it.each([
    ['not json', undefined],
    [JSON.stringify({ type: 'media-request', id: '1', activity: 'camera-or-microphone' }), undefined],
    [JSON.stringify({ type: 'activity', activity: 'keylogger' }), undefined],
    [JSON.stringify({ type: 'activity', activity: 'frame-encryption' }), { type: 'activity', activity: 'frame-encryption' }],
    [JSON.stringify({ type: 'shadow-root' }), undefined],
    [JSON.stringify({ type: 'document-opened' }), { type: 'document-opened' }],
    [{ type: 'document-opened' }, undefined],
  ])('%s → %j', (detail, expected) => {
    expect(parseHookMessage(detail)).toEqual(expected);
  });

  it('reads a decision only from a string of its own shape', () => {
    expect(parseDecision('{"id":3,"decision":"allow"}')).toEqual({ id: 3, decision: 'allow' });
    expect(parseDecision({ id: 3, decision: 'allow' })).toBeUndefined();
    expect(parseDecision('{"id":"3","decision":"allow"}')).toBeUndefined();
    expect(parseDecision('null')).toBeUndefined();
  });
});
