import type { FormSignal, FrameSignal, PageSignals } from '../core/signals/page-signals';
import { SIGNAL_LIMITS } from '../core/signals/signal-limits';
import { passwordFieldsIn } from './password-fields';
import { attribute, baseUriOf, countAll, formActionOf, formOfInput, queryAll, rootNodeOf } from './safe-dom';

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

function otherFormSignal(form: HTMLFormElement): FormSignal {
  return { action: cutUrl(formActionOf(form)), method: methodOf(attribute(form, 'method')), hasPassword: false };
}

function frameSignal(frame: HTMLIFrameElement): FrameSignal {
  return { src: cutUrl(frame.src), allow: (attribute(frame, 'allow') ?? '').slice(0, SIGNAL_LIMITS.allow) };
}

function warn(part: string, error: unknown): void {
  console.warn(`Telehealth Guard: could not read ${part} of this page:`, error);
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
  // Login widgets built as web components keep their field in a shadow root. A field's form
  // is its form owner, so a field outside its form with `form="id"` counts as well.
  const fields = read('the password fields', () => passwordFieldsIn(doc, { shadowRoots }), []);
  const passwordForms = new Set(fields.map(formOfInput).filter((form) => form !== null));
  // Password forms first: dummy forms in front of them must not push them past the cap.
  const forms: FormSignal[] = [];
  for (const form of passwordForms) forms.push(...read('a password form', () => passwordFormSignals(form), []));
  // A query, not `document.forms`: the same forms, without an HTMLCollection built in this world for it.
  for (const form of read('the forms', () => queryAll(doc, 'form') as HTMLFormElement[], [])) {
    if (forms.length >= SIGNAL_LIMITS.forms) break;
    if (!passwordForms.has(form)) forms.push(...read('a form', () => [otherFormSignal(form)], []));
  }
  return {
    isSecureContext,
    passwordFields: fields.length,
    forms: forms.slice(0, SIGNAL_LIMITS.forms),
    // Counted, not touched (see countAll).
    videoElements: read('the videos', () => countAll(doc, 'video'), 0),
    iframes: read('the frames', () => (queryAll(doc, 'iframe') as HTMLIFrameElement[]).slice(0, SIGNAL_LIMITS.frames).map(frameSignal), []),
    ...(failed.length > 0 ? { incomplete: true } : {}),
  };
}
