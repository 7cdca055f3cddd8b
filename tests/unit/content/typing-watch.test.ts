// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { watchTyping } from '../../../src/content/typing-watch';

function key(target: EventTarget, init: KeyboardEventInit): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, composed: true, ...init }));
}

describe('watchTyping', () => {
  it("'anywhere': any text the user writes counts, wherever the focus is", () => {
    document.body.innerHTML = '<input type="tel"><div tabindex="0"></div><span id="host"></span>';
    const host = document.getElementById('host')!;
    const inner = host.attachShadow({ mode: 'closed' });
    inner.innerHTML = '<input type="text">';
    for (const target of [document.querySelector('input')!, document.querySelector('div')!, inner.querySelector('input')!]) {
      let calls = 0;
      const watch = watchTyping(window, () => ++calls > 0, 'anywhere');
      key(target, { key: 'a' });
      expect(calls).toBe(1);
      key(target, { key: 'b' });
      expect(calls).toBe(1); // done: the listeners are off
      watch.listenAgain();
      key(target, { key: 'c' });
      expect(calls).toBe(1); // and stay off once done
    }
  });

  it("'anywhere': keys that write nothing do not count (Tab, arrows, Escape, shortcuts, the space bar)", () => {
    document.body.innerHTML = '<input type="text">';
    const field = document.querySelector('input')!;
    let calls = 0;
    watchTyping(window, () => ++calls > 0, 'anywhere');
    for (const init of [{ key: 'Tab' }, { key: 'ArrowDown' }, { key: 'Escape' }, { key: 'c', ctrlKey: true }, { key: 'v', metaKey: true }, { key: ' ' }]) key(field, init);
    expect(calls).toBe(0);
    field.dispatchEvent(new InputEvent('beforeinput', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
    expect(calls).toBe(1);
  });

  it('keeps listening until the callback has what it waited for', () => {
    document.body.innerHTML = '<input type="text">';
    const field = document.querySelector('input')!;
    let armed = false;
    let reported = 0;
    watchTyping(window, () => armed && ++reported > 0, 'anywhere');
    key(field, { key: 'a' });
    expect(reported).toBe(0);
    armed = true;
    key(field, { key: 'b' });
    expect(reported).toBe(1);
  });

  it("'editable': only text fields and editable elements count (a chat widget's box)", () => {
    document.body.innerHTML = '<input type="text"><button>go</button>';
    let calls = 0;
    watchTyping(window, () => ++calls > 0);
    key(document.querySelector('button')!, { key: 'a' });
    expect(calls).toBe(0);
    key(document.querySelector('input')!, { key: 'a' });
    expect(calls).toBe(1);
  });
});
