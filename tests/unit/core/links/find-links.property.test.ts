import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLinks } from '../../../../src/core/links/find-links';
import { LINK_TEXT_MAX_LENGTH, MAX_LINKS_CHECKED } from '../../../../src/core/links/link-limits';

const RUNS = 500;

/** Text as a patient may paste it: words, links, odd characters and invisible ones mixed. */
const pasted = fc
  .array(
    fc.oneof(
      fc.string(),
      fc.webUrl({ withFragments: true, withQueryParameters: true }),
      fc.domain(),
      fc.constantFrom('javascript:alert(1)', 'data:,x', 'blob:https://doxy.me/1', 'mailto:a@b.org', 'a@b.org', 'https://doxy.me@d0xy.me/', '\u200B', '\u202E', '(', ')', '.', '\n'),
    ),
    { maxLength: 20 },
  )
  .map((parts) => parts.join(' '));

describe('findLinks, fed anything', () => {
  it('never throws, and answers with links or a reason', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: LINK_TEXT_MAX_LENGTH + 10 }), pasted), (text) => {
        const reading = findLinks(text);
        if (!reading.ok) return;
        expect(reading.links.length).toBeGreaterThan(0);
        expect(reading.links.length).toBeLessThanOrEqual(MAX_LINKS_CHECKED);
      }),
      { numRuns: RUNS },
    );
  });

  it('gives only http and https addresses with a host to judge', () => {
    fc.assert(
      fc.property(pasted, (text) => {
        const reading = findLinks(text);
        for (const link of reading.ok ? reading.links : []) {
          if (link.kind !== 'web') continue;
          const url = new URL(link.url);
          expect(['http:', 'https:']).toContain(url.protocol);
          expect(url.hostname).not.toBe('');
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('finds every web address written alone', () => {
    fc.assert(
      fc.property(fc.webUrl(), (address) => {
        const reading = findLinks(address);
        expect(reading.ok).toBe(true);
        const link = reading.ok ? reading.links[0] : undefined;
        expect(link?.kind === 'web' ? new URL(link.url).hostname : link).toBe(new URL(address).hostname);
      }),
      { numRuns: RUNS },
    );
  });
});
