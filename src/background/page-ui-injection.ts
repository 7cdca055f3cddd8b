import browser from 'webextension-polyfill';
import type { ContentSender } from '../protocol/router';
// The built file's name (crxjs builds it as a script of its own, in the IIFE format a
// content script needs): see content/page-ui-contract.
import pageUiScript from '../content/page-ui.ts?script&iife';

/** One document (or, without its id, whatever is in that frame now) of a tab. */
export type FrameTarget = { tabId: number; documentIds: string[] } | { tabId: number; frameIds: number[] };

export function frameTargetOf(tabId: number, frameId: number, documentId: string | undefined): FrameTarget {
  return documentId === undefined ? { tabId, frameIds: [frameId] } : { tabId, documentIds: [documentId] };
}

/** The document a message came from. */
export const senderTarget = ({ tabId, frameId, documentId }: ContentSender): FrameTarget => frameTargetOf(tabId, frameId, documentId);

/**
 * Puts the page UI into the content script's world of that document, before the background
 * asks it to show anything there. Injecting it where it is already leaves the first copy.
 */
export async function injectPageUi(target: FrameTarget): Promise<void> {
  await browser.scripting.executeScript({ target, files: [pageUiScript] });
}
