import { describe, expect, it } from 'vitest';
import { sourceOfScript } from '../../../bench/page-cost';
import { scriptCpuOf, type TraceEvent } from '../../../bench/trace-cpu';

const PAGE = 'https://news.example.org:8443/article';
const main = { pid: 7, tid: 1 };
const x = (name: string, ts: number, dur: number, tdur: number, url?: string, where = main): TraceEvent => ({
  name,
  ph: 'X',
  ...where,
  ts,
  dur,
  tdur,
  ...(url === undefined ? {} : { args: { data: { url } } }),
});

describe('JavaScript CPU from a trace', () => {
  const events: TraceEvent[] = [
    { name: 'ParseHTML', ph: 'X', ...main, ts: 0, dur: 50, args: { beginData: { url: PAGE } } },
    x('EvaluateScript', 100, 900, 800, 'chrome-extension://id/src/main-world/page-hook.js'),
    // Nested in the one above: counted once, in the outermost.
    x('V8.Execute', 150, 300, 300),
    x('EvaluateScript', 1_100, 500, 400, 'chrome-extension://id/src/content/index.js'),
    x('EvaluateScript', 2_000, 1_000, 600, ''),
    x('FunctionCall', 3_100, 200, 150, 'chrome-extension://id/src/content/index.js'),
    x('MinorGC', 3_400, 100, 100),
    // Another renderer, and the page's compositor thread: not the page's main thread.
    x('EvaluateScript', 100, 5_000, 5_000, 'https://other.example/', { pid: 8, tid: 1 }),
    x('EvaluateScript', 100, 5_000, 5_000, 'x', { pid: 7, tid: 2 }),
    // Not a script event at all.
    x('Layout', 4_000, 1_000, 1_000),
  ];

  it('sums the thread time of the outermost script events on the main thread of the page, by what ran', () => {
    const cpu = scriptCpuOf(events, PAGE, (url) => sourceOfScript(url, PAGE));
    expect(cpu.total).toBeCloseTo(2.05, 6);
    expect(cpu.bySource).toEqual({
      'page-world hook': 0.8,
      'content script': 0.55,
      'injected by the background': 0.6,
      'garbage collection': 0.1,
    });
  });

  it('refuses a trace that does not show the page being parsed', () => {
    expect(() => scriptCpuOf(events.slice(1), PAGE, () => 'x')).toThrow(/no parsing/);
  });
});
