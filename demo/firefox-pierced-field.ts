import type { ExtensionGlobal } from './firefox-extension-page';

export interface PiercedField {
  /** Its centre in the top frame's viewport. */
  x: number;
  y: number;
  value: string;
}

type InExtension = <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => Promise<R>;

/**
 * The first password field of the tab's top document, looked for inside every shadow root,
 * closed ones included: as extension code, with Firefox's `openOrClosedShadowRoot` (the page's
 * own scripts cannot reach a field it hid in a closed root).
 */
export async function piercedPasswordField(inExtension: InExtension, tabId: number): Promise<PiercedField | undefined> {
  return inExtension(async (tab) => {
    const [result] = await (globalThis as unknown as ExtensionGlobal).browser.scripting.executeScript({
      target: { tabId: tab },
      func: () => {
        const search = (root: Document | ShadowRoot): HTMLInputElement | undefined => {
          const direct = root.querySelector<HTMLInputElement>('input[type="password"]');
          if (direct) return direct;
          for (const element of root.querySelectorAll('*')) {
            const shadow = (element as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
            const found = shadow ? search(shadow) : undefined;
            if (found) return found;
          }
          return undefined;
        };
        const field = search(document);
        if (!field) return undefined;
        const box = field.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2, value: field.value };
      },
    });
    return result?.result as PiercedField | undefined;
  }, tabId);
}
