import { builtInTrackerCatalog } from '../src/core/trackers/tracker-catalog';
import { hostIsUnder } from '../src/core/trackers/endpoint-pattern';
import { TrackerIndex } from '../src/core/trackers/tracker-index';

/**
 * Trackers served locally under their real hostnames (Chromium maps every name to the demo
 * servers): any host of the tracker catalog gets a stand-in answer, an empty script for a
 * `.js` path and an empty 204 for the rest (a pixel, a beacon, a collect call). Nothing of the
 * real trackers' code is used; what the extension judges is where the requests go.
 */
const trackerHosts = new TrackerIndex(builtInTrackerCatalog()).hosts;

export function isTrackerHost(host: string): boolean {
  return trackerHosts.some((base) => hostIsUnder(host, base));
}

export interface StandInAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function trackerStandIn(pathname: string): StandInAnswer {
  // Any page may load it, as a tracker's script is loaded from every site that uses it.
  const headers = { 'cache-control': 'no-store', 'access-control-allow-origin': '*' };
  if (pathname.endsWith('.js') || pathname.startsWith('/gtag/js')) {
    return { status: 200, headers: { ...headers, 'content-type': 'text/javascript; charset=utf-8' }, body: '/* tracker stand-in: loads, sends nothing */\n' };
  }
  return { status: 204, headers, body: '' };
}

/** The hosts the demo pages send to: the pages' CSP lets them (and only them) through. */
export const DEMO_TRACKER_HOSTS: readonly string[] = [
  'connect.facebook.net',
  'www.facebook.com',
  'static.hotjar.com',
  'www.googletagmanager.com',
  'region1.google-analytics.com',
  'www.google.com',
  'bat.bing.com',
];

/** Ordinary sites with Google Analytics (and a Meta Pixel): trackers are on most of the web, and here the extension says nothing. */
export const ORDINARY_TRACKED_HOSTS: readonly string[] = Array.from({ length: 20 }, (_, index) => `site${index + 1}.example-everyday.com`);

/** A third-party form host a clinic page frames: its frame is the only one that sends to a tracker. */
export const FORM_FRAME_HOST = 'forms.example-forms.net';
