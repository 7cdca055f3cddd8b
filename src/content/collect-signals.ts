import type { FormSignal, FrameSignal, PageSignals } from '../core/page-signals';
import { countPasswordFields } from './password-fields';

const MAX_ITEMS = 200;

function formSignal(form: HTMLFormElement): FormSignal {
  // `form.action` is the browser's resolved absolute URL (the page's own when empty),
  // unless a field named "action" shadows it: read the attribute then.
  const action = typeof form.action === 'string' ? form.action : new URL(form.getAttribute('action') ?? '', form.baseURI).href;
  return {
    action,
    method: (form.getAttribute('method') ?? 'get').toLowerCase().slice(0, 16),
    hasPassword: form.querySelector('input[type="password" i]') !== null,
  };
}

function frameSignal(frame: HTMLIFrameElement): FrameSignal {
  return { src: frame.src.slice(0, 4096), allow: (frame.getAttribute('allow') ?? '').slice(0, 1024) };
}

/** Reads the signals the verdict needs from a document; no side effects. */
export function collectPageSignals(doc: Document, isSecureContext: boolean): PageSignals {
  return {
    isSecureContext,
    // Login widgets built as web components keep their field in a shadow root.
    passwordFields: countPasswordFields(doc),
    forms: [...doc.forms].slice(0, MAX_ITEMS).map(formSignal),
    videoElements: doc.querySelectorAll('video').length,
    iframes: [...doc.querySelectorAll('iframe')].slice(0, MAX_ITEMS).map(frameSignal),
  };
}
