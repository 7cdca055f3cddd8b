import type { PageSignals } from '../core/signals/page-signals';
import { SIGNAL_LIMITS } from '../core/signals/signal-limits';
import { attribute, baseUriOf, queryAll } from './safe-dom';

type VisitSignals = Pick<PageSignals, 'scriptHosts' | 'insecureResources'>;

/** An element's source as the browser resolves it, or undefined when it has none or it does not parse. */
function sourceOf(element: Element, name = 'src'): URL | undefined {
  const value = attribute(element, name);
  if (value === null || value === '') return undefined;
  try {
    return new URL(value, baseUriOf(element));
  } catch {
    return undefined;
  }
}

/**
 * Elements whose source may be plain http: a source with a scheme of its own (it holds a
 * colon) other than a plain "https:" at its start; each is then resolved to be sure. The rest
 * are relative or `//` sources, https on an https page, and are never touched. (A colon is
 * needed: the URL parser drops tabs and newlines, "ht\ttp:" is http:, but adds no colon.) One
 * query for all kinds: each element touched, and each query, costs the page's main thread.
 */
const MAYBE_INSECURE = ['script', 'iframe', 'frame', 'video', 'audio', 'source', 'track'].map((tag) => `${tag}[src*=":"]:not([src^="https:" i])`).join(', ');
const KIND_OF: Readonly<Record<string, 'script' | 'frame' | 'media'>> = { SCRIPT: 'script', IFRAME: 'frame', FRAME: 'frame', VIDEO: 'media', AUDIO: 'media', SOURCE: 'media', TRACK: 'media' };

/**
 * What a visit's findings read of a page: the hosts its scripts come from (chat widgets are
 * told apart by them) and, on an https page, the scripts, frames and media it asks for over
 * plain http. Reads through safe-dom, like the rest of the report.
 */
export function collectVisitSignals(doc: Document, pageIsHttps: boolean): VisitSignals {
  const scriptHosts = new Set<string>();
  for (const script of queryAll(doc, 'script[src]')) {
    const url = sourceOf(script);
    if (url && (url.protocol === 'https:' || url.protocol === 'http:')) scriptHosts.add(url.hostname);
    if (scriptHosts.size >= SIGNAL_LIMITS.scriptHosts) break;
  }
  const insecureResources: NonNullable<PageSignals['insecureResources']> = [];
  if (pageIsHttps) {
    for (const element of queryAll(doc, MAYBE_INSECURE)) {
      const url = sourceOf(element);
      const kind = KIND_OF[element.nodeName];
      if (url?.protocol !== 'http:' || kind === undefined) continue;
      insecureResources.push({ kind, url: url.href.slice(0, SIGNAL_LIMITS.url) });
      if (insecureResources.length >= SIGNAL_LIMITS.insecureResources) break;
    }
  }
  return { scriptHosts: [...scriptHosts], insecureResources };
}
