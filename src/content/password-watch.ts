import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../core/passwords/password-length';
import type { PasswordMode } from '../protocol/messages';
import { deepActiveElement, passwordFieldOf, PASSWORD_SELECTOR } from './password-fields';
import { attribute, formActionOf, formOfInput, queryAll, rootNodeOf } from './safe-dom';
import type { Strength } from '../core/passwords/strength';
import { STRONG_ENOUGH } from '../core/passwords/strength-levels';

/**
 * Password hygiene, in the page: what the user types into password fields goes to the
 * background, which alone holds the fingerprints and does the hashing (background/
 * password-handlers), so the page's main thread does nothing but read the field.
 *
 * - On a sign-in site (the background says which), a sign-in's password is sent once, to be
 *   protected: at the form's submit, Enter in the field, a click on a button while a password
 *   is typed, or the page being left with one typed (a form submitted by script).
 * - On every site, while some password is protected, the field's value is sent to be checked
 *   as it is typed, one check at a time (the newest value goes once the last check is back),
 *   and at once when the field loses focus, the form is submitted or the page is left: the
 *   warning comes as soon as the protected password is complete, before any submit, however
 *   the page submits it.
 *
 * Only the user's own typing counts (trusted events): a page cannot make the extension hash
 * what it likes. Nothing is kept here but a reference to the field last typed into.
 */

export interface PasswordWatchDeps {
  mode(): Promise<PasswordMode | undefined>;
  signIn(password: string): Promise<unknown>;
  check(password: string, formAction: string | undefined): Promise<unknown>;
  /** Has the background put the new-password rater (and the page UI) in; resolves to whether it is there. */
  loadRater(): Promise<boolean>;
  /** Rates a new password (the rater loadRater brought). */
  rate(password: string, userInputs: readonly string[]): Strength;
  /** Shows the weak-password note beside the field, or takes it away (null). */
  showStrength(field: HTMLInputElement, strength: Strength | null): void;
  /** Tells the background the new password's strength (never the password), or that it is no longer weak (null). */
  reportStrength(strength: Strength | null): Promise<unknown>;
}

export interface PasswordWatch {
  /** `document.open()` took every listener off the window: they go back on. */
  listenAgain(): void;
}

/** A text field a page masks with CSS, instead of type=password, to pass for an ordinary field. */
function isMaskedTextField(node: unknown): node is HTMLInputElement {
  if ((node as Partial<Element> | null)?.nodeName !== 'INPUT' || (node as HTMLInputElement).type !== 'text') return false;
  const masking = getComputedStyle(node as Element).getPropertyValue('-webkit-text-security');
  return masking !== '' && masking !== 'none';
}

/** The field a typing event went into, when it takes a password (type=password, or a masked text field). */
function secretFieldOf(event: Event): HTMLInputElement | undefined {
  const field = passwordFieldOf(event);
  if (field) return field;
  const active = deepActiveElement(document);
  return isMaskedTextField(active) ? active : undefined;
}

const checkable = (value: string): boolean => value.length >= PASSWORD_MIN_LENGTH && value.length <= PASSWORD_MAX_LENGTH;

/**
 * The password a sign-in in `field`'s form sets or uses: on a sign-up or change form, the new
 * one (`autocomplete="new-password"`, or the last of several password fields), else the field's.
 */
function signInPasswordOf(field: HTMLInputElement): string {
  const form = formOfInput(field);
  if (!form) return field.value;
  const fields = (queryAll(form, PASSWORD_SELECTOR) as HTMLInputElement[]).filter((other) => other.value !== '');
  const newOne = fields.find((other) => /\bnew-password\b/i.test(attribute(other, 'autocomplete') ?? ''));
  return (newOne ?? (fields.length > 1 ? fields[fields.length - 1] : undefined) ?? field).value;
}

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

/** Words a guesser tries first on this site: its name's labels and the name run together ("doxy", "doxyme"). */
function siteWords(): string[] {
  const labels = location.hostname.split('.').filter((label) => label !== 'www');
  return [...labels.filter((label) => label.length > 2), labels.slice(-2).join('')];
}

/** How long typing pauses before a new password is rated: a rating takes a few ms of the page's main thread. */
const RATE_AFTER_MS = 150;

const SUBMITTERS = 'button, input[type="submit" i], input[type="image" i], input[type="button" i], [role="button" i]';

export function watchPasswords(win: Window, deps: PasswordWatchDeps): PasswordWatch {
  /** Asked at the first password typed into each field: a sign-in elsewhere may have protected one since. */
  const modes = new WeakMap<HTMLInputElement, Promise<PasswordMode | undefined>>();
  const modeOf = (field: HTMLInputElement): Promise<PasswordMode | undefined> => {
    let mode = modes.get(field);
    if (!mode) {
      mode = deps.mode().catch(() => undefined);
      modes.set(field, mode);
    }
    return mode;
  };

  /** The field the user last typed into, and how many edits of theirs it has had / had when last checked. */
  let field: HTMLInputElement | undefined;
  let edits = 0;
  let checkedEdits = 0;
  let checking = false;
  /** Read through a call: it changes while a check awaits the mode. */
  const isChecking = (): boolean => checking;
  /** Edits at the last sign-in sent: the same sign-in (a click, then the submit it causes) goes once. */
  let signedInEdits = -1;

  const checkNow = async (): Promise<void> => {
    const typedInto = field;
    if (!typedInto || checking || checkedEdits === edits) return;
    if ((await modeOf(typedInto))?.check !== true) return;
    // Another call got here first while the mode was asked: it has this edit.
    if (typedInto !== field || isChecking() || checkedEdits === edits) return;
    const value = typedInto.value;
    checkedEdits = edits;
    if (!checkable(value)) return;
    checking = true;
    try {
      await deps.check(value, formActionFor(typedInto));
    } catch {
      // The extension was reloaded under the page: nothing to check with.
    } finally {
      checking = false;
    }
    // Typed on meanwhile: the newest value next.
    if (checkedEdits !== edits) void checkNow();
  };

  const signInNow = async (): Promise<void> => {
    const typedInto = field;
    if (!typedInto || signedInEdits === edits) return;
    if ((await modeOf(typedInto))?.protect !== true) return;
    const password = signInPasswordOf(typedInto);
    if (!checkable(password)) return;
    signedInEdits = edits;
    await deps.signIn(password).catch(() => undefined);
  };

  /** The rater, asked for once per document at the first new password typed. */
  let raterReady: Promise<boolean> | undefined;
  let rateTimer: ReturnType<typeof setTimeout> | undefined;
  /** What the background was last told of the strength, so a keystroke that changes nothing sends nothing. */
  let reported = 'null';

  const rateNow = (typedInto: HTMLInputElement): void => {
    const password = typedInto.value;
    const rated = password === '' ? null : deps.rate(password, siteWords());
    const weak = rated !== null && rated.score < STRONG_ENOUGH ? rated : null;
    deps.showStrength(typedInto, weak);
    const report = JSON.stringify(weak);
    if (report === reported) return;
    reported = report;
    void deps.reportStrength(weak).catch(() => undefined);
  };

  const rateSoon = async (typedInto: HTMLInputElement): Promise<void> => {
    if ((await modeOf(typedInto))?.rate !== true || !isNewPasswordField(typedInto)) return;
    raterReady ??= deps.loadRater().catch(() => false);
    if (!(await raterReady)) return;
    clearTimeout(rateTimer);
    rateTimer = setTimeout(() => {
      rateNow(typedInto);
    }, RATE_AFTER_MS);
  };

  /** The user is done with the field, or sends it: check what it holds now, and on a sign-in site protect it. */
  const done = (signingIn: boolean): void => {
    void checkNow();
    if (signingIn) void signInNow();
  };

  const listeners: [string, (event: Event) => void][] = [
    [
      'input',
      (event) => {
        if (!event.isTrusted) return;
        const typedInto = secretFieldOf(event);
        if (!typedInto) return;
        if (typedInto !== field) checkedEdits = edits;
        field = typedInto;
        edits++;
        void checkNow();
        void rateSoon(typedInto);
      },
    ],
    // Whatever lost focus: only a field with edits not yet checked is checked again.
    ['focusout', () => { done(false); }],
    [
      'keydown',
      (event) => {
        if (event.isTrusted && (event as KeyboardEvent).key === 'Enter' && field && secretFieldOf(event) === field) done(true);
      },
    ],
    // A submit however it came: the user's button, Enter, or the page's requestSubmit().
    ['submit', () => { done(true); }],
    [
      'click',
      (event) => {
        const target = event.composedPath()[0];
        if (event.isTrusted && field && field.value !== '' && target instanceof Element && target.closest(SUBMITTERS)) done(true);
      },
    ],
    // Left with a password typed: a form the page submitted by script, or any navigation
    // (beforeunload comes as the navigation starts, pagehide as the page goes).
    ['beforeunload', () => { done(true); }],
    ['pagehide', () => { done(true); }],
  ];
  const listen = (): void => {
    for (const [type, listener] of listeners) win.addEventListener(type, listener, true);
  };
  listen();
  return { listenAgain: listen };
}
