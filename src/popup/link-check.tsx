import { useRef, useState } from 'preact/hooks';
import type { LinkCheck as LinkCheckAnswer } from '../core/links/check-links';
import type { SendMessage } from '../protocol/send';
import { LinkCheckResult } from './link-check-result';
import { linkCheckWords } from './link-check-words';
import './link-check.css';

type State = { status: 'idle' } | { status: 'checking' } | { status: 'done'; check: LinkCheckAnswer } | { status: 'failed'; error: string };

/**
 * "Check a link": a patient pastes the visit link they got by text or email, or the whole
 * message, and sees the verdict on where it goes before opening it. The background judges it
 * with the lists in force (`check-link`); the popup only shows the answer, and never opens,
 * fetches or keeps the link. Shown whatever the tab is, also on a tab the extension does not
 * judge (a new tab, the browser's own pages), where a patient is likely to be when they ask.
 */
export function LinkCheck({ send }: { send: SendMessage }) {
  const words = linkCheckWords();
  const field = useRef<HTMLTextAreaElement>(null);
  const [state, setState] = useState<State>({ status: 'idle' });
  // Only the newest check's answer is shown, whichever answer arrives last.
  const latest = useRef(0);

  const check = (): void => {
    // Read from the field itself: a paste and a click can come before a render in between.
    const text = field.current?.value ?? '';
    const asked = ++latest.current;
    setState({ status: 'checking' });
    void send({ type: 'check-link', text }).then((reply) => {
      if (asked !== latest.current) return;
      setState(reply.ok ? { status: 'done', check: reply.value } : { status: 'failed', error: reply.error });
    });
  };

  return (
    <section class="link-check" aria-label={words.heading} data-link-check="">
      <h2>{words.heading}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          check();
        }}
      >
        <label for="link-check-text">{words.label}</label>
        <textarea
          id="link-check-text"
          name="link"
          rows={2}
          // The browser's enhanced spell check sends what is typed to a server: not this.
          spellcheck={false}
          ref={field}
          onKeyDown={(event) => {
            // Enter checks, as in a one-line field; Shift+Enter still breaks the line, and an
            // Enter that ends an input method's composition is left to it.
            if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
            event.preventDefault();
            check();
          }}
        />
        <button type="submit">{words.button}</button>
      </form>
      <p class="link-privacy">{words.privacy}</p>
      <div data-link-result={state.status} aria-live="polite">
        {state.status === 'failed' ? (
          <p class="link-problem" role="alert" data-link-problem="failed">
            {words.failed(state.error)}
          </p>
        ) : null}
        {state.status === 'done' ? <LinkCheckResult check={state.check} /> : null}
      </div>
    </section>
  );
}
