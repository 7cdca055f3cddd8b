/**
 * The page's CPU time spent on JavaScript, from a Chromium trace: compiling and running scripts
 * (the page's own, the extension's content scripts, the functions the background injects, the
 * callbacks all of them leave behind) and collecting their garbage, on the main thread of every
 * renderer that parsed a document of the page. With site isolation a cross-site frame runs in
 * a renderer process of its own, and every frame pays for every content script that matches
 * it: counting the top frame's thread alone would leave most of a frame-heavy page's cost out.
 * Thread time (`tdur`), not wall time: a main thread that waits for a core does not count,
 * which on a busy 2-core machine is most of the noise in the CDP metrics. Compiling counts,
 * which CDP's ScriptDuration leaves out, and for content scripts it is paid at every load.
 */

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string }; beginData?: { url?: string; frame?: string } };
}

export const TRACE_CATEGORIES = ['devtools.timeline', 'v8.execute'];

/** Events that run JavaScript or collect its garbage; nested ones count once, in the outermost. */
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'V8.Execute', 'v8.callFunction', 'v8.run', 'v8.evaluateModule', 'MinorGC', 'MajorGC']);
const GC_EVENTS = new Set(['MinorGC', 'MajorGC']);

export interface ScriptCpu {
  /** ms */
  total: number;
  /** ms by what ran: `sourceOf(script url)`, or 'garbage collection'. */
  bySource: Record<string, number>;
  /** Frame documents (not the top one) the trace shows parsed: each frame's own, at its own address. */
  framesParsed: number;
  /** Renderer main threads counted (the top frame's, and those of frames in other processes). */
  threads: number;
}

const threadOf = (event: TraceEvent): string => `${event.pid}:${event.tid}`;

/** The trace lost events of the page's documents (seen on a loaded machine): its figures are incomplete. */
export class IncompleteTrace extends Error {}

/**
 * The CPU time of script work on the main threads of the renderers that parsed `pageUrl` or a
 * document of one of its frames. A document is a frame's when the trace shows it parsed from an
 * http(s) address other than the top document's (a frame's initial about:blank document, or
 * one it writes itself, is parsed on its parent's thread, already counted; an extension's own
 * pages are chrome-extension: documents, never the page's). `sourceOf` names the script an
 * event ran (by its url; '' for code without one, such as a function injected with
 * scripting.executeScript).
 */
export function scriptCpuOf(events: readonly TraceEvent[], pageUrl: string, sourceOf: (url: string) => string): ScriptCpu {
  const parses = events.filter((event) => event.name === 'ParseHTML');
  const top = parses.find((event) => event.args?.beginData?.url === pageUrl);
  if (!top) throw new IncompleteTrace(`bench: the trace shows no parsing of ${pageUrl}`);
  const threads = new Set([threadOf(top)]);
  const frames = new Set<string>();
  for (const parse of parses) {
    const { url = '', frame = '' } = parse.args?.beginData ?? {};
    if (!/^https?:\/\//.test(url)) continue;
    threads.add(threadOf(parse));
    // A document is parsed in chunks, one event each: a frame counts once.
    if (url !== pageUrl || frame !== (top.args?.beginData?.frame ?? '')) frames.add(`${frame} ${url}`);
  }

  const scriptEvents = events
    .filter((event) => event.ph === 'X' && SCRIPT_EVENTS.has(event.name) && threads.has(threadOf(event)))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const bySource: Record<string, number> = {};
  let total = 0;
  // Nesting is within one thread: events on two threads overlap in time and both count.
  const endOf = new Map<string, number>();
  for (const event of scriptEvents) {
    const thread = threadOf(event);
    if (event.ts < (endOf.get(thread) ?? -Infinity)) continue;
    endOf.set(thread, event.ts + (event.dur ?? 0));
    const ms = (event.tdur ?? event.dur ?? 0) / 1000;
    const source = GC_EVENTS.has(event.name) ? 'garbage collection' : sourceOf(event.args?.data?.url ?? '');
    bySource[source] = (bySource[source] ?? 0) + ms;
    total += ms;
  }
  return { total, bySource, framesParsed: frames.size, threads: threads.size };
}
