import { activityText, mediaRequestText, parseDecision } from './call-events';
import type { Intrinsics } from './intrinsics';
import type { HookChannel } from './private-channel';

/**
 * If the content script does not confirm a request within this time, it is not there (the
 * extension was turned off or updated under the page): the request is refused, and the
 * console says to reload. The content script confirms at once, before it asks anyone, so a
 * slow background never trips this. Refusing, not allowing: whatever silences the content
 * script must not open the camera the clinic's policy keeps shut.
 */
const ACKNOWLEDGE_MS = 2_000;

type Activity = 'camera-or-microphone' | 'screen';
type MediaMethod = (this: unknown, ...args: unknown[]) => unknown;
type Settle = (allow: boolean) => void;

interface MediaMethodSpec {
  owner: 'devices' | 'navigator';
  name: string;
  activity: Activity;
  /** Callback-style: `(constraints, onSuccess, onError)`. */
  legacy: boolean;
}

/** The camera and screen methods of the page's world, and the activity each one starts. */
const MEDIA_METHODS: readonly MediaMethodSpec[] = [
  { owner: 'devices', name: 'getUserMedia', activity: 'camera-or-microphone', legacy: false },
  { owner: 'devices', name: 'getDisplayMedia', activity: 'screen', legacy: false },
  // Callback-style predecessors, on Navigator.prototype (Chromium keeps webkitGetUserMedia).
  { owner: 'navigator', name: 'webkitGetUserMedia', activity: 'camera-or-microphone', legacy: true },
  { owner: 'navigator', name: 'getUserMedia', activity: 'camera-or-microphone', legacy: true },
];

/**
 * Every way a page reaches the camera goes through the MediaDevices and Navigator
 * interfaces, and a page reaches those only through these globals (or an object it got from
 * them). The gates go in just before the first read of any of them, on the prototypes, so a
 * page that took `MediaDevices.prototype.getUserMedia` first, or calls it on an object of its
 * own making, still calls the gate; on a page that reads none of them, Chromium builds neither
 * interface in its world for us (bench/page-cost.ts). `navigator` and `clientInformation` are
 * accessors; the two interface objects are data properties that Chromium makes only when
 * first read, so they are not read here: their values are found from `navigator` at the first
 * read (see beforeFirstRead's `interfaceObjects`).
 */
export const CAMERA_ACCESSORS = ['navigator', 'clientInformation'] as const;
// (Deleting one of these first does not help a page: the gates are found from `navigator` as the browser made it, below.)

/**
 * Holds the camera (and screen sharing) until the content script, over the private channel,
 * says the user may go ahead; reports peer connections and frame encryption. `intrinsics` are
 * the built-ins as they were before the page's scripts ran (see intrinsics.ts).
 */
export function installCallHook(win: Window & typeof globalThis, channel: HookChannel, intrinsics: Intrinsics): void {
  const { apply, defineProperty, getOwnPropertyDescriptor, getPrototypeOf, Promise: NativePromise, parseJson, setTimeout: later } = intrinsics;
  let nextId = 1;
  // No prototype: the page's Object.prototype cannot see or answer these.
  const waiting = Object.create(null) as Record<number, { acknowledged: boolean; settle: Settle } | undefined>;

  channel.onMessage((detail) => {
    const decision = parseDecision(detail, parseJson);
    const entry = decision && waiting[decision.id];
    if (!decision || !entry) return;
    if (decision.decision === 'received') {
      entry.acknowledged = true;
      return;
    }
    waiting[decision.id] = undefined;
    entry.settle(decision.decision === 'allow');
  });

  /** Calls `settle(true)` when the camera (or screen) may open, `settle(false)` when not. */
  const askFirst = (activity: Activity, settle: Settle): void => {
    const id = nextId++;
    const entry = { acknowledged: false, settle };
    waiting[id] = entry;
    channel.send(mediaRequestText(id, activity));
    later(() => {
      if (entry.acknowledged || waiting[id] !== entry) return;
      waiting[id] = undefined;
      pageConsoleWarn(win, 'Telehealth Guard did not answer, so the camera stays off: reload the page.');
      settle(false);
    }, ACKNOWLEDGE_MS);
  };

  /**
   * The error a refused request fails with, made with the page's own DOMException, read now:
   * it is handed to the page and decides nothing of ours (a constructor of the page's that
   * throws leaves the request unanswered, and the camera closed). Not taken at start, where it
   * would make Chromium build the interface in this world on every page.
   */
  const denied = (): DOMException => {
    const PageDOMException = (win as { DOMException?: typeof DOMException }).DOMException;
    return new PageDOMException!('Telehealth Guard: the camera stays off on this site (you chose so, or your clinic does).', 'NotAllowedError');
  };

  const promiseGate = (method: MediaMethod, activity: Activity): MediaMethod =>
    function (this: unknown, ...args: unknown[]): unknown {
      return new NativePromise((resolve, reject) => {
        askFirst(activity, (allow) => {
          if (!allow) {
            reject(denied());
            return;
          }
          try {
            resolve(apply(method, this, args));
          } catch (error) {
            // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the browser's own error, passed on as it came
            reject(error);
          }
        });
      });
    };

  const callbackGate = (method: MediaMethod, activity: Activity): MediaMethod =>
    function (this: unknown, ...args: unknown[]): void {
      askFirst(activity, (allow) => {
        if (allow) apply(method, this, args);
        else if (typeof args[2] === 'function') apply(args[2] as MediaMethod, undefined, [denied()]);
      });
    };

  /**
   * The prototypes are found from the window's own `navigator` (its getter as the browser made
   * it), never from the globals named after them, which the page may have deleted or replaced.
   * Read once, at the first read of any camera route: before that the page cannot have touched
   * them (every way to them is one of those routes).
   */
  let found: { navigator: object | null; devices: object | null } | undefined;
  const mediaPrototypes = (): { navigator: object | null; devices: object | null } => {
    if (found) return found;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called through apply with the window as `this`
    const navigatorGetter = getOwnPropertyDescriptor(win, 'navigator')?.get;
    const navigatorObject = navigatorGetter ? (apply(navigatorGetter, win, []) as object) : undefined;
    const navigatorProto = navigatorObject ? (getPrototypeOf(navigatorObject) as object | null) : null;
    // Absent on http pages: the camera needs a secure context.
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called through apply with navigator as `this`
    const devicesGetter = navigatorProto ? getOwnPropertyDescriptor(navigatorProto, 'mediaDevices')?.get : undefined;
    const devices = devicesGetter ? (apply(devicesGetter, navigatorObject, []) as object | undefined) : undefined;
    found = { navigator: navigatorProto, devices: devices ? (getPrototypeOf(devices) as object | null) : null };
    return found;
  };
  /** An interface object as the browser made it: its prototype's own `constructor`. */
  const interfaceOf = (proto: object | null): unknown => (proto ? getOwnPropertyDescriptor(proto, 'constructor')?.value : undefined);

  /** A plain counted loop: the page may have replaced the array iterator by now. */
  const gateMedia = (): void => {
    const protos = mediaPrototypes();
    for (let i = 0; i < MEDIA_METHODS.length; i++) {
      const { owner, name, activity, legacy } = MEDIA_METHODS[i]!;
      const proto = protos[owner];
      const descriptor = proto ? getOwnPropertyDescriptor(proto, name) : undefined;
      const method = descriptor?.value as MediaMethod | undefined;
      if (!proto || !descriptor || typeof method !== 'function') continue;
      const gate = legacy ? callbackGate(method, activity) : promiseGate(method, activity);
      // Without a prototype: a `get` the page put on Object.prototype would make this descriptor invalid, and the gate fail to go in.
      defineProperty(proto, name, { __proto__: null, value: gate, writable: descriptor.writable, enumerable: descriptor.enumerable, configurable: descriptor.configurable } as PropertyDescriptor);
    }
  };
  // Frame encryption (how a page encrypts media end to end itself, as Jitsi and Vonage do)
  // works on the senders and receivers of a peer connection: watched from the page's first
  // one on, so that a page without calls makes Chromium build none of those interfaces.
  let watchingFrames = false;
  const peerConnection = (): void => {
    channel.send(activityText('peer-connection'));
    if (watchingFrames) return;
    watchingFrames = true;
    noticeFrameEncryption(win, intrinsics, () => {
      channel.send(activityText('frame-encryption'));
    });
  };
  /**
   * Peer connections are noticed from the same first read as the camera: a call page reads
   * `navigator` (for the camera, the devices, or the browser's name, as WebRTC helpers do)
   * before it calls anyone. Wrapping the constructor at start would make Chromium build the
   * RTCPeerConnection interface in every page and frame. (A page that takes the constructor
   * before it reads navigator, and calls without a camera, is not noticed: its camera, if it
   * ever wants one, still goes through the gate.)
   */
  const watchPeerConnections = (): void => {
    const noticing = noticeConstruction(win, intrinsics, 'RTCPeerConnection', peerConnection);
    // The old name is the very same constructor (a WebIDL window alias): it gets the same
    // wrapper, put in its place unread, since reading it costs a look-up of its own.
    if (noticing && 'webkitRTCPeerConnection' in win) {
      defineProperty(win, 'webkitRTCPeerConnection', { __proto__: null, value: noticing, writable: true, enumerable: false, configurable: true } as PropertyDescriptor);
    }
  };
  beforeFirstRead(
    win,
    CAMERA_ACCESSORS,
    () => {
      gateMedia();
      watchPeerConnections();
    },
    intrinsics,
    {
      MediaDevices: () => interfaceOf(mediaPrototypes().devices),
      Navigator: () => interfaceOf(mediaPrototypes().navigator),
    },
  );
}

/**
 * The frame-encryption APIs in use, as seen by the hook itself (never by the page's word): an
 * RTCRtpScriptTransform the browser accepted as a sender's or receiver's `transform`, or their
 * encoded streams taken (createEncodedStreams, Chrome's older API).
 */
export function noticeFrameEncryption(win: Window & typeof globalThis, { apply, defineProperty, getOwnPropertyDescriptor }: Intrinsics, notice: () => void): void {
  for (const owner of ['RTCRtpSender', 'RTCRtpReceiver'] as const) {
    const proto = (win as unknown as Record<string, { prototype: Record<string, unknown> } | undefined>)[owner]?.prototype;
    if (!proto) continue;
    const createEncodedStreams = proto.createEncodedStreams;
    if (typeof createEncodedStreams === 'function') {
      proto.createEncodedStreams = function (this: unknown, ...args: unknown[]): unknown {
        const streams = apply(createEncodedStreams as MediaMethod, this, args);
        notice();
        return streams;
      };
    }
    const transform = getOwnPropertyDescriptor(proto, 'transform');
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the sender as `this`
    const setTransform = transform?.set;
    if (transform?.configurable && setTransform) {
      defineProperty(proto, 'transform', {
        __proto__: null,
        // eslint-disable-next-line @typescript-eslint/unbound-method -- the browser's getter, put back as it was
        get: transform.get,
        enumerable: transform.enumerable,
        configurable: true,
        set(this: unknown, value: unknown) {
          // After the browser took it: a value it refuses throws here and is no encryption.
          apply(setTransform, this, [value]);
          if (value !== null && value !== undefined) notice();
        },
      } as PropertyDescriptor);
    }
  }
}

/**
 * Runs `patch` once, just before the page first reads any of `names` (accessors of the window,
 * such as navigator) or of `interfaceObjects` (data properties such as MediaDevices), and puts
 * the browser's own properties back then. An accessor is wrapped as it is. An interface object
 * is not read here (Chromium builds one in a world when it is first read, which costs the page
 * its load time): it becomes an accessor until then, and its value comes from its function in
 * `interfaceObjects` at the first read; a page that assigns it first gets its value kept,
 * after the patch. Where a name is not configurable, the patch runs at once. Everything it
 * calls later, when the page may have replaced any built-in, was taken before (intrinsics).
 */
export function beforeFirstRead(
  win: object,
  names: readonly string[],
  patch: () => void,
  { apply, defineProperty, getOwnPropertyDescriptor }: Pick<Intrinsics, 'apply' | 'defineProperty' | 'getOwnPropertyDescriptor'>,
  interfaceObjects: Readonly<Record<string, () => unknown>> = {},
): void {
  const accessors = names.map((name) => {
    const found = getOwnPropertyDescriptor(win, name);
    // Copied without a prototype, to be put back whatever the page does to Object.prototype meanwhile.
    const descriptor = found && ({ __proto__: null, ...found } as PropertyDescriptor);
    return { name, descriptor };
  });
  // `in` asks whether the property is there without making its value.
  const lazy = Object.keys(interfaceObjects).filter((name) => name in win);
  if (accessors.some(({ descriptor }) => descriptor !== undefined && descriptor.configurable !== true)) {
    patch();
    return;
  }
  // Deleted before they are wrapped: defining over an interface object Chromium has not made
  // yet makes it (about half a millisecond for Navigator, on every page); deleting it does not.
  // Its value is found again at the first read, from `interfaceObjects`. (This runs before any
  // script of the page: Reflect is the browser's own.)
  const deleted = lazy.filter((name) => Reflect.deleteProperty(win, name));
  if (deleted.length < lazy.length) {
    // Not configurable, unlike what WebIDL makes: put back what went, and patch now.
    for (const name of deleted) defineProperty(win, name, { __proto__: null, value: interfaceObjects[name]!(), writable: true, enumerable: false, configurable: true } as PropertyDescriptor);
    patch();
    return;
  }
  let patched = false;
  const restoreAndPatch = (): void => {
    if (patched) return;
    patched = true;
    const values = lazy.map((name) => interfaceObjects[name]!());
    for (const { name, descriptor } of accessors) {
      if (descriptor) defineProperty(win, name, descriptor);
    }
    // As WebIDL puts an interface object on the global: writable, configurable, not enumerable.
    for (let i = 0; i < lazy.length; i++) {
      defineProperty(win, lazy[i]!, { __proto__: null, value: values[i], writable: true, enumerable: false, configurable: true } as PropertyDescriptor);
    }
    patch();
  };
  const wrap = (name: string, read: (self: unknown) => unknown, enumerable: boolean | undefined): void => {
    defineProperty(win, name, {
      __proto__: null,
      configurable: true,
      enumerable,
      get(this: unknown): unknown {
        restoreAndPatch();
        return read(this);
      },
      set(this: unknown, value: unknown) {
        restoreAndPatch();
        // The page's own assignment, now to the property as the browser made it.
        const now = getOwnPropertyDescriptor(win, name);
        // eslint-disable-next-line @typescript-eslint/unbound-method -- called through apply with the window as `this`
        const set = now?.set;
        if (set) apply(set, this, [value]);
        else if (now?.writable) defineProperty(win, name, { __proto__: null, value, writable: true, enumerable: now.enumerable, configurable: true } as PropertyDescriptor);
      },
    } as PropertyDescriptor);
  };
  for (const { name, descriptor } of accessors) {
    if (!descriptor) continue;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called through apply with the window as `this`
    const { get } = descriptor;
    wrap(name, (self) => (get ? apply(get, self, []) : descriptor.value), descriptor.enumerable);
  }
  for (const name of lazy) wrap(name, () => getOwnPropertyDescriptor(win, name)?.value, false);
}

/** A line in the page's console, through the console as the page has it now: it only informs. */
function pageConsoleWarn(win: Window & typeof globalThis, text: string): void {
  try {
    win.console.warn(text);
  } catch {
    // A page that broke its own console gets no line.
  }
}

/** Replaces a global constructor with a Proxy that reports each `new`, and changes nothing else. */
function noticeConstruction(win: Window & typeof globalThis, { construct }: Intrinsics, name: string, notice: () => void): object | undefined {
  const globals = win as unknown as Record<string, unknown>;
  const original = globals[name];
  if (typeof original !== 'function') return undefined;
  const noticing = new Proxy(original, {
    construct(target, args, newTarget) {
      notice();
      return construct(target, args, newTarget) as object;
    },
  });
  globals[name] = noticing;
  return noticing;
}
