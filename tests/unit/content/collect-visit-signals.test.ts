// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { collectVisitSignals } from '../../../src/content/collect-visit-signals';
import { SIGNAL_LIMITS } from '../../../src/core/signals/signal-limits';
import { pageAt } from './page-at';

const page = (html: string, url = 'https://portal.example-clinic.com/visit'): Document => pageAt(html, url);

describe('collectVisitSignals', () => {
  it('names the hosts scripts come from, each once', () => {
    const doc = page('<script src="https://widget.intercom.io/w.js"></script><script src="/own.js"></script><script src="https://widget.intercom.io/other.js"></script>');
    expect(collectVisitSignals(doc, true).scriptHosts).toEqual(['widget.intercom.io', 'portal.example-clinic.com']);
  });

  it('finds every resource asked for over plain http on an https page, in any spelling, and nothing else', () => {
    const doc = page(`
      <script src="http://cdn.example/a.js"></script>
      <script src="/relative.js"></script>
      <iframe src="HTTP://frames.example/"></iframe>
      <video src="ht\ttp://media.example/v.mp4"></video>
      <video><source src="//media.example/protocol-relative.mp4"></video>
      <audio src="data:audio/wav;base64,AAAA"></audio>
      <track src="https://media.example/t.vtt">
      <img src="http://images.example/not-counted.png">
    `);
    expect(collectVisitSignals(doc, true).insecureResources).toEqual([
      { kind: 'script', url: 'http://cdn.example/a.js' },
      { kind: 'frame', url: 'http://frames.example/' },
      { kind: 'media', url: 'http://media.example/v.mp4' },
    ]);
  });

  it('looks for none on an http page, where everything is plain http anyway', () => {
    const doc = page('<script src="http://cdn.example/a.js"></script>', 'http://portal.example-clinic.com/');
    expect(collectVisitSignals(doc, false).insecureResources).toEqual([]);
  });

  it(`keeps at most ${SIGNAL_LIMITS.insecureResources} of them`, () => {
    const doc = page(Array.from({ length: SIGNAL_LIMITS.insecureResources + 5 }, (_, i) => `<script src="http://cdn.example/${i}.js"></script>`).join(''));
    expect(collectVisitSignals(doc, true).insecureResources).toHaveLength(SIGNAL_LIMITS.insecureResources);
  });
});
