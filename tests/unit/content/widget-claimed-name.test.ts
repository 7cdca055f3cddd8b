// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { createWidgetEnv } from '../../../src/content/widget-env';
import { Widget } from '../../../src/content/widget-host';

describe('a page that claims our element names first', () => {
  it('cannot take the shadow root from the widget, or keep it from showing', () => {
    // What a phishing page does in its own world, before we show anything: its constructor
    // would take the shadow root of any element made with this name in its document.
    const constructed = vi.fn();
    customElements.define(
      'telehealth-guard-alert',
      class extends HTMLElement {
        constructor() {
          super();
          try {
            this.attachShadow({ mode: 'open' });
            constructed('took the shadow root');
          } catch {
            constructed('too late');
          }
        }
      },
    );
    const widget = new Widget(createWidgetEnv(document), { tag: 'telehealth-guard-alert', layer: 'popover', css: '', role: 'alert', label: 'test' });
    widget.box.textContent = 'Careful';
    widget.show();
    expect(widget.host.parentNode).toBe(document.documentElement);
    expect(widget.host.shadowRoot).toBeNull();
    expect(widget.box.textContent).toBe('Careful');
    expect(constructed.mock.calls).toEqual([['too late']]);
    widget.close();
  });
});
