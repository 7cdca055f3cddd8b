// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { askBeforeCamera, knownAbout, showCameraBlocked } from '../../../src/content/call-prompt';
import { englishMessages } from '../../../src/core/i18n/english-messages';
import { createWidgetEnv } from '../../../src/content/widget-env';
import { buildAllowlist } from '../../../src/core/lists/allowlist';
import { assessPage } from '../../../src/core/findings/assess';
import { loadBuiltInCatalog } from '../../../src/core/lists/catalog';

const allowlist = buildAllowlist([{ source: 'catalog', file: loadBuiltInCatalog() }]);
const unknownSite = assessPage(allowlist, { url: 'https://video.example-clinic-visits.net/room' });
const zoom = assessPage(allowlist, { url: 'https://zoom.us/j/123456789' });

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function captureShadowRoots(): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the element as `this`
  const original = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = original.call(this, init);
    roots.push(root);
    return root;
  });
  return roots;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the camera prompt', () => {
  it('says what is known of a general-purpose platform, with its facts', () => {
    const lines = knownAbout(zoom, englishMessages);
    expect(lines[0]).toContain('Zoom is a general-purpose platform');
    expect(lines.join(' ')).toContain('End-to-end encryption: available, must be turned on');
  });

  it('says that nothing is known of an unknown site', () => {
    expect(knownAbout(unknownSite, englishMessages)).toEqual(['Nothing is known about video.example-clinic-visits.net: it is on no list of telemedicine platforms.']);
  });

  it('ignores clicks that a page script makes, on either button', async () => {
    const roots = captureShadowRoots();
    let answered = false;
    void askBeforeCamera(createWidgetEnv(document), unknownSite, 'camera-or-microphone').then(() => (answered = true));
    const host = document.querySelector('telehealth-guard-alert[data-kind="camera-prompt"]');
    expect(host).not.toBeNull();
    const root = roots[0]!;
    expect(root.mode).toBe('closed');
    (root.querySelector('button.continue') as HTMLButtonElement).click(); // untrusted, as from a script
    (root.querySelector('button.leave') as HTMLButtonElement).click();
    await settle();
    expect(answered).toBe(false);
    // Taken down by its own Escape: the answer the user gives with the key.
    root.querySelector('dialog')!.dispatchEvent(new Event('cancel', { cancelable: true }));
    await settle();
    expect(answered).toBe(true);
    expect(document.querySelector('telehealth-guard-alert')).toBeNull();
  });
});

describe('the notice that the camera stays off', () => {
  it('says why, in a corner, until closed', () => {
    const roots = captureShadowRoots();
    showCameraBlocked(createWidgetEnv(document, { isTrusted: () => true }), unknownSite);
    expect(document.querySelector('telehealth-guard-alert[data-kind="camera-blocked"]')).not.toBeNull();
    const root = roots[0]!;
    expect(root.textContent).toContain('video.example-clinic-visits.net is not one of them');
    root.querySelector('button')!.click();
    expect(document.querySelector('telehealth-guard-alert')).toBeNull();
  });
});
