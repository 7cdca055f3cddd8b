import { describe, expect, it } from 'vitest';
import { buildAllowlist, matchPlatform } from '../../../../src/core/lists/allowlist';
import { loadBuiltInCatalog } from '../../../../src/core/lists/catalog';
import { callEmbedsOf } from '../../../../src/core/findings/embeds';
import { isLookalikeJoinLink } from '../../../../src/core/findings/join-links';
import { findLookalike } from '../../../../src/core/lookalike/lookalike';

const allowlist = buildAllowlist([{ source: 'catalog', file: loadBuiltInCatalog() }]);

/** The lookalike a URL's host is taken for; every URL here is one. */
function lookalikeOf(url: URL) {
  const lookalike = findLookalike(allowlist, url.hostname);
  expect(lookalike).toBeDefined();
  return lookalike!;
}

describe('isLookalikeJoinLink', () => {
  it.each([
    ['https://zoom-us.net/j/123456789', 'Zoom'],
    ['https://zoorn.us/j/123456789', 'Zoom'],
    ['https://us02web.zoom-us.net/j/85512345678?pwd=abc', 'Zoom'],
    ['https://zoorn.us/wc/123/join', 'Zoom'],
    ['https://meet.google.com.evil.net/abc-defg-hij', 'Google Meet'],
    ['https://teams-microsoft.com/l/meetup-join/19%3ameeting_x/0', 'Microsoft Teams'],
    ['https://d0xy.me/DrSmith', 'Doxy.me'],
    ['https://whereby.co/room', 'Whereby'],
  ])("%s copies a %s meeting link, by that platform's own join patterns", (url, platform) => {
    const parsed = new URL(url);
    const lookalike = lookalikeOf(parsed);
    expect(isLookalikeJoinLink(allowlist, parsed, lookalike)).toBe(true);
    expect(matchPlatform(allowlist, lookalike.target)?.platform.name).toBe(platform);
  });

  it.each(['https://zoom-us.net/pricing', 'https://meet.google.com.evil.net/new', 'https://d0xy.me/a/b'])('%s copies no meeting link', (url) => {
    const parsed = new URL(url);
    expect(isLookalikeJoinLink(allowlist, parsed, lookalikeOf(parsed))).toBe(false);
  });
});

describe('callEmbedsOf', () => {
  it('finds frames that may use the camera or microphone, and video platforms', () => {
    const embeds = callEmbedsOf(allowlist, [
      { src: 'https://video.example-vendor.net/room/1', allow: 'camera; microphone; fullscreen' },
      { src: 'https://doxy.me/drsmith', allow: '' },
      { src: 'https://maps.example.com/embed', allow: 'fullscreen' },
      { src: 'about:blank', allow: 'camera' },
      { src: 'https://video.example-vendor.net/room/2', allow: 'camera' },
    ]);
    expect(embeds).toEqual([
      { origin: 'https://video.example-vendor.net', host: 'video.example-vendor.net', platform: undefined, verified: false, reason: 'camera-or-microphone' },
      { origin: 'https://doxy.me', host: 'doxy.me', platform: 'Doxy.me', verified: true, reason: 'video-platform' },
    ]);
  });

  it('does not mistake a feature name inside another word', () => {
    expect(callEmbedsOf(allowlist, [{ src: 'https://x.example/', allow: 'camera-roll-viewer' }])).toEqual([]);
  });
});
