import { describe, expect, it } from 'vitest';
import { formatEntry } from '../../../../src/core/i18n/format-message';

describe('formatEntry, as Chrome and Firefox do getMessage', () => {
  it.each([
    ['a named placeholder becomes its content', { message: 'Go to $target$', placeholders: { target: { content: '$1' } } }, ['doxy.me'], 'Go to doxy.me'],
    ['names match in any case', { message: 'Go to $TARGET$', placeholders: { Target: { content: '$1' } } }, ['doxy.me'], 'Go to doxy.me'],
    ['$1..$9 work in the message itself', { message: '$2 before $1' }, ['a', 'b'], 'b before a'],
    ['a missing substitution is empty', { message: 'x$1y$2z' }, ['1'], 'x1yz'],
    ['$$ is a dollar sign', { message: 'costs $$5' }, [], 'costs $5'],
    ['a substitution is never read again', { message: '$1 and $2' }, ['$2', 'b'], '$2 and b'],
    ['a placeholder may hold fixed text', { message: 'Hi $who$', placeholders: { who: { content: 'there' } } }, [], 'Hi there'],
    ['an unknown placeholder stays as written', { message: 'Hi $nobody$' }, [], 'Hi $nobody$'],
  ])('%s', (_name, entry, substitutions, expected) => {
    expect(formatEntry(entry, substitutions)).toBe(expected);
  });
});
