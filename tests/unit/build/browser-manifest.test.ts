import { describe, expect, it } from 'vitest';
import manifest from '../../../manifest.json';
import { GECKO_ID, manifestFor, outDirFor } from '../../../scripts/build/browser-manifest';

describe('the manifest made for each browser', () => {
  const firefox = manifestFor(manifest, 'firefox') as Record<string, unknown> & typeof manifest;

  it('gives Chromium the manifest as written', () => {
    expect(manifestFor(manifest, 'chrome')).toBe(manifest);
    expect(outDirFor('chrome')).toBe('dist');
  });

  it('gives Firefox an event page in place of the service worker, from the same script', () => {
    expect(firefox.background).toEqual({ scripts: [manifest.background.service_worker], type: 'module' });
    expect(outDirFor('firefox')).toBe('dist-firefox');
  });

  it('names the add-on for Firefox, says it collects no data, and asks for Firefox 140', () => {
    expect(firefox.browser_specific_settings).toEqual({
      gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
    });
  });

  it('leaves out what only Chromium reads: the key, the minimum Chrome version, the managed-storage schema, contentSettings', () => {
    expect(firefox).not.toHaveProperty('key');
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    expect(firefox).not.toHaveProperty('storage');
    expect(firefox.permissions).not.toContain('contentSettings');
  });

  it('keeps everything else: permissions, content scripts in both worlds and in the frames a page makes (blob:, data:, about:), popup, options, icons', () => {
    // Firefox 128 runs content scripts in blob: and data: documents only with match_origin_as_fallback.
    expect(firefox.content_scripts).toEqual(manifest.content_scripts);
    expect(firefox.permissions).toEqual(manifest.permissions.filter((permission) => permission !== 'contentSettings'));
    expect(firefox.content_scripts.map((script) => [script.js, script.world ?? 'ISOLATED', script.all_frames])).toEqual(
      manifest.content_scripts.map((script) => [script.js, script.world ?? 'ISOLATED', script.all_frames]),
    );
    expect(firefox.action).toEqual(manifest.action);
    expect(firefox.options_ui).toEqual(manifest.options_ui);
    expect(firefox.icons).toEqual(manifest.icons);
  });

  it('does not change the manifest it was given', () => {
    expect(manifest).toHaveProperty('key');
    expect(manifest.background).toHaveProperty('service_worker');
  });
});
