import { z } from 'zod';
import { pageSignalsSchema, type PageSignals } from '../core/signals/page-signals';
import type { PageAnswer } from '../protocol/messages';
import { ADDRESS_ANSWER, answerShowsSomething, pageUiInFrame, readPageInFrame, showInFrame, suspendAlertInFrame, type ShowResult } from '../protocol/page-api';
import type { ContentSender } from '../protocol/router';
import type { JudgedAnswer, PageDocument } from './page-answers';

/**
 * The background's conversation with each document: read it, judge the reading, put the page
 * UI in if it is missing, show the answer. Every answer a document is shown goes through here,
 * whatever started it (the document loaded, the page reported itself, the lists changed, a
 * call started), so there is one rule for each step:
 *
 * - a reading is checked like a message (it comes from inside a page);
 * - whether the page UI is in a document is asked of the document's isolated world itself, by
 *   the extension's own code, at the moment of showing: never taken from the page's word;
 * - a document is answered when its answer shows something, when it shows something now (to
 *   take it away), and whenever it holds a password field: its content script holds what is
 *   typed into one until it knows whether the field is guarded (content/password-guard).
 */

/** One frame's result of `scripting.executeScript`. */
export interface InjectionResult {
  frameId: number;
  documentId?: string;
  result?: unknown;
}

/** One document (or, without its id, whatever is in that frame now) of a tab. */
export type FrameTarget = { tabId: number; documentIds: string[] } | { tabId: number; frameIds: number[] } | { tabId: number; allFrames: true };

type Injection = { target: FrameTarget } & ({ func: (...args: never[]) => unknown; args?: unknown[] } | { files: string[] });

export interface ConversationDeps {
  /** `scripting.executeScript`, with `injectImmediately` set by this module. */
  executeScript(injection: Injection & { injectImmediately?: boolean }): Promise<InjectionResult[]>;
  /** The page UI's built file (content/page-ui). */
  pageUiFile: string;
  /** The tab's and the frame's addresses as the browser reports them, for the document that was read; undefined when it has moved on. */
  senderOf(tabId: number, result: InjectionResult): Promise<ContentSender | undefined>;
  describe(sender: ContentSender): Promise<PageDocument>;
  answer(document: PageDocument, signals: PageSignals): Promise<JudgedAnswer>;
  answerFromAddress(document: PageDocument): Promise<PageAnswer>;
}

/** What a document's content script gives a reading as (protocol/page-api's PageReading), checked like a message. */
export const readingSchema = z.object({ signals: pageSignalsSchema, reading: z.number().int().nonnegative(), showing: z.boolean() }).strict().nullable();

export function frameTargetOf(tabId: number, frameId: number, documentId: string | undefined): FrameTarget {
  return documentId === undefined ? { tabId, frameIds: [frameId] } : { tabId, documentIds: [documentId] };
}

export const documentTarget = ({ tabId, frameId, documentId }: { tabId: number; frameId: number; documentId?: string | undefined }): FrameTarget =>
  frameTargetOf(tabId, frameId, documentId);

export interface PageConversation {
  /** Reads the tab's documents (all frames, or one), judges each reading and shows each answer. */
  readTab(tabId: number, options?: { frameId?: number }): Promise<void>;
  /**
   * Reads one document that has just been parsed, handing it the answer from its address with
   * the reading: its guard then knows where it stands, and the reading's answer goes back only
   * where it shows something (or takes something away), not to every page with a password field.
   */
  readDocument(document: { tabId: number; frameId: number; documentId: string }): Promise<void>;
  /** A document reported itself: the answer goes back as the reply, with the page UI put in first where it shows something. */
  answerReport(sender: ContentSender, signals: PageSignals): Promise<PageAnswer>;
  /** A navigation committed: what the address alone says is shown at once, before the page has loaded. */
  answerAtCommit(sender: ContentSender): Promise<void>;
  /** Before a reply the content script shows itself (the camera prompt). */
  ensurePageUi(target: FrameTarget): Promise<void>;
  /** A frame of the tab shows a modal warning, or no longer does: the top frame's alert makes way meanwhile. */
  suspendTopAlert(tabId: number, suspended: boolean): Promise<void>;
}

export function createPageConversation(deps: ConversationDeps): PageConversation {
  const run = (injection: Injection): Promise<InjectionResult[]> => deps.executeScript({ ...injection, injectImmediately: true });

  const ensurePageUi = async (target: FrameTarget): Promise<void> => {
    const [present] = await run({ target, func: pageUiInFrame });
    if (present?.result !== true) await run({ target, files: [deps.pageUiFile] });
  };

  const show = async (target: FrameTarget, answer: PageAnswer, reading: number): Promise<void> => {
    const needsUi = answerShowsSomething(answer);
    const showOnce = async (): Promise<ShowResult | undefined> => (await run({ target, func: showInFrame, args: [answer, reading, needsUi] }))[0]?.result as ShowResult | undefined;
    if ((await showOnce()) !== 'needs-ui') return;
    await run({ target, files: [deps.pageUiFile] });
    await showOnce();
  };

  const judge = async (document: PageDocument, signals: PageSignals): Promise<PageAnswer> => {
    const { answer, tabChanged } = await deps.answer(document, signals);
    // The top frame shows the tab's alert: it has to hear about what this frame added.
    if (tabChanged) void conversation.readTab(document.tabId, { frameId: 0 }).catch(logFailure(document.tabId, 0));
    return answer;
  };

  const readOne = async (tabId: number, result: InjectionResult, addressAnswered = false): Promise<void> => {
    const parsed = readingSchema.safeParse(result.result ?? null);
    if (!parsed.success) {
      console.warn(`Telehealth Guard: frame ${result.frameId} of tab ${tabId} gave a malformed reading:`, parsed.error.issues);
      return;
    }
    if (parsed.data === null) return;
    const sender = await deps.senderOf(tabId, result);
    if (!sender) return;
    const { signals, reading, showing } = parsed.data;
    const answer = await judge(await deps.describe(sender), signals);
    // A password field needs an answer for the guard, unless the address answer has given it.
    if (!answerShowsSomething(answer) && !showing && (addressAnswered || signals.passwordFields === 0)) return;
    await show(frameTargetOf(tabId, result.frameId, result.documentId), answer, reading).catch(() => {
      // The frame has moved on to another document: that one is read when it has loaded.
    });
  };

  const conversation: PageConversation = {
    async readTab(tabId, { frameId } = {}) {
      const target: FrameTarget = frameId === undefined ? { tabId, allFrames: true } : { tabId, frameIds: [frameId] };
      // A frame without our content script (a page not on the web, a document still being
      // created) gives nothing: it is read when it has loaded, or reports itself.
      const results = await run({ target, func: readPageInFrame, args: [false] }).catch(() => []);
      await Promise.all(results.map((result) => readOne(tabId, result).catch(logFailure(tabId, result.frameId))));
    },
    async readDocument({ tabId, frameId, documentId }) {
      try {
        const sender = await deps.senderOf(tabId, { frameId, documentId });
        // The frame has moved on to another document: that one is read when it has loaded.
        if (!sender) return;
        const addressAnswer = await deps.answerFromAddress(await deps.describe(sender));
        // Only into this very document (by its id): another one's address answer could disarm its guard.
        const target = frameTargetOf(tabId, frameId, documentId);
        // An answer that shows something needs the page UI in first (the one given at commit may not have arrived).
        if (answerShowsSomething(addressAnswer)) await ensurePageUi(target);
        const results = await run({ target, func: readPageInFrame, args: [addressAnswer] }).catch(() => []);
        await Promise.all(results.map((result) => readOne(tabId, result, true).catch(logFailure(tabId, result.frameId))));
      } catch (error) {
        logFailure(tabId, frameId)(error);
      }
    },
    async answerReport(sender, signals) {
      const answer = await judge(await deps.describe(sender), signals);
      // The content script shows the reply itself: it needs the page UI for that.
      if (answerShowsSomething(answer)) await ensurePageUi(documentTarget(sender));
      return answer;
    },
    async answerAtCommit(sender) {
      const answer = await deps.answerFromAddress(await deps.describe(sender));
      if (answerShowsSomething(answer)) await show(documentTarget(sender), answer, ADDRESS_ANSWER);
    },
    ensurePageUi,
    async suspendTopAlert(tabId, suspended) {
      await run({ target: { tabId, frameIds: [0] }, func: suspendAlertInFrame, args: [suspended] });
    },
  };
  return conversation;
}

function logFailure(tabId: number, frameId: number): (error: unknown) => void {
  return (error) => {
    console.error(`Telehealth Guard: could not judge frame ${frameId} of tab ${tabId}:`, error);
  };
}
