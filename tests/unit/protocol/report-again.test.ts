import { describe, expect, it } from 'vitest';
import { alreadyJudged, isReportAgain, reportAgain } from '../../../src/protocol/report-again';

describe('report-again, the background asking a page to report', () => {
  it.each([
    [reportAgain(), true],
    [reportAgain('https://doxy.me/room'), true],
    [{ type: 'report-again', tabUrl: 7 }, false],
    [{ type: 'report-later' }, false],
    [null, false],
    ['report-again', false],
  ])('accepts only its own shape: %j → %s', (message, accepted) => {
    expect(isReportAgain(message)).toBe(accepted);
  });

  it("lets a new document's frame skip the ask for the address its first report was judged under", () => {
    expect(alreadyJudged(reportAgain('https://doxy.me/room'), 'https://doxy.me/room')).toBe(true);
  });

  it('reports again after a same-document navigation, whose address is new to the frame', () => {
    expect(alreadyJudged(reportAgain('https://doxy.me/room?step=2'), 'https://doxy.me/room')).toBe(false);
  });

  it('reports again when the page has had no answer yet, or the ask names no address (the lists changed)', () => {
    expect(alreadyJudged(reportAgain('https://doxy.me/room'), undefined)).toBe(false);
    expect(alreadyJudged(reportAgain(), 'https://doxy.me/room')).toBe(false);
  });
});
