import { describe, expect, it } from 'vitest';
import { assessPage } from '../../../../src/core/findings/assess';
import { buildAllowlist } from '../../../../src/core/lists/allowlist';
import { loadBuiltInCatalog } from '../../../../src/core/lists/catalog';
import { explainFinding } from '../../../../src/core/findings/explain';
import { englishMessages } from '../../../../src/core/i18n/english-messages';
import { builtInTrackerCatalog } from '../../../../src/core/trackers/tracker-catalog';
import { isFirstParty, trackerFindings } from '../../../../src/core/trackers/tracker-findings';
import { TrackerIndex } from '../../../../src/core/trackers/tracker-index';
import { SIGHTING_LIMITS, withRequestSeen, type TrackerSighting } from '../../../../src/core/trackers/tracker-sightings';

const catalog = builtInTrackerCatalog();
const index = new TrackerIndex(catalog);
const allowlist = buildAllowlist([{ source: 'catalog', file: loadBuiltInCatalog() }]);

function seen(urls: string[], options: { blocked?: boolean; frame?: string } = {}): TrackerSighting[] {
  return urls.reduce<TrackerSighting[]>((sightings, url) => {
    const match = index.classify(url);
    if (!match) throw new Error(`not a catalog endpoint: ${url}`);
    return withRequestSeen(sightings, { match, blocked: options.blocked ?? false, frame: options.frame });
  }, []);
}

const PIXEL = 'https://www.facebook.com/tr/?id=123&ev=PageView&dl=https%3A%2F%2Fclinic.example%2Fintake';
const PIXEL_SCRIPT = 'https://connect.facebook.net/en_US/fbevents.js';

describe('tracker sightings', () => {
  it('count requests per tracker and host, keeping catalog endpoints only', () => {
    const sightings = seen([PIXEL, PIXEL, PIXEL_SCRIPT]);
    expect(sightings).toEqual([
      { tracker: 'meta-pixel', host: 'www.facebook.com', endpoints: ['www.facebook.com/tr'], requests: 2, blocked: 0 },
      { tracker: 'meta-pixel', host: 'connect.facebook.net', endpoints: ['connect.facebook.net/*/fbevents.js'], requests: 1, blocked: 0 },
    ]);
    expect(JSON.stringify(sightings)).not.toMatch(/PageView|clinic|intake|123/);
  });

  it('stay bounded', () => {
    const match = index.classify(PIXEL)!;
    let sightings: TrackerSighting[] = [];
    for (let i = 0; i < SIGHTING_LIMITS.sightings + 20; i++) sightings = withRequestSeen(sightings, { match: { ...match, host: `h${i}.facebook.com` }, blocked: false, frame: undefined });
    expect(sightings).toHaveLength(SIGHTING_LIMITS.sightings);
  });
});

describe('trackerFindings', () => {
  it('names one organisation with what it can take, how many requests and the first frame', () => {
    const [finding, ...rest] = trackerFindings(catalog, seen([PIXEL, PIXEL_SCRIPT], { frame: 'forms.example' }), 'doxy.me', 'warn');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ code: 'THIRD_PARTY_TRACKER', level: 'caution', organisation: 'Meta', category: 'advertising', requests: 2, blocked: 0, frame: 'forms.example' });
    expect(finding!.hosts).toEqual(['www.facebook.com', 'connect.facebook.net']);
    const text = explainFinding(finding!, englishMessages);
    expect(text.title).toBe('Sends data to Meta (advertising)');
    expect(text.detail).toMatch(/forms\.example/);
  });

  it('leaves the page\u2019s own domain out, and says nothing when the clinic turned it off', () => {
    expect(trackerFindings(catalog, seen([PIXEL]), 'www.facebook.com', 'warn')).toEqual([]);
    expect(trackerFindings(catalog, seen([PIXEL]), 'business.facebook.com', 'warn')).toEqual([]);
    expect(trackerFindings(catalog, seen([PIXEL]), 'doxy.me', 'off')).toEqual([]);
    expect(isFirstParty('metrics.clinic.example.com', 'portal.clinic.example.com')).toBe(true);
    expect(isFirstParty('clinic.github.io', 'other.github.io')).toBe(false);
  });

  it('names a tracker the browser blocked every request to, without raising the level', () => {
    const [finding] = trackerFindings(catalog, seen([PIXEL, PIXEL], { blocked: true }), 'doxy.me', 'block');
    expect(finding).toMatchObject({ level: 'neutral', requests: 2, blocked: 2 });
    expect(explainFinding(finding!, englishMessages).title).toMatch(/^Blocked: data to Meta/);
  });
});

describe('assessPage with trackers', () => {
  const trackers = (urls: string[]) => ({ sightings: seen(urls), action: 'warn' as const });

  it('raises a verified intake page with a pixel to caution', () => {
    const verdict = assessPage(allowlist, { url: 'https://doxy.me/intake', trackers: trackers([PIXEL]) });
    expect(verdict.level).toBe('caution');
    expect(verdict.findings.map((f) => f.code)).toEqual(['VERIFIED_PLATFORM', 'THIRD_PARTY_TRACKER']);
  });

  it('stays silent on an ordinary site', () => {
    const verdict = assessPage(allowlist, { url: 'https://news.example/article', trackers: trackers([PIXEL]) });
    expect(verdict.level).toBe('neutral');
    expect(verdict.findings).toEqual([]);
  });

  it('speaks on an ordinary page in a call, and on one embedding a call', () => {
    const inCall = assessPage(allowlist, { url: 'https://news.example/room', call: { activities: ['camera-or-microphone'], frameEncryption: false }, trackers: trackers([PIXEL]) });
    expect(inCall.findings.map((f) => f.code)).toContain('THIRD_PARTY_TRACKER');
    const signals = { passwordFields: 0, forms: [], videoElements: 0, iframes: [{ src: 'https://doxy.me/room', allow: '' }] };
    const embedding = assessPage(allowlist, { url: 'https://news.example/visit', signals: signals as never, trackers: trackers([PIXEL]) });
    expect(embedding.findings.map((f) => f.code)).toContain('THIRD_PARTY_TRACKER');
  });
});
