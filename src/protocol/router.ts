import type { z } from 'zod';
import {
  contentMessageSchema,
  extensionPageMessageSchema,
  type ContentMessage,
  type ExtensionPageMessage,
  type Reply,
  type ReplyTypes,
} from './messages';
import { StorageFullError } from '../core/storage-full';

/** The parts of `runtime.MessageSender` the router looks at. */
export interface Sender {
  id?: string | undefined;
  url?: string | undefined;
  frameId?: number | undefined;
  /** Chrome 106 and later: the sending document. */
  documentId?: string | undefined;
  tab?: { id?: number | undefined; url?: string | undefined } | undefined;
}

/** A content script's sender, reduced to what the browser itself vouches for. */
export interface ContentSender {
  tabId: number;
  /** 0 for the top frame. */
  frameId: number;
  /** The tab's address as the browser reports it, never as the page claims. */
  tabUrl: string;
  /** The sending frame's own address as the browser reports it (`sender.url`); the tab's for the top frame. */
  frameUrl: string;
  /** The sending document, where the browser says (to show it something, and nothing else). */
  documentId?: string | undefined;
  /**
   * The sending document's own address as the browser reports it (`sender.url`). For the top
   * frame it is `tabUrl` but while the tab moves on: a message sent as a page is left comes
   * with the next page's `tabUrl` (password-handlers judge such a message by this).
   */
  documentUrl?: string | undefined;
}

/**
 * The address a content script's frame is judged by. The top frame speaks for the tab's
 * address, which the browser keeps up to date; a frame must come with its own (as the browser
 * reports it), or it could be judged by an address it does not have.
 */
export function frameAddressOf(frameId: number, tabUrl: string, reportedFrameUrl: string | undefined): string | undefined {
  return frameId === 0 ? tabUrl : reportedFrameUrl;
}

type Handlers<M extends { type: string }, S> = {
  [K in M['type']]: (message: Extract<M, { type: K }>, sender: S) => Promise<K extends keyof ReplyTypes ? ReplyTypes[K] : never>;
};

export interface RouterOptions {
  extensionId: string;
  /** `chrome-extension://<id>/`: pages under it are the extension's own. */
  extensionOrigin: string;
  content: Handlers<ContentMessage, ContentSender>;
  pages: Handlers<ExtensionPageMessage, Sender>;
}

export type Router = (message: unknown, sender: Sender) => Promise<Reply<unknown>> | undefined;

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(message)'}: ${issue.message}`).join('; ');
}

/**
 * One entry point for every message. Order matters: a message from another extension or a
 * web page is dropped before anything reads it; then the schema for the sender's kind
 * decides, so a content script can never call an extension-page handler.
 */
export function createRouter(options: RouterOptions): Router {
  return (message, sender) => {
    if (sender.id !== options.extensionId) return undefined;
    const fromExtensionPage = sender.url?.startsWith(options.extensionOrigin) === true;

    if (fromExtensionPage) {
      const parsed = extensionPageMessageSchema.safeParse(message);
      if (!parsed.success) return Promise.resolve({ ok: false, error: `rejected message: ${describeIssues(parsed.error)}` });
      return dispatch(options.pages, parsed.data, sender);
    }

    const tabId = sender.tab?.id;
    const tabUrl = sender.tab?.url;
    if (tabId === undefined || tabUrl === undefined) {
      return Promise.resolve({ ok: false, error: 'rejected message: content script sender has no tab' });
    }
    const frameId = sender.frameId ?? 0;
    const frameUrl = frameAddressOf(frameId, tabUrl, sender.url);
    if (frameUrl === undefined) {
      return Promise.resolve({ ok: false, error: 'rejected message: frame sender has no address' });
    }
    const parsed = contentMessageSchema.safeParse(message);
    if (!parsed.success) return Promise.resolve({ ok: false, error: `rejected message: ${describeIssues(parsed.error)}` });
    return dispatch(options.content, parsed.data, { tabId, tabUrl, frameId, frameUrl, documentId: sender.documentId, documentUrl: sender.url });
  };
}

/** Calls the handler for the message's type; the closed lists above say which exist. */
function dispatch<M extends { type: string }, S>(handlers: Handlers<M, S>, message: M, sender: S): Promise<Reply<unknown>> {
  const handler = handlers[message.type as M['type']] as (message: M, sender: S) => Promise<unknown>;
  return settle(handler(message, sender));
}

async function settle<T>(work: Promise<T>): Promise<Reply<T>> {
  try {
    return { ok: true, value: await work };
  } catch (error) {
    return failureReply(error);
  }
}

/** A handler's error as the page receives it: its message, and the reason where the page acts on one. */
export function failureReply(error: unknown): Extract<Reply<never>, { ok: false }> {
  if (error instanceof StorageFullError) return { ok: false, error: error.message, reason: error.reason };
  return { ok: false, error: error instanceof Error ? error.message : String(error) };
}
