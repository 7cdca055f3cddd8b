import { z } from 'zod';
import type { Verdict } from '../core/findings/assess';
import type { CallState } from '../core/signals/call-state';
import type { CallReply } from './call';
import type { Finding } from '../core/findings/findings';
import type { GuardTarget } from '../core/findings/guard-target';
import { normalizeHost } from '../core/hostname';
import { pageSignalsSchema, type PageSignals } from '../core/signals/page-signals';
import { SIGNAL_LIMITS } from '../core/signals/signal-limits';
import { PASSWORD_MAX_LENGTH } from '../core/passwords/password-length';
import type { TrackerSighting } from '../core/trackers/tracker-sightings';
import { adminPageMessageSchemas, type AdminReplyTypes } from './admin-messages';
import { linkCheckMessageSchemas, type LinkCheckReplyTypes } from './link-check-messages';

/** A password as a message carries it: its length is capped, its text is never logged (router) or stored. */
const passwordSchema = z.string().min(1).max(PASSWORD_MAX_LENGTH);

/** A rating as the rater gives it (core/passwords/strength): the rater's own words, bounded. */
const strengthSchema = z
  .object({
    score: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    warning: z.string().min(1).max(200).optional(),
    suggestions: z.array(z.string().min(1).max(200)).max(6),
  })
  .strict();

/**
 * Messages content scripts may send: a closed list, because content scripts run inside
 * pages the extension does not trust. None of them names a site: the background takes the
 * frame's and the tab's addresses from the browser.
 */
export const contentMessageSchema = z.discriminatedUnion('type', [
  /** The document reports itself (it changed after it was read, or it has had no answer); `reading` numbers it as the background's readings are (protocol/page-api). */
  z.object({ type: z.literal('page-signals'), signals: pageSignalsSchema, reading: z.number().int().positive() }).strict(),
  /** "I trust this site": the look-alike this frame is guarded against, as the background judges it. */
  z.object({ type: z.literal('dismiss-lookalike-guard') }).strict(),
  /** The page-world hook saw a call start; for a camera or screen request the reply says whether to ask the user. */
  z.object({ type: z.literal('call-activity'), activity: z.enum(['camera-or-microphone', 'screen', 'peer-connection', 'frame-encryption']) }).strict(),
  /** The user started typing in this frame: if it is a chat widget, the top frame shows the one-time caution. */
  z.object({ type: z.literal('chat-typing') }).strict(),
  /** The user started typing in the top frame: where the page sends to advertising or session replay, the one-time caution. */
  z.object({ type: z.literal('form-typing') }).strict(),
  /** A frame shows a modal warning (`open`), or no longer does: the top frame's alert makes way meanwhile. */
  z.object({ type: z.literal('frame-modal'), open: z.boolean() }).strict(),
  /** The page keeps removing or covering the warning: the background may put its own warning page in its place. */
  z.object({ type: z.literal('warning-fought') }).strict(),
  /** At the first password typed in this document: whether to report sign-ins and typed passwords at all (PasswordMode). */
  z.object({ type: z.literal('password-mode') }).strict(),
  /** The user's first key in this document: the background injects the password watch where there is something to watch. */
  z.object({ type: z.literal('password-watch') }).strict(),
  /** A sign-in with this password in this document: on a sign-in site, its fingerprint is kept (never the password). */
  z.object({ type: z.literal('password-sign-in'), password: passwordSchema }).strict(),
  /** A password typed in this document, to be checked against the protected ones; `formAction` is where its form posts. */
  z
    .object({
      type: z.literal('password-check'),
      password: passwordSchema,
      /** Which field of the document (numbered by the content script): checks are paced per field. */
      field: z.number().int().nonnegative().max(10_000),
      formAction: z.string().max(SIGNAL_LIMITS.url).optional(),
    })
    .strict(),
  /** A new password is being typed on a sign-up or change form: the rater goes in (on a sign-in site only). */
  z.object({ type: z.literal('password-rater') }).strict(),
  /** The new password's strength (never the password), or `null`: no longer weak. */
  z.object({ type: z.literal('password-strength'), strength: strengthSchema.nullable() }).strict(),
]);

/** What the content script watches for in a document's password fields (background/password-handlers). */
export interface PasswordMode {
  /** A sign-in site: a sign-in's password is protected, and new passwords on its sign-up and change forms are rated. */
  signInSite: boolean;
  /** Some other platform's password is protected: typed passwords are checked. */
  check: boolean;
}

/** A hostname as the popup got it (a `get-popup-view` answer's `trusted`): normalised, so it matches the stored key. */
const hostSchema = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[a-z0-9.-]+$/i, 'must be an ASCII hostname')
  .transform((host) => normalizeHost(host));

/**
 * The popup's one question about a tab: what to show, in a single answer (`PopupView`), so
 * that the popup loads neither the lookalike engine nor the public suffix list, and paints
 * its verdict after one round trip.
 */
export const popupViewRequestSchema = z.object({ type: z.literal('get-popup-view'), tabId: z.number().int().nonnegative() }).strict();

/** Messages the extension's own pages (popup, options) may send. */
export const extensionPageMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('get-tab-state'), tabId: z.number().int().nonnegative() }).strict(),
  popupViewRequestSchema,
  z.object({ type: z.literal('undo-dismissal'), host: hostSchema }).strict(),
  // Admin policy, remote list, the user's own list (admin-messages.ts).
  ...adminPageMessageSchemas,
  // The popup's link check (link-check-messages.ts).
  ...linkCheckMessageSchemas,
]);

export type ContentMessage = z.infer<typeof contentMessageSchema>;
export type ExtensionPageMessage = z.infer<typeof extensionPageMessageSchema>;

/** What one frame (not the top one) added to its tab's verdict, and under which tab address. */
export interface FrameReport {
  frameId: number;
  /** The frame's address as the browser reported it. */
  frameUrl: string;
  /** The tab's address when the frame reported: a report made under another one is stale. */
  tabUrl: string;
  findings: Finding[];
}

export interface TabTrackers {
  documentId?: string;
  sightings: TrackerSighting[];
}

/**
 * Password findings of the tab's page (a reused protected password, a weak new one), made
 * under `url` in the top document `documentId` (where the browser gives one): never the
 * password, only whose it is or its strength score. A reuse warning may be carried over from
 * the page before (tab-verdicts says when).
 */
export interface TabPasswords {
  url: string;
  documentId?: string;
  at: number;
  findings: Finding[];
}

/** What the background keeps per tab in `storage.session`. */
export interface TabState {
  tabId: number;
  url: string;
  /** The top frame's verdict plus what its frames added (see core/findings/frame-findings). */
  verdict: Verdict;
  /** What the content script reported; `null` until it does, and the verdict is address-only. */
  signals: PageSignals | null;
  /** Frames that added findings; empty for most pages. */
  frames: FrameReport[];
  /** What the top frame's page-world hook reported of a call; absent until a call starts. */
  call?: CallState;
  /**
   * Requests the browser saw the tab send to catalog trackers since its top document was
   * committed (`documentId`, where the browser gives one): catalog endpoints and hosts only,
   * never a request's own path or query. Absent until the first one.
   */
  trackers?: TabTrackers;
  /** Absent until a password finding. */
  passwords?: TabPasswords;
  updatedAt: number;
}

/** The user's "I trust this site" for a look-alike host, kept in `storage.local`. */
export interface Dismissal {
  /** The look-alike host, as the browser reported it when the user trusted it. */
  host: string;
  /** The real domain it imitates, so the popup can say what was waved through. */
  target: string;
  /** When (epoch ms). */
  at: number;
}

/** The background's answer to a reading of a document, or to its own report (protocol/page-api): what it shows. */
export interface PageAnswer {
  /** What the in-page alert shows: the tab's verdict less trusted sites' look-alike findings; null in frames. */
  alert: Verdict | null;
  /** Arms the password-field guard in this frame; null when there is nothing to guard or the user trusts the site. */
  guard: GuardTarget | null;
}

/** What the popup shows for a tab (background/popup-handlers): all it needs the background's lists or engine for is worked out there. */
export interface PopupView {
  /** As `get-tab-state` answers: null for a page the extension does not judge. */
  state: TabState | null;
  /** The sites the user chose to trust among the look-alikes this tab warns about (its own and its frames'), newest first. */
  trusted: Dismissal[];
}

/** Why a request failed, where the page acts on it: a full storage, already said plainly in `error`. */
export type FailureReason = 'storage-full';

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string; reason?: FailureReason };

export interface ReplyTypes {
  'page-signals': PageAnswer;
  'dismiss-lookalike-guard': Dismissal;
  /** Null for activity that needs no answer (a peer connection, frame encryption). */
  'call-activity': CallReply | null;
  'chat-typing': null;
  'form-typing': null;
  'frame-modal': null;
  'password-mode': PasswordMode;
  /** Whether the password watch is now in the document. */
  'password-watch': boolean;
  'password-sign-in': null;
  /** Whether the tab's verdict changed. */
  'password-check': boolean;
  /** Whether the rater is in the document. */
  'password-rater': boolean;
  'password-strength': null;
  /** Whether the page was replaced by the extension's warning page. */
  'warning-fought': boolean;
  'get-tab-state': TabState | null;
  'get-popup-view': PopupView;
  /** False when there was no such dismissal. */
  'undo-dismissal': boolean;
  // Admin policy, remote list, the user's own list (admin-messages.ts).
  'get-admin-status': AdminReplyTypes['get-admin-status'];
  'refresh-remote-list': AdminReplyTypes['refresh-remote-list'];
  'add-user-domain': AdminReplyTypes['add-user-domain'];
  'remove-user-domain': AdminReplyTypes['remove-user-domain'];
  'forget-protected-password': AdminReplyTypes['forget-protected-password'];
  // The popup's link check (link-check-messages.ts).
  'check-link': LinkCheckReplyTypes['check-link'];
}
