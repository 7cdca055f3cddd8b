/**
 * Tracker classification speed: the median time to classify one request URL against the
 * tracker catalog, with the index the extension uses (a few map lookups, one per label of the
 * request's host) beside a plain scan over every endpoint of the same catalog, in the same run.
 * The URLs are half catalog requests (pixels with long queries, scripts, collect calls) and
 * half ordinary ones (page assets on the benign corpus's hosts), as a page sends them.
 */
import { loadBenignDomains } from '../tests/quality/benign-corpus';
import { builtInTrackerCatalog } from '../src/core/trackers/tracker-catalog';
import { classifyByScan, flatEndpoints, TrackerIndex } from '../src/core/trackers/tracker-index';

const URLS = 10_000;
const ROUNDS = 5;

export const TRACKER_TARGETS = { medianMicros: 2 } as const;

export interface TrackerSpeed {
  endpoints: number;
  urls: number;
  buildMs: number;
  indexMicros: number;
  scanMicros: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** A catalog endpoint made into a request as a page sends it: a subdomain now and then, a path under it, a long query. */
function catalogUrl(endpoint: string, i: number): string {
  const slash = endpoint.indexOf('/');
  const host = slash === -1 ? endpoint : endpoint.slice(0, slash);
  const path = slash === -1 ? '/collect' : endpoint.slice(slash).replaceAll('*', 'en_US');
  const query = `?id=${1000 + i}&ev=PageView&dl=${encodeURIComponent(`https://portal.example-clinic.org/intake/step-${i % 7}?appointment=${i}`)}&rl=&if=false&ts=${1733300000000 + i}`;
  return `https://${i % 5 === 0 && slash === -1 ? 'eu.' : ''}${host}${path}${query}`;
}

function requestUrls(): string[] {
  const endpoints = builtInTrackerCatalog().trackers.flatMap((tracker) => tracker.endpoints);
  const benign = loadBenignDomains();
  const urls: string[] = [];
  for (let i = 0; i < URLS / 2; i++) {
    urls.push(catalogUrl(endpoints[i % endpoints.length]!, i));
    urls.push(`https://${i % 3 === 0 ? 'cdn.' : 'www.'}${benign[i % benign.length]}/assets/app-${i}.js?v=${i % 97}`);
  }
  return urls;
}

function timePerUrl(urls: readonly string[], classify: (url: string) => unknown): number {
  for (const url of urls.slice(0, 500)) classify(url); // warm-up: JIT and caches
  const medians: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const times: number[] = [];
    for (const url of urls) {
      const start = process.hrtime.bigint();
      classify(url);
      times.push(Number(process.hrtime.bigint() - start) / 1_000);
    }
    medians.push(median(times));
  }
  return median(medians);
}

export function benchTrackerSpeed(): TrackerSpeed {
  const catalog = builtInTrackerCatalog();
  const urls = requestUrls();
  const start = performance.now();
  const index = new TrackerIndex(catalog);
  const buildMs = performance.now() - start;
  const endpoints = flatEndpoints(catalog);
  return {
    endpoints: endpoints.length,
    urls: urls.length,
    buildMs,
    indexMicros: timePerUrl(urls, (url) => index.classify(url)),
    scanMicros: timePerUrl(urls, (url) => classifyByScan(endpoints, url)),
  };
}
