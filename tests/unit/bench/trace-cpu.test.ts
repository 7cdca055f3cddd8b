import { describe, expect, it } from 'vitest';
import { sourceOfScript } from '../../../bench/script-source';
import { IncompleteTrace, scriptCpuOf, type TraceEvent } from '../../../bench/trace-cpu';

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
const parse = (url: string, frame: string, where = main, ts = 0): TraceEvent => ({ name: 'ParseHTML', ph: 'X', ...where, ts, dur: 50, args: { beginData: { url, frame } } });

describe('JavaScript CPU from a trace', () => {
  const events: TraceEvent[] = [
    parse(PAGE, 'top'),
    x('EvaluateScript', 100, 900, 800, 'chrome-extension://id/src/main-world/page-hook.js'),
    // Nested in the one above: counted once, in the outermost.
    x('V8.Execute', 150, 300, 300),
    x('EvaluateScript', 1_100, 500, 400, 'chrome-extension://id/src/content/index.js'),
    x('EvaluateScript', 2_000, 1_000, 600, ''),
    x('FunctionCall', 3_100, 200, 150, 'chrome-extension://id/src/content/index.js'),
    x('MinorGC', 3_400, 100, 100),
    // Another renderer that parsed nothing of the page, and the page's compositor thread: not counted.
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
    expect(cpu).toMatchObject({ framesParsed: 0, threads: 1 });
  });

  it('refuses a trace that does not show the page being parsed', () => {
    expect(() => scriptCpuOf(events.slice(1), PAGE, () => 'x')).toThrow(IncompleteTrace);
  });

  describe('a page with cross-site frames in other renderer processes', () => {
    const AD = 'https://ads.example-adnetwork.com:8443/slot?slot=a';
    const AD2 = 'https://ads.example-adnetwork.com:8443/slot?slot=b';
    const VIDEO = 'https://video.example-videohost.com:8443/embed';
    const ads = { pid: 20, tid: 20 };
    const video = { pid: 30, tid: 30 };
    const framed: TraceEvent[] = [
      parse(PAGE, 'top'),
      // The top document is parsed in chunks; the frames' initial about:blank documents on the top's thread.
      parse(PAGE, 'top', main, 500),
      parse('about:blank', 'f1'),
      parse('', 'f1'),
      // Two ad frames share one process, the video its own; each parsed from its own address.
      parse(AD, 'f1', ads, 1_000),
      parse(AD2, 'f2', ads, 1_200),
      parse(VIDEO, 'f3', video, 1_000),
      x('EvaluateScript', 100, 1_000, 1_000, 'chrome-extension://id/src/content/index.js'),
      // At the same time as the top's, on other threads: both count.
      x('EvaluateScript', 100, 2_000, 2_000, 'chrome-extension://id/src/content/index.js', ads),
      x('V8.Execute', 200, 500, 500, '', ads),
      x('EvaluateScript', 3_000, 400, 300, AD2, ads),
      x('EvaluateScript', 100, 700, 600, VIDEO, video),
      x('MajorGC', 900, 200, 200, undefined, video),
      // The ad process's compositor, and an extension page's renderer: not the page's main threads.
      x('EvaluateScript', 100, 9_000, 9_000, 'x', { pid: 20, tid: 21 }),
      parse('chrome-extension://id/welcome.html', 'ext', { pid: 40, tid: 40 }),
      x('EvaluateScript', 100, 9_000, 9_000, 'chrome-extension://id/welcome.js', { pid: 40, tid: 40 }),
    ];

    it('counts the main thread of every renderer that parsed a document of the page, nesting within each thread', () => {
      const cpu = scriptCpuOf(framed, PAGE, (url) => sourceOfScript(url, PAGE));
      expect(cpu.threads).toBe(3);
      expect(cpu.framesParsed).toBe(3);
      expect(cpu.total).toBeCloseTo(1 + 2 + 0.3 + 0.6 + 0.2, 6);
      expect(cpu.bySource).toEqual({ 'content script': 3, "the frames' own scripts": expect.closeTo(0.9, 6) as number, 'garbage collection': 0.2 });
    });

    it('shows a frame missing from the trace as one frame fewer', () => {
      expect(scriptCpuOf(framed.filter((event) => event.args?.beginData?.url !== VIDEO), PAGE, () => 'x')).toMatchObject({ framesParsed: 2, threads: 2 });
    });
  });
});

describe('what ran, by its script address', () => {
  it('names our scripts by part, and another extension’s by its path inside the extension', () => {
    expect(sourceOfScript('chrome-extension://ours/src/content/index.js', PAGE)).toBe('content script');
    expect(sourceOfScript('chrome-extension://ours/src/content/page-ui.js', PAGE)).toBe('page UI');
    expect(sourceOfScript('chrome-extension://ours/assets/chunk.js', PAGE)).toBe('other');
    expect(sourceOfScript('chrome-extension://pb/js/contentscripts/dnt.js', PAGE, 'by path')).toBe('js/contentscripts/dnt.js');
    expect(sourceOfScript('chrome-extension://dynamic/data/web_accessible_resources/x.js?v=1', PAGE, 'by path')).toBe('data/web_accessible_resources/x.js');
  });

  it("tells the page's own script from its frames' and from injected code", () => {
    expect(sourceOfScript(PAGE, PAGE, 'by path')).toBe("the page's own script");
    expect(sourceOfScript('https://social.example-social.com:8443/widget?kind=like', PAGE)).toBe("the frames' own scripts");
    expect(sourceOfScript('', PAGE, 'by path')).toBe('injected by the background');
  });
});
