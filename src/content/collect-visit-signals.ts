import type { PageSignals } from '../core/page-signals';
import { SIGNAL_LIMITS } from '../core/signal-limits';
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

const RESOURCE_KINDS: readonly { selector: string; kind: 'script' | 'frame' | 'media' }[] = [
  { selector: 'script[src]', kind: 'script' },
  { selector: 'iframe[src], frame[src]', kind: 'frame' },
  { selector: 'video[src], audio[src], source[src], track[src]', kind: 'media' },
];

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
    for (const { selector, kind } of RESOURCE_KINDS) {
      for (const element of queryAll(doc, selector)) {
        const url = sourceOf(element);
        if (url?.protocol !== 'http:' || insecureResources.length >= SIGNAL_LIMITS.insecureResources) continue;
        insecureResources.push({ kind, url: url.href.slice(0, SIGNAL_LIMITS.url) });
      }
    }
  }
  return { scriptHosts: [...scriptHosts], insecureResources };
}
