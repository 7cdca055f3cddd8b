/**
 * A small hand-written stand-in for the parts of `browser` the background uses: storage
 * areas as maps (and the admin's managed policy), the toolbar button's per-tab badge, tabs,
 * alarms, and events a test can fire. Tests
 * swap it in for webextension-polyfill with vi.mock. It lives on globalThis so that the mock
 * factory and the test share one copy whatever the module registry does.
 */

type Listener = (...args: never[]) => unknown;

export class FakeEvent<L extends Listener> {
  readonly listeners: L[] = [];
  /** What each listener was added with after the listener itself (webRequest's URL filter). */
  readonly options: unknown[][] = [];
  addListener(listener: L, ...options: unknown[]): void {
    this.listeners.push(listener);
    this.options.push(options);
  }
  removeListener(listener: L): void {
    this.listeners.splice(this.listeners.indexOf(listener), 1);
  }
  hasListener(listener: L): boolean {
    return this.listeners.includes(listener);
  }
  /** Calls every listener; returns what they returned (a message listener's reply). */
  fire(...args: Parameters<L>): unknown[] {
    return this.listeners.map((listener) => listener(...args));
  }
}

/** What the browser reports of a request (webRequest), as far as the extension reads it. */
export interface WebRequestDetails {
  requestId: string;
  tabId: number;
  frameId: number;
  parentFrameId: number;
  type: string;
  url: string;
  initiator?: string;
  documentId?: string;
  parentDocumentId?: string;
}

export interface Badge {
  text?: string;
  color?: string;
  icon?: string;
  title?: string;
}

/**
 * Test hooks: `whileGetting` runs after a read has taken its values and before it answers
 * (to make it slow: it answers with what storage held when it was asked); `beforeSet` runs
 * before a write (to fail it).
 */
export interface StorageHooks {
  whileGetting?: (area: string, keys: unknown) => Promise<void> | void;
  beforeSet?: (area: string, items: Record<string, unknown>) => Promise<void> | void;
}

export const EXTENSION_ID = 'test-extension';

export interface Injection {
  target: { tabId: number; frameIds?: number[]; documentIds?: string[]; allFrames?: boolean };
  func?: (...args: never[]) => unknown;
  files?: string[];
  args?: unknown[];
}

function keysOf(keys: unknown, map: Map<string, unknown>): string[] {
  if (keys === null || keys === undefined) return [...map.keys()];
  if (typeof keys === 'string') return [keys];
  if (Array.isArray(keys)) return keys as string[];
  return Object.keys(keys);
}

function createFakeBrowser() {
  const hooks: StorageHooks = {};
  const areas = { session: new Map<string, unknown>(), local: new Map<string, unknown>() };
  /** What `storage.managed.get()` answers: the admin's policy; `held`: no answer yet, as early in Chromium. */
  const managed: { policy: Record<string, unknown>; held: boolean } = { policy: {}, held: false };
  /** declarativeNetRequest's rules, as the browser keeps them. */
  type Rule = { id: number; condition: { tabIds?: number[]; initiatorDomains?: string[]; requestDomains?: string[]; urlFilter?: string } };
  const rules = { dynamic: new Map<number, Rule>(), session: new Map<number, Rule>() };
  const updateRules = (into: Map<number, Rule>) => (change: { removeRuleIds?: number[]; addRules?: Rule[] }) => {
    for (const id of change.removeRuleIds ?? []) into.delete(id);
    for (const rule of change.addRules ?? []) {
      if (into.has(rule.id)) return Promise.reject(new Error(`Rule with id ${rule.id} does not have a unique ID.`));
      into.set(rule.id, structuredClone(rule));
    }
    return Promise.resolve();
  };
  const alarms = new Map<string, { name: string; when?: number; delayInMinutes?: number; periodInMinutes?: number }>();
  const badges = new Map<number, Badge>();
  const openTabs = new Map<number, { id: number; url?: string }>();
  /** Every message the background sent to a tab. */
  const sentToTabs: { tabId: number; message: unknown; options: unknown }[] = [];
  /** Every function the background injected into a tab's frames. */
  const injected: Injection[] = [];
  /** What a tab's top frame answers when the background reads it (nothing, by default: no content script). */
  const readings = new Map<number, unknown>();
  /** Tabs whose top document has the page UI in it (injected by file). */
  const withPageUi = new Set<number>();
  /** Every tab navigation the background started (tabs.update). */
  const updatedTabs: { tabId: number; url?: string }[] = [];
  /** The content settings the background set, in order ('clear' for a clear). */
  const contentSettings: { type: string; pattern?: string; setting: string }[] = [];
  const documentIdOf = (tabId: number): string => `document-of-tab-${tabId}`;

  const area = (name: keyof typeof areas) => {
    const map = areas[name];
    return {
      async get(keys?: unknown) {
        const values = Object.fromEntries(keysOf(keys, map).filter((key) => map.has(key)).map((key) => [key, structuredClone(map.get(key))]));
        await hooks.whileGetting?.(name, keys);
        return values;
      },
      async set(items: Record<string, unknown>) {
        await hooks.beforeSet?.(name, items);
        for (const [key, value] of Object.entries(items)) map.set(key, structuredClone(value));
      },
      remove(keys: string | string[]) {
        for (const key of typeof keys === 'string' ? [keys] : keys) map.delete(key);
        return Promise.resolve();
      },
    };
  };
  const badge = (tabId: number, change: Badge): Promise<void> => {
    badges.set(tabId, { ...badges.get(tabId), ...change });
    return Promise.resolve();
  };

  const contentSetting = (type: string) => ({
    set: ({ primaryPattern, setting }: { primaryPattern: string; setting: string }) => {
      contentSettings.push({ type, pattern: primaryPattern, setting });
      return Promise.resolve();
    },
    clear: () => {
      contentSettings.push({ type, setting: 'clear' });
      return Promise.resolve();
    },
  });

  const browser = {
    contentSettings: { camera: contentSetting('camera'), microphone: contentSetting('microphone') },
    runtime: {
      id: EXTENSION_ID,
      getURL: (path: string) => `chrome-extension://${EXTENSION_ID}/${path}`,
      onMessage: new FakeEvent<(message: unknown, sender: unknown) => unknown>(),
      onInstalled: new FakeEvent<(details: { reason: string }) => void>(),
      onStartup: new FakeEvent<() => void>(),
    },
    storage: {
      session: area('session'),
      local: area('local'),
      managed: { get: () => (managed.held ? new Promise<never>(() => undefined) : Promise.resolve(structuredClone(managed.policy))) },
      onChanged: new FakeEvent<(changes: unknown, area: string) => void>(),
    },
    action: {
      setBadgeText: ({ tabId, text }: { tabId: number; text: string }) => badge(tabId, { text }),
      setBadgeBackgroundColor: ({ tabId, color }: { tabId: number; color: string }) => badge(tabId, { color }),
      setIcon: ({ tabId, path, imageData }: { tabId: number; path?: Record<string, string>; imageData?: Record<string, { width: number }> }) =>
        badge(tabId, { icon: path?.['16'] ?? (imageData ? `images ${Object.keys(imageData).join(',')}` : '') }),
      setTitle: ({ tabId, title }: { tabId: number; title: string }) => badge(tabId, { title }),
    },
    alarms: {
      create: (name: string, info: { when?: number; delayInMinutes?: number; periodInMinutes?: number }) => {
        alarms.set(name, { name, ...info });
        return Promise.resolve();
      },
      get: (name: string) => Promise.resolve(alarms.get(name)),
      clear: (name: string) => Promise.resolve(alarms.delete(name)),
      onAlarm: new FakeEvent<(alarm: { name: string }) => void>(),
    },
    scripting: {
      executeScript: (injection: Injection) => {
        injected.push(injection);
        const { tabId } = injection.target;
        const answer = (result: unknown) => Promise.resolve([{ frameId: 0, documentId: documentIdOf(tabId), result }]);
        if (injection.files !== undefined) {
          withPageUi.add(tabId);
          return answer(undefined);
        }
        // As the injected functions of protocol/page-api do in a document with our content script.
        switch (injection.func?.name) {
          case 'readPageInFrame':
            return readings.has(tabId) ? answer(structuredClone(readings.get(tabId))) : Promise.resolve([]);
          case 'pageUiInFrame':
            return answer(withPageUi.has(tabId));
          case 'showInFrame':
            return answer(injection.args?.[2] === true && !withPageUi.has(tabId) ? 'needs-ui' : 'shown');
          default:
            return answer(null);
        }
      },
    },
    declarativeNetRequest: {
      getDynamicRules: () => Promise.resolve([...rules.dynamic.values()].map((rule) => structuredClone(rule))),
      getSessionRules: () => Promise.resolve([...rules.session.values()].map((rule) => structuredClone(rule))),
      updateDynamicRules: updateRules(rules.dynamic),
      updateSessionRules: updateRules(rules.session),
    },
    webRequest: {
      onBeforeRequest: new FakeEvent<(details: WebRequestDetails) => void>(),
      onErrorOccurred: new FakeEvent<(details: WebRequestDetails & { error: string }) => void>(),
      onCompleted: new FakeEvent<(details: WebRequestDetails) => void>(),
    },
    webNavigation: {
      getFrame: ({ tabId, frameId }: { tabId: number; frameId: number }) => {
        const tab = openTabs.get(tabId);
        return Promise.resolve(tab && frameId === 0 ? { url: tab.url, documentId: documentIdOf(tabId) } : null);
      },
      onDOMContentLoaded: new FakeEvent<(details: { tabId: number; frameId: number; url?: string; documentId?: string }) => void>(),
      onBeforeNavigate: new FakeEvent<(details: { tabId: number; frameId: number; url: string }) => void>(),
      onErrorOccurred: new FakeEvent<(details: { tabId: number; frameId: number; url: string; error: string }) => void>(),
      onCommitted: new FakeEvent<(details: { tabId: number; frameId: number; url: string; documentId?: string }) => void>(),
      onCreatedNavigationTarget: new FakeEvent<(details: { sourceTabId: number; sourceFrameId: number; tabId: number; url: string }) => void>(),
      onHistoryStateUpdated: new FakeEvent<(details: { tabId: number; frameId: number }) => void>(),
      onReferenceFragmentUpdated: new FakeEvent<(details: { tabId: number; frameId: number }) => void>(),
    },
    tabs: {
      get: (tabId: number) => {
        const tab = openTabs.get(tabId);
        return tab ? Promise.resolve({ ...tab }) : Promise.reject(new Error(`No tab with id: ${tabId}.`));
      },
      query: () => Promise.resolve([...openTabs.values()].map((tab) => ({ ...tab }))),
      update: (tabId: number, change: { url?: string }) => {
        updatedTabs.push({ tabId, ...change });
        return Promise.resolve({ id: tabId, ...change });
      },
      remove: (tabId: number) => {
        openTabs.delete(tabId);
        return Promise.resolve();
      },
      sendMessage: (tabId: number, message: unknown, options?: unknown) => {
        sentToTabs.push({ tabId, message, options });
        return Promise.resolve(undefined);
      },
      onCreated: new FakeEvent<(tab: { id?: number; url?: string; pendingUrl?: string }) => void>(),
      onUpdated: new FakeEvent<(tabId: number, changeInfo: { url?: string }) => void>(),
      onRemoved: new FakeEvent<(tabId: number) => void>(),
      onReplaced: new FakeEvent<(addedTabId: number, removedTabId: number) => void>(),
      onActivated: new FakeEvent<(info: unknown) => void>(),
    },
  };

  return {
    browser,
    hooks,
    session: areas.session,
    badges,
    openTabs,
    sentToTabs,
    injected,
    readings,
    withPageUi,
    updatedTabs,
    contentSettings,
    managed,
    rules,
    alarms,
    local: areas.local,
    /** Empties storage, badges, tabs and hooks; the listeners stay, as a running worker's do. */
    reset() {
      areas.session.clear();
      areas.local.clear();
      badges.clear();
      openTabs.clear();
      sentToTabs.length = 0;
      injected.length = 0;
      readings.clear();
      withPageUi.clear();
      updatedTabs.length = 0;
      contentSettings.length = 0;
      managed.policy = {};
      managed.held = false;
      rules.dynamic.clear();
      rules.session.clear();
      alarms.clear();
      delete hooks.whileGetting;
      delete hooks.beforeSet;
    },
  };
}

export type FakeBrowser = ReturnType<typeof createFakeBrowser>;

const global = globalThis as { __telehealthGuardFakeBrowser?: FakeBrowser };
export const fake: FakeBrowser = (global.__telehealthGuardFakeBrowser ??= createFakeBrowser());
