import { describe, expect, it } from 'vitest';
import { buildAllowlist } from '../../../src/core/allowlist';
import { loadBuiltInCatalog } from '../../../src/core/catalog';
import { callEmbedsOf } from '../../../src/core/embeds';
import { isLookalikeJoinLink, recogniseJoinLink } from '../../../src/core/join-links';
import { findLookalike } from '../../../src/core/lookalike';

const allowlist = buildAllowlist([{ source: 'catalog', file: loadBuiltInCatalog() }]);

describe('recogniseJoinLink', () => {
  it.each([
    ['https://zoom.us/j/123456789', 'Zoom'],
    ['https://us02web.zoom.us/j/85512345678?pwd=abc', 'Zoom'],
    ['https://meet.google.com/abc-defg-hij', 'Google Meet'],
    ['https://teams.microsoft.com/l/meetup-join/19%3ameeting_x/0', 'Microsoft Teams'],
    ['https://doxy.me/DrSmith', 'Doxy.me'],
    ['https://meet.jit.si/SomeRoom', 'Jitsi Meet'],
  ])('%s is a %s meeting', (url, platform) => {
    expect(recogniseJoinLink(allowlist, new URL(url))?.platform.name).toBe(platform);
  });

  it.each(['https://zoom.us/pricing', 'https://meet.google.com/new', 'https://example.org/j/123456789'])('%s is no join link', (url) => {
    expect(recogniseJoinLink(allowlist, new URL(url))).toBeUndefined();
  });
});

describe('isLookalikeJoinLink', () => {
  it.each([
    ['https://zoom-us.net/j/123456789', true],
    ['https://zoorn.us/j/123456789', true],
    ['https://meet.google.com.evil.net/abc-defg-hij', true],
    ['https://zoom-us.net/pricing', false],
  ])('%s → %s', (url, expected) => {
    const parsed = new URL(url);
    const lookalike = findLookalike(allowlist, parsed.hostname);
    expect(lookalike).toBeDefined();
    expect(isLookalikeJoinLink(allowlist, parsed, lookalike!)).toBe(expected);
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
