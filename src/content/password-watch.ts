import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../core/passwords/password-length';
import type { PasswordMode } from '../protocol/messages';
import { PASSWORD_SELECTOR } from './password-fields';
import type { TypingRecord } from './typing-record';
import { attribute, formActionOf, formOfInput, queryAll, rootNodeOf } from './safe-dom';

/**
 * Password hygiene, in the page: what the user types into password fields goes to the
 * background, which alone holds the fingerprints and does the hashing (background/
 * password-handlers), so the page's main thread does nothing but read the field.
 *
 * - Every site, while another platform's password is protected: a field's value is sent to be
 *   checked at each key the user types into it (the background paces the checks: only the
 *   newest value waits), and once more when the field loses focus, the form is submitted or
 *   the page is left: the warning comes as soon as the protected password is complete, before
 *   any submit, however the page submits it.
 * - A sign-in site (the background says which): the password the user typed is sent once to be
 *   protected, at a sign-in the user makes (Enter, their click on a button, their submit) or as
 *   the page is left with it typed (a form the site submits by script); on a sign-up or change
 *   form, the new password is rated as it is typed (zxcvbn, loaded there only).
 * - Keys that reach no field the watch reads (the page swallows them, or draws its own field on
 *   an element that shows no typing): the characters typed there are checked as a password
 *   would be, once typing pauses (at most 20 times a document).
 *
 * What counts is the user's own typing: trusted key, paste and drop events into the field. A
 * page can make trusted input events itself (document.execCommand), so an input event alone
 * never starts a check, and a field only the page wrote in is never checked.
 * Nothing is kept here but references to fields and counts of their edits, and the characters
 * of the keys typed since the focus last moved, for at most BUFFER_IDLE_MS after the last one.
 */

export interface PasswordWatchDeps {
  mode(): Promise<PasswordMode | undefined>;
  signIn(password: string): Promise<unknown>;
  /** `field`: the field's number in this document (0: swallowed keys), for the background's pacing. */
  check(password: string, field: number, formAction: string | undefined): Promise<unknown>;
  /** The user typed into a new-password field of a sign-in site: the rater (loaded the first time) rates it. */
  rateNewPassword(field: HTMLInputElement): void;
}

export interface PasswordWatch {
  /** One of the user's own keys or texts (password-watch-stub hears them, from the start). */
  handle(record: TypingRecord): void;
  /** `document.open()` took every listener off the window: the watch's own go back on. */
  listenAgain(): void;
}

/** Where typed characters show as they are typed: a text field or an editable element (not a password one: see secretFieldOf). */
function showsTyping(node: Element | null): boolean {
  if (!node) return false;
  if (node.nodeName === 'TEXTAREA') return true;
  if (node.nodeName === 'INPUT') return true;
  return (node as HTMLElement).isContentEditable;
}

/** A one-time code or PIN (digits only, or a field that says so) is no password to protect. */
const isOneTimeCode = (field: HTMLInputElement, value: string): boolean =>
  /^\d{4,8}$/.test(value) || /\bone-time-code\b/i.test(attribute(field, 'autocomplete') ?? '');

const checkable = (value: string): boolean => value.length >= PASSWORD_MIN_LENGTH && value.length <= PASSWORD_MAX_LENGTH;

function formActionFor(field: HTMLInputElement): string | undefined {
  const form = formOfInput(field);
  return form ? formActionOf(form) : undefined;
}

/**
 * A field where a new password is made: `autocomplete="new-password"`, or, where the page says
 * nothing, the first of several password fields of a form (sign-up: password and repeat;
 * change: the new one when the current one is marked). Only the first new-password field of its
 * form is rated: its repeat says nothing new.
 */
function isNewPasswordField(field: HTMLInputElement): boolean {
  const scope = formOfInput(field) ?? rootNodeOf(field);
  const fields = queryAll(scope, PASSWORD_SELECTOR) as HTMLInputElement[];
  const marked = (other: HTMLInputElement): string => (attribute(other, 'autocomplete') ?? '').toLowerCase();
  const candidates = fields.filter((other) => /\bnew-password\b/.test(marked(other)) || (fields.length > 1 && !/\bcurrent-password\b/.test(marked(other))));
  return candidates[0] === field;
}

/** How long the mode is trusted before it is asked again: a sign-in in another tab may protect a password meanwhile. */
const MODE_FRESH_MS = 5_000;
/** Swallowed keys are forgotten after this long without one (Password Alert's figure). */
const BUFFER_IDLE_MS = 10_000;
/** Swallowed keys are checked from this many on (the platforms ask for 8 or more), up to this many. */
const BUFFER_MIN_LENGTH = 8;
const BUFFER_MAX_LENGTH = 64;
/** Swallowed keys are checked once typing pauses this long (or at Enter or Tab), not at every key: pages that take keys (games, editors) type a lot. */
const BUFFER_PAUSE_MS = 400;
/** At most this many checks of swallowed keys per document: a game played for an hour asks no more. */
const MAX_BUFFER_CHECKS = 20;

const SUBMITTERS = 'button, input[type="submit" i], input[type="image" i], input[type="button" i], [role="button" i]';

/**
 * A key that writes one character (not Tab, an arrow, a shortcut, a key held down). Alt and
 * Option write characters (€, @ on many keyboards); Ctrl with Alt is AltGr on Windows.
 */
const isCharacterKey = (key: TypingRecord): boolean => key.key.length === 1 && !key.repeat && !key.metaKey && (!key.ctrlKey || key.altKey);

interface FieldState {
  /** The field's number in this document, for the background's pacing (0 is swallowed keys). */
  id: number;
  /** Input events into it, and how many of them the last check had seen. */
  edits: number;
  checked: number;
  /** The user's own keys, paste or drop went into it. */
  typed: boolean;
  /** Edits when its password was last sent to be protected. */
  signedIn: number;
}

export function createPasswordWatch(win: Window, deps: PasswordWatchDeps): PasswordWatch {
  let mode: { value: PasswordMode; at: number } | undefined;
  const modeNow = async (): Promise<PasswordMode | undefined> => {
    if (mode && Date.now() - mode.at < MODE_FRESH_MS) return mode.value;
    // A failed question is asked again next time: it is not kept.
    const value = await deps.mode().catch(() => undefined);
    if (value) mode = { value, at: Date.now() };
    return value;
  };

  const states = new WeakMap<HTMLInputElement, FieldState>();
  let nextId = 1;
  const stateOf = (field: HTMLInputElement): FieldState => {
    let state = states.get(field);
    if (!state) {
      state = { id: nextId++, edits: 0, checked: 0, typed: false, signedIn: -1 };
      states.set(field, state);
    }
    return state;
  };

  /** The password field the user's last key, paste or drop went to; the last one they typed into. */
  let keyField: HTMLInputElement | undefined;
  let lastTyped: HTMLInputElement | undefined;

  /** Checks what a field holds now, if the user typed into it (a field only the page wrote in is not the user's password). */
  const checkNow = async (field: HTMLInputElement | undefined): Promise<void> => {
    if (!field) return;
    const state = stateOf(field);
    if (!state.typed || state.checked === state.edits) return;
    if ((await modeNow())?.check !== true || state.checked === state.edits) return;
    state.checked = state.edits;
    const value = field.value;
    if (!checkable(value)) return;
    await deps.check(value, state.id, formActionFor(field)).catch(() => undefined);
  };

  const signInNow = async (field: HTMLInputElement | undefined): Promise<void> => {
    if (!field) return;
    const state = stateOf(field);
    if (!state.typed || state.signedIn === state.edits) return;
    if ((await modeNow())?.signInSite !== true || state.signedIn === state.edits) return;
    state.signedIn = state.edits;
    const password = field.value;
    if (checkable(password) && !isOneTimeCode(field, password)) await deps.signIn(password).catch(() => undefined);
  };

  /** The user is done with a field, or sends it: checked as it is now, and on a sign-in site protected (`signingIn`). */
  const done = (field: HTMLInputElement | undefined, signingIn: boolean): void => {
    void checkNow(field);
    if (signingIn) void signInNow(field);
  };

  /** On a sign-in site, each key into a new-password field goes to the rater (content/password-rater), loaded then. */
  const rateSoon = async (field: HTMLInputElement): Promise<void> => {
    if ((await modeNow())?.signInSite === true && isNewPasswordField(field)) deps.rateNewPassword(field);
  };

  // Keys that reach no field the watch reads: swallowed by the page (preventDefault), or typed
  // where nothing shows them (a page's own box drawn on a div or a canvas). What they spell since
  // the focus last moved is checked once typing pauses.
  let buffer = '';
  let bufferTarget: Element | null = null;
  let bufferAt = 0;
  let bufferTimer: ReturnType<typeof setTimeout> | undefined;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Some key of the buffer went nowhere visible: only then is it checked. */
  let bufferHidden = false;
  let bufferChecks = 0;
  const forgetBuffer = (): void => {
    buffer = '';
    bufferTarget = null;
    bufferHidden = false;
    clearTimeout(bufferTimer);
    clearTimeout(idleTimer);
  };
  const checkBuffer = async (): Promise<void> => {
    const typed = buffer;
    if (!bufferHidden || typed.length < BUFFER_MIN_LENGTH || typed.length > BUFFER_MAX_LENGTH || bufferChecks >= MAX_BUFFER_CHECKS) return;
    if ((await modeNow())?.check !== true) return;
    bufferChecks++;
    await deps.check(typed, 0, undefined).catch(() => undefined);
  };
  const onCharacterKey = (key: TypingRecord, target: Element | null): void => {
    const now = Date.now();
    if (target !== bufferTarget || now - bufferAt > BUFFER_IDLE_MS) forgetBuffer();
    bufferTarget = target;
    bufferAt = now;
    if (key.key === 'Backspace') {
      buffer = buffer.slice(0, -1);
      return;
    }
    if (!isCharacterKey(key)) return;
    buffer = (buffer + key.key).slice(-BUFFER_MAX_LENGTH - 1);
    // Once the page's own listeners have had the key: did it show anywhere?
    setTimeout(() => {
      if (key.event.defaultPrevented || !showsTyping(target)) bufferHidden = true;
    }, 0);
    clearTimeout(bufferTimer);
    bufferTimer = setTimeout(() => void checkBuffer(), BUFFER_PAUSE_MS);
    clearTimeout(idleTimer);
    idleTimer = setTimeout(forgetBuffer, BUFFER_IDLE_MS);
  };

  const handle = (record: TypingRecord): void => {
    switch (record.type) {
      case 'keydown':
        keyField = record.field;
        if (record.key === 'Enter' || record.key === 'Tab') {
          void checkBuffer();
          forgetBuffer();
          if (keyField) done(keyField, record.key === 'Enter');
          return;
        }
        // Every key goes to the buffer too: a page may swallow the keys of a real password field.
        onCharacterKey(record, record.target);
        return;
      case 'input': {
        const field = record.field;
        if (!field) return;
        const state = stateOf(field);
        state.edits++;
        // Text the page put in (execCommand) is checked with the user's keys, never on its own.
        if (field !== keyField) return;
        state.typed = true;
        lastTyped = field;
        if (!listeningForDone) listenForDone();
        void checkNow(field);
        void rateSoon(field);
        return;
      }
      default:
        // paste, drop, compositionstart: text the user puts in.
        keyField = record.field;
    }
  };

  type Listener = [string, (event: Event) => void];
  /** Whether the listeners for the end of typing are on: from the first password the user typed. */
  let listeningForDone = false;
  const listenForDone = (): void => {
    listeningForDone = true;
    for (const [type, listener] of doneListeners) win.addEventListener(type, listener, true);
  };

  // Only once a password was typed: a page with a beforeunload listener makes every navigation
  // away from it wait for its renderer, and most pages never see a password typed.
  const doneListeners: Listener[] = [
    // The buffer is not dropped here: a page can move the focus whenever it likes.
    [
      'focusout',
      () => {
        done(lastTyped, false);
      },
    ],
    // A submit however it came (the user's, or the page's requestSubmit(), whose event is trusted
    // too): what the user typed is checked, and on a sign-in site protected.
    [
      'submit',
      () => {
        done(lastTyped, true);
      },
    ],
    [
      'click',
      (event) => {
        const target = event.composedPath()[0];
        if (event.isTrusted && lastTyped && target instanceof Element && target.closest(SUBMITTERS)) done(lastTyped, true);
      },
    ],
    // Left with a password typed: a form the page submitted by script, or any navigation
    // (beforeunload comes as the navigation starts, pagehide as the page goes).
    [
      'beforeunload',
      () => {
        done(lastTyped, true);
      },
    ],
    [
      'pagehide',
      () => {
        done(lastTyped, true);
      },
    ],
  ];
  return {
    handle,
    listenAgain: () => {
      if (listeningForDone) listenForDone();
    },
  };
}
