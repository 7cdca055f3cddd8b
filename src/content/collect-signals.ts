import type { FormSignal, FrameSignal, PageSignals } from '../core/signals/page-signals';
import { SIGNAL_LIMITS } from '../core/signals/signal-limits';
import { PASSWORD_SELECTOR, passwordFieldsIn } from './password-fields';
import { attribute, baseUriOf, countAll, documentUrlOf, formActionOf, formOfInput, queryAll, rootNodeOf, xpathNumber, xpathString } from './safe-dom';

// Every read goes through safe-dom: a page's named elements must not break it (see there).

const cutUrl = (url: string): string => url.slice(0, SIGNAL_LIMITS.url);
const methodOf = (value: string | null, fallback = 'get'): string => (value ?? fallback).toLowerCase().slice(0, SIGNAL_LIMITS.method);

/** An address as the browser resolves it; undefined when it does not parse (that submits nothing). */
function resolve(url: string, base: string): string | undefined {
  try {
    return new URL(url, base).href;
  } catch {
    return undefined;
  }
}

/** Buttons and inputs that submit their form, and so may send it elsewhere with `formaction`. */
function isSubmitter(control: Element): control is HTMLButtonElement | HTMLInputElement {
  const type = (control as Partial<HTMLInputElement>).type;
  return (control.nodeName === 'BUTTON' && type === 'submit') || (control.nodeName === 'INPUT' && (type === 'submit' || type === 'image'));
}

/**
 * Submit buttons with a `formaction`, by the form they submit: inside it or outside it with
 * `form="id"`. Looked up in the form's tree, not in `form.elements`, which leaves out image
 * buttons. (Buttons and inputs have no named properties: their own `form` is safe to read.)
 */
function formActionButtons(form: HTMLFormElement): (HTMLButtonElement | HTMLInputElement)[] {
  return queryAll(rootNodeOf(form), 'button[formaction], input[formaction]').filter(
    (control): control is HTMLButtonElement | HTMLInputElement => isSubmitter(control) && control.form === form,
  );
}

/** A password form: where its action sends it, and where each submit button's `formaction` would. */
function passwordFormSignals(form: HTMLFormElement): FormSignal[] {
  const method = methodOf(attribute(form, 'method'));
  const signals: FormSignal[] = [{ action: cutUrl(formActionOf(form)), method, hasPassword: true }];
  for (const button of formActionButtons(form)) {
    const action = resolve(attribute(button, 'formaction') ?? '', baseUriOf(button));
    if (action !== undefined) signals.push({ action: cutUrl(action), method: methodOf(attribute(button, 'formmethod'), method), hasPassword: true });
  }
  return signals;
}

function frameSignal(frame: HTMLIFrameElement): FrameSignal {
  return { src: cutUrl(frame.src), allow: (attribute(frame, 'allow') ?? '').slice(0, SIGNAL_LIMITS.allow) };
}

function warn(part: string, error: unknown): void {
  console.warn(`Telehealth Guard: could not read ${part} of this page:`, error);
}

/** What the reading needs of a document's password fields: how many, and where their forms send them. */
interface PasswordForms {
  count: number;
  forms: FormSignal[];
}

/** Anything that makes a field's form, or where a form posts, more than its own `action` says. */
const NAMED_OWNERS_OR_SUBMITTERS = `${PASSWORD_SELECTOR}[form], button[formaction], input[formaction]`;
/**
 * A form action that sends the form to the page's own origin, by its shape alone: none, empty,
 * or a path from the root ("/session") that no parsing turns into another host: not "//host",
 * no backslash ("/\\host" is "//host" to the URL parser), no tab or newline (which it drops:
 * "/<tab>/host"). Resolved against the page's address: a <base> could send it elsewhere.
 */
const OWN_ORIGIN_ACTION = ':not([action]), [action=""], [action^="/"]:not([action^="//"], [action*="\\\\"], [action*="\\9"], [action*="\\a"], [action*="\\d"])';
/** Forms with a password field that may post anywhere but the page's own origin. */
const MAYBE_ELSEWHERE = `form:has(${PASSWORD_SELECTOR}):not(${OWN_ORIGIN_ACTION})`;
/** Forms with a password field inside, in XPath: `type` matched ASCII case-insensitively, as the selector's `i`. */
const PASSWORD_FORMS_XPATH = '//form[.//input[translate(@type, "PASWORD", "pasword") = "password"]]';

/**
 * Password fields and their forms, found without touching a single element. Performance: an
 * element the content script touches gets a wrapper in this isolated world, and the first of
 * its kind the set-up of its whole interface there, about 1.5 ms cold each for an input and a
 * form (bench/page-cost), on every page with a login. So fields are counted, and each form's
 * `action` and `method` are read as strings by XPath, which hands back no element.
 * Undefined, for the reading that asks each field (passwordFormsAsked), where that would not
 * say the same: shadow roots are read, a field names its form (`form="id"`), a button posts
 * elsewhere (`formaction`), or an action does not parse. Forms posting to an https page's own
 * origin may be left out (see below). (Forms nested by script, which the
 * parser never makes, add the outer form: one form more, none missed.)
 */
function passwordFormsUntouched(doc: Document, shadowRoots: boolean): PasswordForms | undefined {
  if (shadowRoots || countAll(doc, NAMED_OWNERS_OR_SUBMITTERS) > 0) return undefined;
  const count = countAll(doc, PASSWORD_SELECTOR);
  if (count === 0) return { count, forms: [] };
  // A password form posting to the page's own https origin makes no finding (core/findings:
  // neither insecure nor foreign). Where every one does, by its action's shape, none is read:
  // most logins, and their actions' reading was most of the cost of a page's (about 1 ms).
  if (documentUrlOf(doc).startsWith('https:') && countAll(doc, 'base[href]') === 0 && countAll(doc, MAYBE_ELSEWHERE) === 0) return { count, forms: [] };
  const found = Math.min(xpathNumber(doc, `count(${PASSWORD_FORMS_XPATH})`), SIGNAL_LIMITS.forms);
  const forms: FormSignal[] = [];
  for (let index = 1; index <= found; index++) {
    const raw = xpathString(doc, `string((${PASSWORD_FORMS_XPATH})[${index}]/@action)`);
    // No action, or an empty one: the form posts to the page's own address (one of spaces is resolved, to the base).
    const action = raw === '' ? documentUrlOf(doc) : resolve(raw, baseUriOf(doc));
    if (action === undefined) return undefined;
    const method = xpathString(doc, `string((${PASSWORD_FORMS_XPATH})[${index}]/@method)`);
    forms.push({ action: cutUrl(action), method: methodOf(method === '' ? null : method), hasPassword: true });
  }
  return { count, forms };
}

/** Each password field's own form owner, as the browser says, and each form's submit buttons. */
function passwordFormsAsked(doc: Document, shadowRoots: boolean, read: <T>(part: string, work: () => T, fallback: T) => T): PasswordForms {
  // Login widgets built as web components keep their field in a shadow root.
  const fields = passwordFieldsIn(doc, { shadowRoots });
  const forms: FormSignal[] = [];
  for (const form of new Set(fields.map(formOfInput).filter((owner) => owner !== null))) {
    if (forms.length >= SIGNAL_LIMITS.forms) break;
    forms.push(...read('a password form', () => passwordFormSignals(form), []));
  }
  return { count: fields.length, forms };
}

export interface CollectOptions {
  /** Look for password fields in open shadow roots too (see password-fields' mayHoldShadowRoots). */
  shadowRoots?: boolean;
  onError?: (part: string, error: unknown) => void;
}

/**
 * Reads the signals the verdict needs from a document; no side effects. A part that can't be
 * read is left out and the report says `incomplete`: the rest still reaches the background.
 */
export function collectPageSignals(doc: Document, isSecureContext: boolean, { shadowRoots = true, onError = warn }: CollectOptions = {}): PageSignals {
  const failed: string[] = [];
  const read = <T,>(part: string, work: () => T, fallback: T): T => {
    try {
      return work();
    } catch (error) {
      failed.push(part);
      onError(part, error);
      return fallback;
    }
  };
  // Password forms only: a form without a password field counts in no verdict (core/kept-signals).
  const password = read('the password fields', () => passwordFormsUntouched(doc, shadowRoots) ?? passwordFormsAsked(doc, shadowRoots, read), { count: 0, forms: [] });
  return {
    isSecureContext,
    passwordFields: password.count,
    forms: password.forms.slice(0, SIGNAL_LIMITS.forms),
    // Counted, not touched (see countAll).
    videoElements: read('the videos', () => countAll(doc, 'video'), 0),
    iframes: read('the frames', () => (queryAll(doc, 'iframe') as HTMLIFrameElement[]).slice(0, SIGNAL_LIMITS.frames).map(frameSignal), []),
    ...(failed.length > 0 ? { incomplete: true } : {}),
  };
}
