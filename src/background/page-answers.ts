import { assessPage, type Verdict } from '../core/findings/assess';
import { frameFindings } from '../core/findings/frame-findings';
import { guardTargetFor, guardUnderPolicy, ownLookalike, type GuardTarget } from '../core/findings/guard-target';
import { TargetParseError } from '../core/hostname';
import { isStorageQuotaError, StorageFullError, storageFullMessage } from '../core/storage-full';
import { uiMessages } from '../ui-text/ui-messages';
import type { PageSignals } from '../core/signals/page-signals';
import { inPageAlertOf } from '../core/findings/in-page-alert';
import type { Dismissal, PageAnswer } from '../protocol/messages';
import type { ContentSender } from '../protocol/router';
import { allowlistReady, getAllowlist } from './allowlist-state';
import { addDismissal, trustedHosts } from './dismissal-store';
import { frameAddressOf, tabAddressOf } from './document-address';
import { getSettings, settingsReady } from './policy-settings';

import { onFrameReport, onPageSignals } from './tab-verdicts';

/** One document of a tab, with the addresses it and its tab are judged by (background/document-address). */
export interface PageDocument {
  tabId: number;
  /** 0 for the top frame. */
  frameId: number;
  documentId?: string | undefined;
  /** The tab's address as the browser reports it: what per-tab state is kept under. */
  tabUrl: string;
  /** The address the tab's top document is judged by; undefined when it is not judged. */
  tabAddress: string | undefined;
  /** The address this document is judged by (the tab's, for the top frame). */
  frameAddress: string | undefined;
}

/** A sender (or a frame the background read) as a document with its judged addresses. */
export async function describeDocument({ tabId, frameId, documentId, tabUrl, frameUrl }: ContentSender): Promise<PageDocument> {
  const [tabAddress, frameAddress] = await Promise.all([tabAddressOf(tabId, tabUrl), frameAddressOf(tabId, frameId, frameUrl, tabUrl)]);
  return { tabId, frameId, documentId, tabUrl, tabAddress, frameAddress };
}

/** A verdict for a judged address; undefined for none, or for a host that is no hostname at all (core/hostname). */
export function verdictFor(address: string | undefined, signals?: PageSignals): Verdict | undefined {
  if (address === undefined) return undefined;
  try {
    return assessPage(getAllowlist(), { url: address, signals });
  } catch (error) {
    if (error instanceof TargetParseError) return undefined;
    throw error;
  }
}

/** The guard this document gets, from its own and its tab's addresses alone. */
function guardFor(document: PageDocument, frame: Verdict | undefined): GuardTarget | undefined {
  if (!frame) return undefined;
  return guardTargetFor(frame, document.frameId === 0 ? frame : verdictFor(document.tabAddress));
}

/**
 * Whether a frame (not the top one) is worth reading once it has loaded: only where its own
 * address or its tab's is a look-alike, the one case where what a frame holds changes the
 * tab's verdict (frame-findings) or its guard. Every other frame (ads, video embeds, social
 * widgets: most frames of most pages) is not read, which spares each of them the reading's
 * cost; one that holds a password field reports itself (the guard holds typing in it until
 * it has an answer), and chat widgets and call embeds are seen from the top frame.
 */
export async function frameNeedsReading(tabId: number, frameId: number, frameUrl: string, tabUrl: string): Promise<boolean> {
  const [tabAddress, frameAddress] = await Promise.all([tabAddressOf(tabId, tabUrl), frameAddressOf(tabId, frameId, frameUrl, tabUrl)]);
  await allowlistReady();
  return ownLookalike(verdictFor(frameAddress)) !== undefined || ownLookalike(verdictFor(tabAddress)) !== undefined;
}

export interface JudgedAnswer {
  answer: PageAnswer;
  /** This frame changed its tab's findings: the top frame, which shows the tab's alert, must be read again. */
  tabChanged: boolean;
}

const NOTHING: PageAnswer = { alert: null, guard: null };

/** The user's trust and the clinic's `passwordOnLookalike` action, as a function of the guard. */
async function armingRule(): Promise<{ isTrusted: (host: string) => boolean; arm: (guard: GuardTarget | undefined) => GuardTarget | null }> {
  // Frames are judged here, outside tab-verdicts: they too wait for the stored lists after a wake-up.
  await allowlistReady();
  const action = getSettings().passwordOnLookalike;
  const trusted = await trustedHosts();
  // Under "block" the user's earlier trust no longer counts, for the alert as for the guard.
  const isTrusted = (host: string): boolean => action !== 'block' && trusted.has(host);
  return { isTrusted, arm: (guard) => guardUnderPolicy(guard, action, isTrusted) };
}

/**
 * What a document is shown, given what it holds. The top frame's signals make the tab's
 * verdict and get the in-page alert; any other frame is judged by its own address (and its
 * tab's), may add look-alike findings to the tab, and gets only its password-field guard.
 */
export async function answerFor(document: PageDocument, signals: PageSignals): Promise<JudgedAnswer> {
  const { isTrusted, arm } = await armingRule();
  if (document.frameId === 0) {
    const state = await onPageSignals(document.tabId, document.tabUrl, signals);
    if (!state) return { answer: NOTHING, tabChanged: false };
    return { answer: { alert: inPageAlertOf(state.verdict, isTrusted), guard: arm(guardFor(document, state.verdict)) }, tabChanged: false };
  }
  const frame = verdictFor(document.frameAddress, signals);
  const tab = verdictFor(document.tabAddress);
  let tabChanged = false;
  if (frame && tab && document.frameAddress !== undefined) {
    const findings = frameFindings(frame, tab, signals.passwordFields, signals.typedInto === true);
    tabChanged = await onFrameReport(document.tabId, { frameId: document.frameId, frameUrl: document.frameAddress, tabUrl: document.tabUrl, findings });
  }
  return { answer: { alert: null, guard: arm(guardFor(document, frame)) }, tabChanged };
}

/**
 * What a document is shown from its address alone, before it has been read: at commit. A
 * look-alike is known from its address, so its password fields are guarded from the first
 * keystroke, and the top frame shows the alert, however long the page takes to load (or if it
 * never finishes). Nothing is stored: the reading that follows makes the verdict.
 */
export async function answerFromAddress(document: PageDocument): Promise<PageAnswer> {
  const { isTrusted, arm } = await armingRule();
  const frame = verdictFor(document.frameAddress);
  const guard = arm(guardFor(document, frame));
  const alert = document.frameId === 0 && frame ? inPageAlertOf(frame, isTrusted) : null;
  return { alert, guard };
}

/**
 * "I trust this site", from the guard's overlay. The site is the look-alike this document is
 * guarded against, worked out again from the addresses the browser reports: a page can
 * never have some other host trusted.
 */
export async function trustLookalike(document: PageDocument): Promise<{ dismissal: Dismissal; site: string }> {
  await settingsReady();
  const guard = guardFor(document, verdictFor(document.frameAddress));
  if (!guard) throw new Error('nothing to trust: this page is not on a look-alike site');
  if (getSettings().passwordOnLookalike === 'block') throw new Error("the clinic's policy does not let users trust look-alike sites");
  const dismissal = await addDismissal(guard.site, guard.target).catch((error: unknown) => {
    // Said where the user acted: the overlay shows it (content script).
    throw isStorageQuotaError(error) ? new StorageFullError(storageFullMessage(guard.site, uiMessages(), true), { cause: error }) : error;
  });
  return { dismissal, site: guard.site };
}
