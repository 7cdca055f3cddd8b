import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake } from './fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fake.browser }));

/** What a worker has for decoding images, where Node has none: each file fetched is counted. */
function canDecodeImages(): string[] {
  const fetched: string[] = [];
  vi.stubGlobal('fetch', (url: string) => {
    fetched.push(url);
    return Promise.resolve({ blob: () => Promise.resolve(new Blob([url])) });
  });
  const sizeOf = (blob: Blob): Promise<number> => blob.text().then((url) => Number(/-(\d+)\.png$/.exec(url)?.[1]));
  vi.stubGlobal('createImageBitmap', async (blob: Blob) => ({ width: await sizeOf(blob), height: await sizeOf(blob) }));
  vi.stubGlobal(
    'OffscreenCanvas',
    class {
      getContext() {
        return { drawImage: () => undefined, getImageData: (_x: number, _y: number, width: number, height: number) => ({ width, height, data: new Uint8ClampedArray(width * height * 4) }) };
      }
    },
  );
  return fetched;
}

const setIconCalls = () => vi.mocked(fake.browser.action.setIcon).mock.calls.map(([details]) => details);

beforeEach(() => {
  fake.reset();
  vi.resetModules();
  vi.spyOn(fake.browser.action, 'setIcon');
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("the toolbar button's icon", () => {
  it("hands the browser each level's images, decoded once, in the toolbar's sizes only", async () => {
    const fetched = canDecodeImages();
    const { showLevelOnBadge } = await import('../../../src/background/badge');
    await showLevelOnBadge(1, 'danger');
    await showLevelOnBadge(2, 'danger');
    await showLevelOnBadge(1, 'verified');
    expect(fetched.map((url) => url.replace(/^.*\/icons\//, ''))).toEqual(['danger-16.png', 'danger-32.png', 'danger-48.png', 'verified-16.png', 'verified-32.png', 'verified-48.png']);
    const calls = setIconCalls();
    expect(calls).toHaveLength(3);
    for (const call of calls) {
      expect(call.path).toBeUndefined();
      expect(Object.entries(call.imageData ?? {}).map(([size, image]) => [size, image.width])).toEqual([
        ['16', 16],
        ['32', 32],
        ['48', 48],
      ]);
    }
  });

  it('hands the browser the files where no images can be decoded', async () => {
    const { showLevelOnBadge } = await import('../../../src/background/badge');
    await showLevelOnBadge(3, 'caution');
    expect(setIconCalls()).toEqual([{ tabId: 3, path: { 16: 'icons/caution-16.png', 32: 'icons/caution-32.png', 48: 'icons/caution-48.png' } }]);
    expect(fake.badges.get(3)).toEqual({ text: '!', color: '#bf8700', icon: 'icons/caution-16.png', title: 'Telehealth Guard: caution' });
  });
});
