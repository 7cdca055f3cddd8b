// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { parseHookMessage } from '../../../src/main-world/call-events';
import { noticeDocumentOpen } from '../../../src/main-world/document-open-notice';
import { takeIntrinsics } from '../../../src/main-world/intrinsics';

/** A window whose Document interface records what the browser's own methods were asked. */
function setUp(readyState: DocumentReadyState) {
  const calls: string[] = [];
  class FakeDocument {
    get readyState(): DocumentReadyState {
      return readyState;
    }
    open(...args: unknown[]): string {
      calls.push(`open(${args.length})`);
      return 'opened';
    }
    write(...text: string[]): void {
      calls.push(`write(${text.join('')})`);
    }
    writeln(...text: string[]): void {
      calls.push(`writeln(${text.join('')})`);
    }
  }
  const told: unknown[] = [];
  const channel = { send: (detail: string) => told.push(parseHookMessage(detail)), onMessage: vi.fn() };
  const win = { Document: FakeDocument } as unknown as Window & typeof globalThis;
  noticeDocumentOpen(win, channel, takeIntrinsics(window));
  return { doc: new FakeDocument() as unknown as Document, calls, told };
}

describe('the document-open notice', () => {
  it('tells the content script inside document.open(), after the browser has cleared the listeners', () => {
    const { doc, calls, told } = setUp('complete');
    expect(doc.open()).toBe('opened');
    expect(calls).toEqual(['open(0)']);
    expect(told).toEqual([{ type: 'document-opened' }]);
  });

  it("says nothing for the three-argument form, which is window.open", () => {
    const { doc, told } = setUp('complete');
    (doc.open as (...args: unknown[]) => unknown)('https://example.org/', '_blank', '');
    expect(told).toEqual([]);
  });

  it('opens the document, and tells, before a write that would open it (after load), so the written scripts come after the guard', () => {
    const { doc, calls, told } = setUp('complete');
    const writer = doc as unknown as { write(text: string): void; writeln(text: string): void };
    writer.write('<form>');
    writer.writeln('</form>');
    expect(calls).toEqual(['open(0)', 'write(<form>)', 'open(0)', 'writeln(</form>)']);
    expect(told).toEqual([{ type: 'document-opened' }, { type: 'document-opened' }]);
  });

  it('leaves a write during parsing alone: it opens nothing', () => {
    const { doc, calls, told } = setUp('loading');
    (doc as unknown as { write(text: string): void }).write('<p>');
    expect(calls).toEqual(['write(<p>)']);
    expect(told).toEqual([]);
  });
});
