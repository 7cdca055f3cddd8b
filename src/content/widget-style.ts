import type { WidgetLayer } from './widget-env';

/**
 * How a widget looks, whatever the page's CSS. The host's style attribute and `:host` both say
 * `all: initial !important` and then what we want, !important: the attribute beats the page's
 * rules, even !important ones, and an !important rule from inside the shadow tree beats the
 * page's !important ones on the host. Inside, the system font, never the page's (`all:
 * initial` would leave the browser's default serif).
 */
const HOST_STYLE =
  'all: initial !important; display: block !important; visibility: visible !important; opacity: 1 !important; ' +
  'position: fixed !important; z-index: 2147483647 !important; pointer-events: auto !important;';
/** A modal host only holds the dialog, which lays itself out in the top layer. */
const MODAL_HOST = 'top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important;';
/** Where the browser has no showModal(): the host itself covers the page. */
const FALLBACK_MODAL_HOST = 'inset: 0 !important; background: rgba(31,35,40,.6) !important; overflow: auto !important;';

export const BASE_CSS = `
.widget { box-sizing: border-box; margin: 0; padding: 0; border: 0; color: #1f2328; background: #fff; text-align: start;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  border-radius: 10px; box-shadow: 0 6px 24px rgba(0,0,0,.25); overflow: hidden; }
dialog.widget { margin: auto; max-width: min(460px, calc(100vw - 24px)); max-height: calc(100vh - 24px); overflow: auto; font-size: 15px; }
dialog.widget::backdrop { background: rgba(31,35,40,.6); }
.fixed-modal { margin: 10vh auto 0; max-width: min(460px, calc(100vw - 24px)); }
button, a { font: inherit; }
button { padding: 4px 12px; border-radius: 6px; border: 1px solid #d0d7de; background: #f6f8fa; color: #1f2328; cursor: pointer; }
:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
.note { margin: 8px 14px; padding: 6px 10px; border-radius: 6px; background: #fff8c5; color: #3b2300; font-size: 13px; }
`;

/** The host's style: on top, and for a popover where it sits (`placement`). */
export function hostStyle(layer: WidgetLayer, placement: string, modalDialog: boolean): string {
  return HOST_STYLE + (layer === 'popover' ? placement : modalDialog ? MODAL_HOST : FALLBACK_MODAL_HOST);
}
