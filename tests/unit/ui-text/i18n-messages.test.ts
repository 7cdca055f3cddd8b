import { describe, expect, it } from 'vitest';
import { formatEntry } from '../../../src/core/i18n/format-message';
import { messagesFromI18n } from '../../../src/ui-text/i18n-messages';
import spanish from '../../../assets/static/_locales/es/messages.json';

/** The browser's getMessage over one catalog: '' for a name it lacks, as Chrome answers. */
function fakeI18n(catalog: Record<string, { message: string; placeholders?: Record<string, { content: string }> }>) {
  return {
    getMessage: (name: string, substitutions?: string | string[]) => {
      const entry = catalog[name];
      return entry ? formatEntry(entry, typeof substitutions === 'string' ? [substitutions] : (substitutions ?? [])) : '';
    },
  };
}

describe('messagesFromI18n', () => {
  it('speaks the language the catalog in use names, and asks the browser for each sentence', () => {
    const m = messagesFromI18n(fakeI18n(spanish));
    expect(m.lang).toBe('es');
    expect(m.text('goTo', 'doxy.me')).toBe('Ir a doxy.me');
    expect(m.count('requestsTo', 2, 'Meta')).toBe('2 solicitudes a Meta');
  });

  it('is English where the browser names no language', () => {
    expect(messagesFromI18n({ getMessage: () => '' }).lang).toBe('en');
  });
});
