import { CALL_EVENT, DECISION_EVENT, parseDecision, type CallEventDetail } from './call-events';

/**
 * If the content script does not confirm a request within this time, it is not there (the
 * extension was turned off or updated under the page): the call goes ahead as without us,
 * and the console says why.
 */
const ACKNOWLEDGE_MS = 2_000;

type MediaMethod = (this: MediaDevices, constraints?: MediaStreamConstraints) => Promise<MediaStream>;

/**
 * `channel` carries the events to and from the content script: the window in a page. Not the
 * document: on a page without scripts of its own, our touching `document` in the page's world
 * would make Chromium build its wrapper there, about 0.4 ms at load; the window exists already.
 */
export function installCallHook(win: Window & typeof globalThis, channel: EventTarget): void {
  let nextId = 1;
  const waiting = new Map<number, { acknowledged: boolean; settle: (allow: boolean) => void }>();

  const send = (detail: CallEventDetail): void => {
    channel.dispatchEvent(new CustomEvent(CALL_EVENT, { detail: JSON.stringify(detail) }));
  };

  channel.addEventListener(DECISION_EVENT, (event) => {
    const decision = parseDecision((event as CustomEvent<unknown>).detail);
    const entry = decision && waiting.get(decision.id);
    if (!decision || !entry) return;
    if (decision.decision === 'received') {
      entry.acknowledged = true;
      return;
    }
    waiting.delete(decision.id);
    entry.settle(decision.decision === 'allow');
  });

  /** Resolves true when the camera (or screen) may open, false when the user said no. */
  const askFirst = (activity: 'camera-or-microphone' | 'screen'): Promise<boolean> =>
    new Promise((settle) => {
      const id = nextId++;
      const entry = { acknowledged: false, settle };
      waiting.set(id, entry);
      send({ type: 'media-request', id, activity });
      win.setTimeout(() => {
        if (entry.acknowledged || !waiting.has(id)) return;
        waiting.delete(id);
        console.warn('Telehealth Guard did not answer; the camera request goes ahead unchecked.');
        settle(true);
      }, ACKNOWLEDGE_MS);
    });

  const denied = (): DOMException => new DOMException('Telehealth Guard: you chose not to open the camera on this site.', 'NotAllowedError');

  const gate = (method: MediaMethod | undefined, activity: 'camera-or-microphone' | 'screen'): MediaMethod | undefined =>
    method &&
    function (this: MediaDevices, constraints?: MediaStreamConstraints): Promise<MediaStream> {
      return askFirst(activity).then((allow) => (allow ? method.call(this, constraints) : Promise.reject(denied())));
    };

  const gateMedia = (): void => {
    // Absent on http pages: getUserMedia needs a secure context.
    const devices = (win as unknown as { MediaDevices?: { prototype: Record<string, unknown> } }).MediaDevices?.prototype;
    if (devices) {
      // Patched on the prototype: a page that swaps navigator.mediaDevices for its own object
      // still ends up calling these.
      const getUserMedia = gate(asMediaMethod(devices.getUserMedia), 'camera-or-microphone');
      const getDisplayMedia = gate(asMediaMethod(devices.getDisplayMedia), 'screen');
      if (getUserMedia) Object.defineProperty(devices, 'getUserMedia', { value: getUserMedia, writable: true, configurable: true });
      if (getDisplayMedia) Object.defineProperty(devices, 'getDisplayMedia', { value: getDisplayMedia, writable: true, configurable: true });
    }

    const navigatorWithLegacy = win.navigator as Navigator & { webkitGetUserMedia?: LegacyGetUserMedia; getUserMedia?: LegacyGetUserMedia };
    for (const name of ['webkitGetUserMedia', 'getUserMedia'] as const) {
      const legacy = navigatorWithLegacy[name];
      if (typeof legacy !== 'function') continue;
      navigatorWithLegacy[name] = function (this: Navigator, constraints, onSuccess, onError) {
        void askFirst('camera-or-microphone').then((allow) => {
          if (allow) legacy.call(this, constraints, onSuccess, onError);
          else onError(denied());
        });
      };
    }
  };
  // A page reaches the camera only through `navigator` (navigator.mediaDevices, the legacy
  // navigator.getUserMedia), so the gates go in as it first reads `navigator`: on a page that
  // never does, Chromium builds neither Navigator nor MediaDevices in its world for us (about
  // 0.4 ms at load, bench/page-cost.ts).
  beforeFirstRead(win, ['navigator', 'clientInformation'], gateMedia);

  // Frame encryption (how a page encrypts media end to end itself, as Jitsi and Vonage do)
  // works on the senders and receivers of a peer connection: watched from the page's first
  // one on, so that a page without calls makes Chromium build none of those interfaces.
  let watchingFrames = false;
  const peerConnection = (): void => {
    send({ type: 'activity', activity: 'peer-connection' });
    if (watchingFrames) return;
    watchingFrames = true;
    noticeFrameEncryption(win, () => {
      send({ type: 'activity', activity: 'frame-encryption' });
    });
  };
  const noticing = noticeConstruction(win, 'RTCPeerConnection', peerConnection);
  // The old name is the very same constructor (a WebIDL window alias): it gets the same
  // wrapper, put in its place unread, since reading it costs a look-up of its own at load.
  if (noticing && 'webkitRTCPeerConnection' in win) {
    Object.defineProperty(win, 'webkitRTCPeerConnection', { value: noticing, writable: true, enumerable: false, configurable: true });
  }
}

/**
 * The frame-encryption APIs in use: an RTCRtpScriptTransform set as a sender's or receiver's
 * `transform`, or their encoded streams taken (createEncodedStreams, Chrome's older API).
 */
export function noticeFrameEncryption(win: Window & typeof globalThis, notice: () => void): void {
  for (const owner of ['RTCRtpSender', 'RTCRtpReceiver'] as const) {
    const proto = (win as unknown as Record<string, { prototype: Record<string, unknown> } | undefined>)[owner]?.prototype;
    if (!proto) continue;
    const createEncodedStreams = proto.createEncodedStreams;
    if (typeof createEncodedStreams === 'function') {
      proto.createEncodedStreams = function (this: unknown, ...args: unknown[]): unknown {
        notice();
        return (createEncodedStreams as (...a: unknown[]) => unknown).apply(this, args);
      };
    }
    const transform = Object.getOwnPropertyDescriptor(proto, 'transform');
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the sender as `this`
    const setTransform = transform?.set;
    if (transform?.configurable && setTransform) {
      Object.defineProperty(proto, 'transform', {
        ...transform,
        set(this: unknown, value: unknown) {
          if (value !== null && value !== undefined) notice();
          setTransform.call(this, value);
        },
      });
    }
  }
}

/**
 * Runs `patch` once, just before the page first reads any of `names` (accessors of the
 * window), and puts the browser's own accessors back then. Where one is not a configurable
 * accessor, at once.
 */
export function beforeFirstRead(win: object, names: readonly string[], patch: () => void): void {
  const originals = names.map((name) => ({ name, descriptor: Object.getOwnPropertyDescriptor(win, name) }));
  if (originals.some(({ descriptor }) => descriptor?.get === undefined || descriptor.configurable !== true)) {
    patch();
    return;
  }
  let patched = false;
  const restoreAndPatch = (): void => {
    for (const { name, descriptor } of originals) Object.defineProperty(win, name, descriptor!);
    if (patched) return;
    patched = true;
    patch();
  };
  for (const { name, descriptor } of originals) {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the window as `this`
    const { get, enumerable } = descriptor!;
    Object.defineProperty(win, name, {
      configurable: true,
      ...(enumerable === undefined ? {} : { enumerable }),
      get(this: unknown): unknown {
        restoreAndPatch();
        return get!.call(this);
      },
    });
  }
}

function asMediaMethod(value: unknown): MediaMethod | undefined {
  return typeof value === 'function' ? (value as MediaMethod) : undefined;
}

type LegacyGetUserMedia = (constraints: MediaStreamConstraints, onSuccess: (stream: MediaStream) => void, onError: (error: unknown) => void) => void;

/** Replaces a global constructor with a Proxy that reports each `new`, and changes nothing else. */
function noticeConstruction(win: Window & typeof globalThis, name: string, notice: () => void): object | undefined {
  const globals = win as unknown as Record<string, unknown>;
  const original = globals[name];
  if (typeof original !== 'function') return undefined;
  const noticing = new Proxy(original, {
    construct(target, args, newTarget) {
      notice();
      return Reflect.construct(target, args, newTarget) as object;
    },
  });
  globals[name] = noticing;
  return noticing;
}
