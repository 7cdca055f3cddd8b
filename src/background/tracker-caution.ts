import browser from 'webextension-polyfill';
import { trackerLabel } from '../core/trackers/explain-tracker';
import { uiMessages } from '../ui-text/ui-messages';
import type { TrackerFinding } from '../core/trackers/tracker-findings';
import type { TabState } from '../protocol/messages';
import { cautionTrackersInFrame } from '../protocol/page-api';
import type { PageDocument } from './page-answers';
import { readTabState } from './tab-state-store';
import { isTelehealthPage } from '../core/trackers/telehealth-page';
import { getAllowlist } from './allowlist-state';

/**
 * The one-time in-page caution about trackers: once the user has started typing in a tab (any
 * frame) whose page sends to advertising or session replay, the top frame shows it, once per
 * page address. Either can come first: a pixel that fires after the user began typing brings
 * the caution then. Kept in session storage (the worker may stop between the two), per tab.
 */
type EnsurePageUi = (target: { tabId: number; frameIds: number[] }) => Promise<void>;

interface CautionRecord {
  url: string;
  typed: boolean;
  shown: boolean;
}

const key = (tabId: number): string => `tracker-caution:${tabId}`;

/** The categories the caution is about: what a patient types can end up with them. */
const CAUTION_CATEGORIES = new Set(['advertising', 'session-replay']);

/** Who the caution names: organisations in those categories that requests went out to. */
export function cautionReceivers(state: TabState): string[] {
  return state.verdict.findings
    .filter((finding): finding is TrackerFinding => finding.code === 'THIRD_PARTY_TRACKER')
    .filter((finding) => CAUTION_CATEGORIES.has(finding.category) && finding.requests > finding.blocked)
    .map((finding) => trackerLabel(finding, uiMessages()));
}

async function readRecord(tabId: number, url: string): Promise<CautionRecord> {
  const record = (await browser.storage.session.get(key(tabId)))[key(tabId)] as CautionRecord | undefined;
  return record?.url === url ? record : { url, typed: false, shown: false };
}

/** Records the typing; shows the caution if it is due, and records that only once it is shown (a failed show is tried again at the next tracker request). */
async function showIfDue(tabId: number, state: TabState, record: CautionRecord, ensurePageUi: EnsurePageUi): Promise<void> {
  await browser.storage.session.set({ [key(tabId)]: record });
  const receivers = record.typed && !record.shown ? cautionReceivers(state) : [];
  if (receivers.length === 0) return;
  const topFrame = { tabId, frameIds: [0] };
  await ensurePageUi(topFrame);
  await browser.scripting.executeScript({ target: topFrame, func: cautionTrackersInFrame, args: [receivers] });
  await browser.storage.session.set({ [key(tabId)]: { ...record, shown: true } });
}

/** The user started typing in a document of the tab. */
export async function onTyping(document: PageDocument, ensurePageUi: EnsurePageUi): Promise<null> {
  const state = await readTabState(document.tabId);
  // Trackers are never spoken of on other pages: nothing to note there.
  if (!state || state.url !== document.tabUrl || !isTelehealthPage(getAllowlist(), state.verdict, { signals: state.signals ?? undefined, call: state.call })) return null;
  const record = await readRecord(document.tabId, state.url);
  if (record.typed) return null;
  record.typed = true;
  await showIfDue(document.tabId, state, record, ensurePageUi);
  return null;
}

/** The tab's verdict changed after a tracker request: if the user has typed there already, the caution may be due now. */
export async function onTrackersChanged(state: TabState, ensurePageUi: EnsurePageUi): Promise<void> {
  const record = await readRecord(state.tabId, state.url);
  if (!record.typed || record.shown) return;
  await showIfDue(state.tabId, state, record, ensurePageUi);
}

export function forgetTrackerCaution(tabId: number): Promise<void> {
  return browser.storage.session.remove(key(tabId));
}
