import browser from 'webextension-polyfill';
import { z } from 'zod';
import { pageSignalsSchema, type PageSignals } from '../core/page-signals';
import { lookalikeHosts } from '../core/trusted-sites';
import type { PageReport } from '../protocol/messages';
import { answerShowsSomething, readPageInFrame, showInFrame } from '../protocol/page-api';
import { frameAddressOf, type ContentSender } from '../protocol/router';
import { frameTargetOf, injectPageUi } from './page-ui-injection';
import { readTabState } from './tab-state-store';

export interface AskToReportOptions {
  /** Only this frame; every frame of the tab by default. */
  frameId?: number;
}

type ReportHandler = (sender: ContentSender, signals: PageSignals) => Promise<PageReport>;

/** What judges a reading: page-reports' handler, set by the worker's entry point (it sits above this module). */
let judgeReading: ReportHandler | undefined;
export function judgeReadingsWith(handler: ReportHandler): void {
  judgeReading = handler;
}

/** What a frame's content script answers; it runs inside a page, so it is checked like a message. */
const readingSchema = z
  .object({ signals: pageSignalsSchema, reading: z.number().int().nonnegative(), showing: z.boolean(), ui: z.boolean() })
  .strict()
  .nullable();

interface InjectionResult {
  frameId: number;
  documentId?: string;
  result?: unknown;
}

/**
 * The frame's and tab's addresses as the browser reports them, for the very document that was
 * read; undefined when the frame has moved on to another document since (that one is read when
 * it has loaded).
 */
async function senderOf(tabId: number, { frameId, documentId }: InjectionResult): Promise<ContentSender | undefined> {
  const [tab, frame] = await Promise.all([
    browser.tabs.get(tabId).catch(() => undefined),
    browser.webNavigation.getFrame({ tabId, frameId }).catch(() => undefined),
  ]);
  const frameDocument = (frame as { documentId?: string } | null | undefined)?.documentId;
  if (tab?.url === undefined || !frame || (documentId !== undefined && frameDocument !== undefined && frameDocument !== documentId)) return undefined;
  // As for a message (see the router).
  const frameUrl = frameAddressOf(frameId, tab.url, frame.url);
  return frameUrl === undefined ? undefined : { tabId, frameId, tabUrl: tab.url, frameUrl };
}

async function judgeAndShow(tabId: number, result: InjectionResult): Promise<void> {
  const parsed = readingSchema.safeParse(result.result ?? null);
  if (!parsed.success) {
    console.warn(`Telehealth Guard: frame ${result.frameId} of tab ${tabId} gave a malformed reading:`, parsed.error.issues);
    return;
  }
  if (parsed.data === null) return;
  if (!judgeReading) throw new Error('no handler for page readings: judgeReadingsWith() was not called');
  const sender = await senderOf(tabId, result);
  if (!sender) return;
  const { signals, reading, showing, ui } = parsed.data;
  const answer = await judgeReading(sender, signals);
  // Nothing to show and nothing shown to take away: the page needs no answer.
  const shows = answerShowsSomething(answer);
  if (!shows && !showing) return;
  const target = frameTargetOf(tabId, result.frameId, result.documentId);
  try {
    if (shows && !ui) await injectPageUi(target);
    await browser.scripting.executeScript({ target, func: showInFrame, args: [answer, reading] });
  } catch {
    // The frame has moved on to another document: that one is read when it has loaded.
  }
}

/**
 * Reads the page in a tab's frames (all of them by default) and shows each frame the
 * background's answer: at first load, and whenever what a page is judged by changes (the
 * lists, a trusted site, another frame's findings, the tab's address without a new
 * document). A frame without our content script (a page that is not on the web, a document
 * still being created) gives nothing, which is normal: it is read when it has loaded.
 */
export async function askToReport(tabId: number, { frameId }: AskToReportOptions = {}): Promise<void> {
  const target = frameId === undefined ? { tabId, allFrames: true } : { tabId, frameIds: [frameId] };
  const results = (await browser.scripting.executeScript({ target, func: readPageInFrame }).catch(() => [])) as InjectionResult[];
  await Promise.all(
    results.map((result) =>
      judgeAndShow(tabId, result).catch((error: unknown) => {
        console.error(`Telehealth Guard: could not judge frame ${result.frameId} of tab ${tabId}:`, error);
      }),
    ),
  );
}

/** After the user trusts a site or takes it back: every frame of every tab that warns about it. */
export async function askTabsShowingHostToReport(host: string): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async ({ id }) => {
      if (id === undefined) return;
      const state = await readTabState(id);
      if (state && lookalikeHosts(state.verdict).includes(host)) await askToReport(id);
    }),
  );
}
