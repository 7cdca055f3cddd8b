import { describe, expect, it } from 'vitest';
import { parseAllowlistText, withoutByteOrderMark } from '../../../../src/core/lists/allowlist-file';
import { DEFAULT_MAX_LIST_BYTES, parseListBytes } from '../../../../src/core/lists/signed-list';

const encoder = new TextEncoder();
const BOM = '\uFEFF';
const LIST = JSON.stringify({ version: 1, entries: [{ domain: 'doxy.me', name: 'Doxy.me' }] });

describe('the BOM rule: one leading byte-order mark is dropped, everywhere', () => {
  it('drops one leading mark and nothing else', () => {
    expect(withoutByteOrderMark(`${BOM}{}`)).toBe('{}');
    expect(withoutByteOrderMark(`${BOM}${BOM}{}`)).toBe(`${BOM}{}`);
    expect(withoutByteOrderMark(`{"a":"${BOM}"}`)).toBe(`{"a":"${BOM}"}`);
  });

  it('reads a list with a BOM from bytes and from text alike', () => {
    const bytes = encoder.encode(`${BOM}${LIST}`);
    expect(bytes.slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(parseListBytes(bytes)).toMatchObject({ ok: true, file: { version: 1 } });
    expect(parseAllowlistText(`${BOM}${LIST}`)).toMatchObject({ ok: true, file: { version: 1 } });
  });

  it('refuses two marks, from bytes and from text alike', () => {
    expect(parseListBytes(encoder.encode(`${BOM}${BOM}${LIST}`))).toMatchObject({ ok: false, reason: 'invalid-json' });
    expect(parseAllowlistText(`${BOM}${BOM}${LIST}`)).toMatchObject({ ok: false, problems: [{ path: '(root)' }] });
  });
});

describe('parseListBytes', () => {
  it('refuses a list over the size limit before reading it', () => {
    const padded = `${LIST}${' '.repeat(DEFAULT_MAX_LIST_BYTES)}`;
    const result = parseListBytes(encoder.encode(padded));
    expect(result).toMatchObject({ ok: false, reason: 'too-large', problems: [{ path: '(root)' }] });
    if (result.ok) return;
    expect(result.message).toBe(`the list is ${padded.length} bytes, more than the limit of ${DEFAULT_MAX_LIST_BYTES}`);
  });

  it('takes a list of exactly the limit', () => {
    const padded = `${LIST}${' '.repeat(DEFAULT_MAX_LIST_BYTES - LIST.length)}`;
    expect(parseListBytes(encoder.encode(padded))).toMatchObject({ ok: true });
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(parseListBytes(new Uint8Array([0x7b, 0xff, 0x7d]))).toMatchObject({ ok: false, reason: 'invalid-json' });
  });

  it('keeps a list with a public-suffix entry, reporting the entry as ignored', () => {
    const list = { version: 1, entries: [{ domain: 'doxy.me', name: 'Doxy.me' }, { domain: 'github.io', name: 'GitHub Pages' }] };
    const result = parseListBytes(encoder.encode(JSON.stringify(list)));
    expect(result).toMatchObject({ ok: true, ignored: [{ path: 'entries[1].domain', message: expect.stringContaining('github.io is a public suffix') as unknown }] });
  });
});
