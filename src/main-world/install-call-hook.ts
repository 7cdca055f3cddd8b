import { CALL_EVENT, DECISION_EVENT, parseDecision, type CallEventDetail } from './call-events';

/**
 * If the content script does not confirm a request within this time, it is not there (the
 * extension was turned off or updated under the page): the call goes ahead as without us,
 * and the console says why.
 */
const ACKNOWLEDGE_MS = 2_000;

type MediaMethod = (this: MediaDevices, constraints?: MediaStreamConstraints) => Promise<MediaStream>;

export function installCallHook(win: Window & typeof globalThis, doc: Document): void {
  let nextId = 1;
  const waiting = new Map<number, { acknowledged: boolean; settle: (allow: boolean) => void }>();

  const send = (detail: CallEventDetail): void => {
    doc.dispatchEvent(new CustomEvent(CALL_EVENT, { detail: JSON.stringify(detail) }));
  };

  doc.addEventListener(DECISION_EVENT, (event) => {
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

  noticeConstruction(win, 'RTCPeerConnection', () => { send({ type: 'activity', activity: 'peer-connection' }); });
  noticeConstruction(win, 'webkitRTCPeerConnection', () => { send({ type: 'activity', activity: 'peer-connection' }); });
  // Frame encryption APIs: how a page encrypts media end to end itself (Jitsi, Vonage).
  noticeConstruction(win, 'RTCRtpScriptTransform', () => { send({ type: 'activity', activity: 'frame-encryption' }); });
  for (const owner of ['RTCRtpSender', 'RTCRtpReceiver'] as const) {
    const proto = (win as unknown as Record<string, { prototype: Record<string, unknown> } | undefined>)[owner]?.prototype;
    const createEncodedStreams = proto?.createEncodedStreams;
    if (!proto || typeof createEncodedStreams !== 'function') continue;
    proto.createEncodedStreams = function (this: unknown, ...args: unknown[]): unknown {
      send({ type: 'activity', activity: 'frame-encryption' });
      return (createEncodedStreams as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
}

function asMediaMethod(value: unknown): MediaMethod | undefined {
  return typeof value === 'function' ? (value as MediaMethod) : undefined;
}

type LegacyGetUserMedia = (constraints: MediaStreamConstraints, onSuccess: (stream: MediaStream) => void, onError: (error: unknown) => void) => void;

/** Replaces a global constructor with a Proxy that reports each `new`, and changes nothing else. */
function noticeConstruction(win: Window & typeof globalThis, name: string, notice: () => void): void {
  const globals = win as unknown as Record<string, unknown>;
  const original = globals[name];
  if (typeof original !== 'function') return;
  globals[name] = new Proxy(original, {
    construct(target, args, newTarget) {
      notice();
      return Reflect.construct(target, args, newTarget) as object;
    },
  });
}
