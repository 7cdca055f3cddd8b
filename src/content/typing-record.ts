import { deepActiveElement, passwordFieldOf } from './password-fields';
import { attribute } from './safe-dom';

/**
 * One of the user's own keys or texts, as the password watch needs it: taken while the event is
 * dispatched (after it, its path is empty and the focus may have moved), so that the watch,
 * which is loaded only at the first key (password-watch-stub), can have the first keys too.
 */
export interface TypingRecord {
  type: 'keydown' | 'input' | 'paste' | 'drop' | 'compositionstart';
  /** The password field it went into: type=password, or a text field disguised as one. */
  field: HTMLInputElement | undefined;
  /** For a key: where it went (the field, or the focused element). */
  target: Element | null;
  key: string;
  repeat: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** The event: whether the page swallowed the key is known once its dispatch is over. */
  event: Event;
}

/**
 * A text field that takes a password without being type=password: masked with CSS, or one a
 * "show password" button turned into text (its autocomplete still says password).
 */
function isDisguisedPasswordField(node: unknown): node is HTMLInputElement {
  if ((node as Partial<Element> | null)?.nodeName !== 'INPUT' || (node as HTMLInputElement).type !== 'text') return false;
  const field = node as HTMLInputElement;
  if (/password/i.test(attribute(field, 'autocomplete') ?? '')) return true;
  const masking = getComputedStyle(field).getPropertyValue('-webkit-text-security');
  return masking !== '' && masking !== 'none';
}

/**
 * Whether a text field is a disguised password field, decided the first time it is typed into:
 * a style lookup at every key of every text field of every page would cost the page its typing.
 */
const disguised = new WeakMap<Element, boolean>();
function isDisguisedOnce(node: Element | null): node is HTMLInputElement {
  if (!node) return false;
  let known = disguised.get(node);
  if (known === undefined) {
    known = isDisguisedPasswordField(node);
    disguised.set(node, known);
  }
  return known;
}

/** The field a key or text event went into, when it takes a password. */
function secretFieldOf(event: Event): HTMLInputElement | undefined {
  const field = passwordFieldOf(event);
  if (field) return field;
  const active = deepActiveElement(document);
  return isDisguisedOnce(active) ? active : undefined;
}

export function typingRecordOf(event: Event): TypingRecord {
  const field = secretFieldOf(event);
  const key = event as Partial<KeyboardEvent>;
  return {
    type: event.type as TypingRecord['type'],
    field,
    target: event.type === 'keydown' ? (field ?? deepActiveElement(document)) : null,
    key: typeof key.key === 'string' ? key.key : '',
    repeat: key.repeat === true,
    ctrlKey: key.ctrlKey === true,
    altKey: key.altKey === true,
    metaKey: key.metaKey === true,
    event,
  };
}
