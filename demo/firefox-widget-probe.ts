import type { ExtensionGlobal } from './firefox-extension-page';

export interface WidgetControl {
  label: string;
  /** Its centre, in the top frame's viewport (for a real mouse click). */
  x: number;
  y: number;
  /** `data-proof-state` (content/click-proof): `waiting` until it has been visible long enough for a click to count. */
  proof: string | undefined;
}

export interface WidgetProbe {
  /** `data-kind` of the host (camera-prompt, chat-caution, …), if it has one. */
  kind: string | undefined;
  /** `open` or `closed`; ours must be `closed`. */
  mode: string | undefined;
  topFrame: boolean;
  frameUrl: string;
  findings: string[];
  text: string;
  controls: WidgetControl[];
}

type InExtension = <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => Promise<R>;

/**
 * Our elements in every frame of a tab, read from inside their closed shadow roots. A page's
 * scripts cannot do that; Firefox gives extension code `openOrClosedShadowRoot`, so the probe
 * runs as an extension script (`scripting.executeScript`), asked from one of our pages.
 */
export async function probeWidgets(inExtension: InExtension, tabId: number, tagName: string): Promise<WidgetProbe[]> {
  const perFrame = await inExtension(
    async ({ tab, tag }) => {
      const results = await (globalThis as unknown as ExtensionGlobal).browser.scripting.executeScript({
        target: { tabId: tab, allFrames: true },
        args: [tag],
        func: (wanted: string) =>
          [...document.querySelectorAll(wanted)].map((host) => {
            const root = (host as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
            const controls = root
              ? [...root.querySelectorAll('button, a')].map((control) => {
                  const box = control.getBoundingClientRect();
                  return { label: control.textContent.trim(), x: box.x + box.width / 2, y: box.y + box.height / 2, proof: control.getAttribute('data-proof-state') ?? undefined };
                })
              : [];
            return {
              kind: host.getAttribute('data-kind') ?? undefined,
              mode: root?.mode,
              topFrame: window === window.top,
              frameUrl: location.href,
              findings: root ? [...root.querySelectorAll('[data-finding]')].map((node) => node.getAttribute('data-finding') ?? '') : [],
              text: root?.textContent ?? '',
              controls,
            };
          }),
      });
      return results.map((result) => (result.result ?? []) as unknown[]);
    },
    { tab: tabId, tag: tagName },
  );
  return perFrame.flat() as WidgetProbe[];
}
