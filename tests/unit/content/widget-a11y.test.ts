// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { createWidgetEnv } from '../../../src/content/widget-env';
import { Widget } from '../../../src/content/widget-host';
import { element } from '../../../src/content/widget-dom';

const made: Widget[] = [];
afterEach(() => {
  for (const widget of made.splice(0)) widget.close();
  document.body.replaceChildren();
});

function key(key: string, shiftKey = false): KeyboardEvent {
  return new KeyboardEvent('keydown', { key, shiftKey, bubbles: true, cancelable: true });
}

function modal(env = createWidgetEnv(document), closed: string[] = []): Widget {
  const widget = new Widget(env, {
    tag: 'telehealth-guard-alert',
    layer: 'modal',
    css: '',
    role: 'alertdialog',
    label: 'Telehealth Guard: before the camera opens',
    level: 'caution',
    onCancel: () => {
      closed.push('escape');
      widget.close();
    },
  });
  made.push(widget);
  return widget;
}

describe('widgets for screen readers and the keyboard', () => {
  it('names the level first and is described by its explanation', () => {
    const widget = modal();
    const why = element(document, 'p', '', 'example.net is not a verified telemedicine platform.');
    widget.box.append(why);
    widget.describe(why);
    expect(widget.box.getAttribute('aria-label')).toBe('Caution: Telehealth Guard: before the camera opens');
    expect(widget.box.getAttribute('role')).toBe('alertdialog');
    expect(widget.box.getAttribute('aria-modal')).toBe('true');
    expect(widget.root.getElementById(widget.box.getAttribute('aria-describedby')!)).toBe(why);
  });

  it('keeps Tab and Shift+Tab within a modal widget, and Escape closes it and gives the focus back', () => {
    const join = document.body.appendChild(document.createElement('button'));
    join.focus();
    const closed: string[] = [];
    const env = createWidgetEnv(document);
    const widget = modal(env, closed);
    const leave = widget.box.appendChild(element(document, 'button', '', 'Leave'));
    const go = widget.box.appendChild(element(document, 'button', '', 'Continue'));
    widget.show();
    leave.focus();
    expect(env.widgets.handleKey(key('Tab'))).toBe(true);
    expect(widget.root.activeElement).toBe(go);
    env.widgets.handleKey(key('Tab'));
    expect(widget.root.activeElement).toBe(leave);
    env.widgets.handleKey(key('Tab', true));
    expect(widget.root.activeElement).toBe(go);
    // Pressed with the focus on the page (a page that took it): still the modal widget's.
    const escape = key('Escape');
    expect(env.widgets.handleKey(escape)).toBe(true);
    expect(escape.defaultPrevented).toBe(true);
    expect(closed).toEqual(['escape']);
    expect(document.activeElement).toBe(join);
  });

  it('takes the focus when told to, a task after it shows, and leaves other keys to the page', async () => {
    const env = createWidgetEnv(document);
    const widget = new Widget(env, { tag: 'telehealth-guard-alert', layer: 'popover', css: '', role: 'alertdialog', label: 'Telehealth Guard warning', level: 'danger', takeFocus: true });
    made.push(widget);
    widget.show();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(widget.hasFocus).toBe(true);
    expect(widget.root.activeElement).toBe(widget.box);
    expect(widget.box.getAttribute('aria-label')).toBe('Danger: Telehealth Guard warning');
    // A popover: Tab moves on in the page's order; without onCancel, Escape is not its to take.
    expect(env.widgets.handleKey(key('Tab'))).toBe(false);
    expect(env.widgets.handleKey(key('Escape'))).toBe(false);
  });

  it('gives no focus back when closed while the user is elsewhere', () => {
    const field = document.body.appendChild(document.createElement('input'));
    const other = document.body.appendChild(document.createElement('button'));
    field.focus();
    const widget = modal();
    widget.show();
    other.focus();
    widget.close();
    expect(document.activeElement).toBe(other);
  });
});
