import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEndpointPattern, EndpointPatternError } from '../../../../src/core/trackers/endpoint-pattern';
import { requestAddressOf } from '../../../../src/core/trackers/request-url';
import { builtInTrackerCatalog, parseTrackerCatalog, type TrackerCatalog } from '../../../../src/core/trackers/tracker-catalog';
import { classifyByScan, flatEndpoints, TrackerIndex } from '../../../../src/core/trackers/tracker-index';

const tracker = (id: string, organisation: string, endpoints: string[], category = 'advertising') => ({
  id,
  organisation,
  service: `${organisation} tag`,
  category,
  takes: ['urls'],
  endpoints,
  sources: ['https://example.org/docs'],
  enforcement: [],
});

const parsed = parseTrackerCatalog({
  version: 1,
  cases: [],
  trackers: [
    tracker('pixel', 'Pixelco', ['www.pixel.example/tr', 'connect.pixel.example/*/events.js']),
    tracker('replay', 'Replayco', ['replay.example'], 'session-replay'),
    tracker('replay-cdn', 'Replayco', ['cdn.replay.example/static'], 'session-replay'),
  ],
});
if (!parsed.ok) throw new Error(parsed.problems.join('; '));
const small: TrackerCatalog = parsed.catalog;
const index = new TrackerIndex(small);
const idOf = (url: string) => index.classify(url)?.tracker.id;

describe('endpoint patterns', () => {
  it('reads a host and a path, and refuses what is no endpoint', () => {
    expect(parseEndpointPattern('www.facebook.com/tr')).toMatchObject({ host: 'www.facebook.com', path: 'tr' });
    expect(parseEndpointPattern('static.hotjar.com')).toMatchObject({ host: 'static.hotjar.com', path: undefined });
    for (const bad of ['https://x.com/tr', 'X.com', 'x.com/', 'x.com//a', 'x.com/a?b=1', 'x', '*.x.com']) {
      expect(() => parseEndpointPattern(bad), bad).toThrow(EndpointPatternError);
    }
  });
});

describe('request addresses', () => {
  it('keeps the host and path, never the query or fragment', () => {
    expect(requestAddressOf('https://WWW.Facebook.com.:443/tr/?id=1&ev=PageView#x')).toEqual({ host: 'www.facebook.com', path: '/tr/' });
    expect(requestAddressOf('https://user:pw@cdn.example/a?q')).toEqual({ host: 'cdn.example', path: '/a' });
    expect(requestAddressOf('wss://ws.example')).toEqual({ host: 'ws.example', path: '/' });
    expect(requestAddressOf('data:text/plain,hi')).toBeUndefined();
    expect(requestAddressOf('blob:https://a.example/uuid')).toBeUndefined();
  });

  it('reads the host the URL parser reads', () => {
    const urls = fc.webUrl({ withQueryParameters: true, withFragments: true, authoritySettings: { withUserInfo: true, withPort: true } });
    fc.assert(
      fc.property(urls, (url) => {
        const parsed = new URL(url);
        const address = requestAddressOf(url);
        // The URL parser also decodes and normalises (percent-encoding, IDNA); the catalog's hosts are plain ASCII.
        if (!/^[a-z0-9.-]+$/.test(parsed.hostname)) return;
        expect(address?.host).toBe(parsed.hostname.replace(/\.+$/, ''));
      }),
      { numRuns: 300 },
    );
  });
});

describe('TrackerIndex', () => {
  it('matches hosts on whole labels and paths on segment boundaries', () => {
    expect(idOf('https://www.pixel.example/tr?id=1')).toBe('pixel');
    expect(idOf('https://www.pixel.example/tr/')).toBe('pixel');
    expect(idOf('https://www.pixel.example/track')).toBeUndefined();
    expect(idOf('https://www.pixel.example/')).toBeUndefined();
    expect(idOf('https://connect.pixel.example/en_US/events.js')).toBe('pixel');
    expect(idOf('https://connect.pixel.example/events.js')).toBeUndefined();
    expect(idOf('https://in.replay.example/rec')).toBe('replay');
    expect(idOf('https://notreplay.example/')).toBeUndefined();
    expect(idOf('https://replay.example.evil.test/')).toBeUndefined();
  });

  it('gives the most specific endpoint', () => {
    expect(idOf('https://cdn.replay.example/static/r.js')).toBe('replay-cdn');
    expect(idOf('https://cdn.replay.example/other')).toBe('replay');
  });

  it('answers as a scan over every endpoint does, on the built-in catalog', () => {
    const catalog = builtInTrackerCatalog();
    const built = new TrackerIndex(catalog);
    const endpoints = flatEndpoints(catalog);
    const hosts = [...new Set(endpoints.map((e) => e.pattern.host)), 'example.com', 'facebook.com'];
    const paths = ['', '/', '/tr', '/tr/', '/track', '/collect', '/g/collect', '/en_US/fbevents.js', '/gtm.js', '/gtag/js', '/pagead/conversion/1/'];
    const urls = fc.tuple(fc.constantFrom(...hosts), fc.constantFrom('', 'www.', 'a.b.'), fc.constantFrom(...paths), fc.constantFrom('', '?id=1')).map(([host, prefix, path, query]) => `https://${prefix}${host}${path}${query}`);
    fc.assert(
      fc.property(urls, (url) => {
        const fromIndex = built.classify(url);
        const fromScan = classifyByScan(endpoints, url);
        expect(fromIndex?.tracker.id).toBe(fromScan?.tracker.id);
        expect(fromIndex?.endpoint).toBe(fromScan?.endpoint);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the tracker catalog file', () => {
  it('refuses unknown cases, twice-listed endpoints and public suffixes', () => {
    const result = parseTrackerCatalog({
      version: 1,
      cases: [],
      trackers: [{ ...tracker('a', 'A', ['a.example', 'co.uk']), enforcement: ['ftc-nothing'] }, tracker('b', 'B', ['a.example'])],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.join('\n')).toMatch(/no case "ftc-nothing"/);
    expect(result.problems.join('\n')).toMatch(/already an endpoint of "a"/);
    expect(result.problems.join('\n')).toMatch(/co\.uk.*public suffix/);
  });
});

describe('the built-in tracker catalog', () => {
  const catalog = builtInTrackerCatalog();
  const organisations = new Set(catalog.trackers.map((t) => t.organisation));

  it('covers at least 60 organisations, each entry with a source', () => {
    expect(organisations.size).toBeGreaterThanOrEqual(60);
    for (const tracker of catalog.trackers) expect(tracker.sources.length, tracker.id).toBeGreaterThan(0);
  });

  it('has the pixels, session replay, analytics and CDPs named in enforcement actions and studies', () => {
    const required = ['Meta', 'Google', 'TikTok', 'Snap', 'LinkedIn', 'Pinterest', 'X (Twitter)', 'Reddit', 'Microsoft', 'Criteo', 'Amazon', 'Hotjar', 'FullStory', 'LogRocket', 'Mouseflow', 'Smartlook', 'Inspectlet', 'Quantum Metric', 'Contentsquare', 'Adobe', 'Twilio Segment', 'Mixpanel', 'Amplitude', 'Heap'];
    expect(required.filter((name) => !organisations.has(name))).toEqual([]);
    const services = catalog.trackers.map((t) => t.service).join('\n');
    for (const service of ['Google Tag Manager', 'Google Analytics', 'Microsoft Clarity', 'Universal Event Tracking']) expect(services).toContain(service);
    const classify = new TrackerIndex(catalog);
    expect(classify.classify('https://googleads.g.doubleclick.net/pagead/viewthroughconversion/1/')?.tracker.organisation).toBe('Google');
    expect(classify.classify('https://www.googletagmanager.com/gtm.js?id=GTM-X')?.tracker.category).toBe('tag-manager');
    expect(classify.classify('https://www.googletagmanager.com/gtag/js?id=G-X')?.tracker.category).toBe('analytics');
  });
});
