import browser from 'webextension-polyfill';
import { judgedAddressOf } from '../core/document-origin';
import { frameAddressOf as reportedFrameAddress, type ContentSender } from '../protocol/router';

/**
 * The address each document is judged by (core/document-origin): its own when it is on the
 * web, its creator's when it is an about:blank, srcdoc, data: or opaque blob: document that a
 * page made. A frame's creator is its parent frame; a tab's is the frame that opened it
 * (`window.open('')`, written into by its opener). Everything here comes from the browser
 * (webNavigation, tabs), never from the page.
 */

const creatorKey = (tabId: number): string => `creator:${tabId}`;

/** Openers of openers: a chain longer than this is not followed (and a loop ends). */
const MAX_CREATOR_DEPTH = 4;

/** The address a tab's top document is judged by, from the tab's address as the browser reports it. */
export function tabAddressOf(tabId: number, tabUrl: string, depth = 0): Promise<string | undefined> {
  return judgedAddressOf(tabUrl, () => (depth < MAX_CREATOR_DEPTH ? openerAddressOf(tabId, depth + 1) : Promise.resolve(undefined)));
}

/** The address a frame's document is judged by; the top frame's is its tab's. */
export function frameAddressOf(tabId: number, frameId: number, frameUrl: string, tabUrl: string): Promise<string | undefined> {
  if (frameId === 0) return tabAddressOf(tabId, tabUrl);
  return judgedAddressOf(frameUrl, () => parentAddressOf(tabId, frameId, tabUrl));
}

async function parentAddressOf(tabId: number, frameId: number, tabUrl: string): Promise<string | undefined> {
  const frame = await browser.webNavigation.getFrame({ tabId, frameId }).catch(() => null);
  if (!frame || frame.parentFrameId < 0) return undefined;
  const parentId = frame.parentFrameId;
  if (parentId === 0) return tabAddressOf(tabId, tabUrl);
  const parent = await browser.webNavigation.getFrame({ tabId, frameId: parentId }).catch(() => null);
  return parent ? frameAddressOf(tabId, parentId, parent.url, tabUrl) : undefined;
}

async function openerAddressOf(tabId: number, depth: number): Promise<string | undefined> {
  const key = creatorKey(tabId);
  const remembered = ((await browser.storage.session.get(key).catch(() => ({}))) as Record<string, unknown>)[key];
  if (typeof remembered === 'string') return remembered;
  // Not seen being created (the worker was asleep): the tab the browser names as its opener.
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  const opener = tab?.openerTabId === undefined ? undefined : await browser.tabs.get(tab.openerTabId).catch(() => undefined);
  return opener?.id !== undefined && opener.url !== undefined ? tabAddressOf(opener.id, opener.url, depth) : undefined;
}

/**
 * A page opened a new tab or window (`window.open`, a link with target=_blank): remember the
 * address of the frame that did, for as long as the new tab lives, so that an about:blank
 * popup it writes into is judged as that frame would be.
 */
export async function rememberCreator(details: { sourceTabId: number; sourceFrameId: number; tabId: number }): Promise<void> {
  const [sourceTab, sourceFrame] = await Promise.all([
    browser.tabs.get(details.sourceTabId).catch(() => undefined),
    browser.webNavigation.getFrame({ tabId: details.sourceTabId, frameId: details.sourceFrameId }).catch(() => null),
  ]);
  if (sourceTab?.url === undefined || !sourceFrame) return;
  const address = await frameAddressOf(details.sourceTabId, details.sourceFrameId, sourceFrame.url, sourceTab.url);
  if (address !== undefined) await browser.storage.session.set({ [creatorKey(details.tabId)]: address });
}

export async function forgetCreator(tabId: number): Promise<void> {
  await browser.storage.session.remove(creatorKey(tabId));
}

/**
 * The frame's and tab's addresses as the browser reports them, for the very document that was
 * read; undefined when the frame has moved on to another document since (that one is read
 * when it has loaded).
 */
export async function senderOfReading(tabId: number, { frameId, documentId }: { frameId: number; documentId?: string }): Promise<ContentSender | undefined> {
  const [tab, frame] = await Promise.all([
    browser.tabs.get(tabId).catch(() => undefined),
    browser.webNavigation.getFrame({ tabId, frameId }).catch(() => undefined),
  ]);
  const frameDocument = (frame as { documentId?: string } | null | undefined)?.documentId;
  if (tab?.url === undefined || !frame || (documentId !== undefined && frameDocument !== undefined && frameDocument !== documentId)) return undefined;
  // As for a message (see the router).
  const frameUrl = reportedFrameAddress(frameId, tab.url, frame.url);
  return frameUrl === undefined ? undefined : { tabId, frameId, tabUrl: tab.url, frameUrl, documentId };
}
