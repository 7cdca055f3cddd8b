/**
 * The page's main-thread CPU time spent on JavaScript, from a Chromium trace: compiling and
 * running scripts (the page's own, the extension's content scripts, the functions the
 * background injects, the callbacks all of them leave behind) and collecting their garbage.
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
  args?: { data?: { url?: string }; beginData?: { url?: string } };
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
}

/**
 * The CPU time of script work on the main thread of the renderer that parsed `pageUrl`.
 * `sourceOf` names the script an event ran (by its url; '' for code without one, such as a
 * function injected with scripting.executeScript).
 */
export function scriptCpuOf(events: readonly TraceEvent[], pageUrl: string, sourceOf: (url: string) => string): ScriptCpu {
  const parse = events.find((event) => event.name === 'ParseHTML' && event.args?.beginData?.url === pageUrl);
  if (!parse) throw new Error(`bench: the trace shows no parsing of ${pageUrl}`);
  const onMainThread = events
    .filter((event) => event.ph === 'X' && event.pid === parse.pid && event.tid === parse.tid && SCRIPT_EVENTS.has(event.name))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const bySource: Record<string, number> = {};
  let total = 0;
  let end = -Infinity;
  for (const event of onMainThread) {
    if (event.ts < end) continue;
    end = event.ts + (event.dur ?? 0);
    const ms = (event.tdur ?? event.dur ?? 0) / 1000;
    const source = GC_EVENTS.has(event.name) ? 'garbage collection' : sourceOf(event.args?.data?.url ?? '');
    bySource[source] = (bySource[source] ?? 0) + ms;
    total += ms;
  }
  return { total, bySource };
}
