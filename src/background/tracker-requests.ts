import browser, { type WebRequest } from 'webextension-polyfill';
import { builtInTrackerCatalog } from '../core/trackers/tracker-catalog';
import { TrackerIndex, type TrackerMatch } from '../core/trackers/tracker-index';
import { trackerUrlFilters } from '../core/trackers/request-filters';
import { hostOf } from '../core/url-host';
import type { TabState } from '../protocol/messages';
import { onTrackerRequest, onTrackerRequestBlocked } from './tab-verdicts';

/**
 * Tracker requests, as the browser reports them: observed, never held up (no blocking
 * listener; the clinic's `block` uses declarativeNetRequest rules, tracker-blocking.ts). The
 * listeners' URL filters are the catalog's endpoints, so the browser wakes the worker only for
 * those, and the pages themselves run nothing for it.
 */
const catalog = builtInTrackerCatalog();
const index = new TrackerIndex(catalog);

/** Chromium's error for a request a declarativeNetRequest rule (or another extension) blocked. */
const BLOCKED = 'net::ERR_BLOCKED_BY_CLIENT';
/** Firefox's, for the same. */
const BLOCKED_FIREFOX = 'NS_ERROR_ABORT';

/** Requests counted at their start, so a block reported later marks them rather than counting them twice. */
const counted = new Map<string, { tabId: number; tracker: string; host: string; topDocumentId: string | undefined }>();
const MAX_COUNTED = 500;

type RequestDetails = WebRequest.OnBeforeRequestDetailsType & { initiator?: string; documentId?: string; parentDocumentId?: string; documentLifecycle?: string };

/** The frame that sent it, when that is not the top one: a frame's own requests, or a frame it loads into a frame of its own. */
function sendingFrameHost(details: RequestDetails): string | undefined {
  const sender = details.type === 'sub_frame' ? details.parentFrameId : details.frameId;
  if (sender === 0 || (details.type !== 'sub_frame' && details.parentFrameId === -1)) return undefined;
  return hostOf(details.initiator ?? details.originUrl);
}

/**
 * What to count, or undefined: not a tab's request, the page itself, or no catalog endpoint. A
 * page prerendered in the background counts under its own document id, for when it is shown.
 */
function trackerOf(details: RequestDetails): TrackerMatch | undefined {
  if (details.tabId < 0 || details.type === 'main_frame') return undefined;
  return index.classify(details.url);
}

/** The top document the request was made for, where the browser says (Chromium's document ids; Firefox has none). */
function topDocumentOf(details: RequestDetails): string | undefined {
  // A top frame's own request (frame 0, or a prerendered page's main frame, which has no parent).
  if (details.type !== 'sub_frame' && (details.frameId === 0 || details.parentFrameId === -1)) return details.documentId;
  // A frame of the top frame (or a frame the top frame is loading): its parent is the top document.
  return details.parentFrameId === 0 ? details.parentDocumentId : undefined;
}

function count(details: RequestDetails, match: TrackerMatch, blocked: boolean, onChanged: (state: TabState) => void): void {
  onTrackerRequest(details.tabId, { match, blocked, frame: sendingFrameHost(details), topDocumentId: topDocumentOf(details) })
    .then((state) => {
      if (state) onChanged(state);
    })
    .catch((error: unknown) => {
      if (error instanceof Error && /^No tab with id/.test(error.message)) return;
      console.error(`Telehealth Guard: could not count a tracker request of tab ${details.tabId}:`, error);
    });
}

/** Starts observing; `onChanged` hears of each tab whose verdict a request changed. Call once, on the worker's first tick. */
export function observeTrackerRequests(onChanged: (state: TabState) => void): void {
  const filter = { urls: trackerUrlFilters(catalog) };
  browser.webRequest.onBeforeRequest.addListener((details: RequestDetails) => {
    const match = trackerOf(details);
    if (!match) return;
    if (counted.size >= MAX_COUNTED) counted.delete(counted.keys().next().value!);
    counted.set(details.requestId, { tabId: details.tabId, tracker: match.tracker.id, host: match.host, topDocumentId: topDocumentOf(details) });
    count(details, match, false, onChanged);
  }, filter);
  browser.webRequest.onErrorOccurred.addListener((details) => {
    const known = counted.get(details.requestId);
    counted.delete(details.requestId);
    if (details.error !== BLOCKED && details.error !== BLOCKED_FIREFOX) return;
    if (known) {
      void onTrackerRequestBlocked(known.tabId, known).catch((error: unknown) => {
        console.error(`Telehealth Guard: could not count a blocked tracker request of tab ${known.tabId}:`, error);
      });
      return;
    }
    // Blocked before the browser reported its start: counted here, once, as blocked.
    const match = trackerOf(details);
    if (match) count(details, match, true, onChanged);
  }, filter);
  browser.webRequest.onCompleted.addListener((details) => {
    counted.delete(details.requestId);
  }, filter);
}
