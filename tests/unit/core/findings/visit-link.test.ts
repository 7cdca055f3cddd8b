import { describe, expect, it } from 'vitest';
import { assessPage } from '../../../../src/core/findings/assess';
import { buildAllowlist } from '../../../../src/core/lists/allowlist';
import { loadBuiltInCatalog } from '../../../../src/core/lists/catalog';

const allowlist = buildAllowlist([{ source: 'catalog', file: loadBuiltInCatalog() }]);

/** assessPage's `visitLink`: an address the user got as a visit link and asks about before opening it. */
describe('an address judged as a visit link', () => {
  it.each([
    ['an unknown http site, which says nothing as a page, is danger', 'http://visit.example-clinic.org/', 'neutral', 'danger'],
    ['a verified platform over http is danger rather than caution', 'http://doxy.me/drsmith', 'caution', 'danger'],
    ['a weak resemblance is a caution rather than a note', 'https://doxyq.me/', 'neutral', 'caution'],
    ['a verified platform over https stays verified', 'https://doxy.me/drsmith', 'verified', 'verified'],
    ['an unknown https site stays neutral', 'https://visit.example-clinic.org/', 'neutral', 'neutral'],
    ['an http link to this computer stays neutral', 'http://localhost:8080/', 'neutral', 'neutral'],
  ])('%s', (_, url, asPage, asLink) => {
    expect(assessPage(allowlist, { url }).level).toBe(asPage);
    expect(assessPage(allowlist, { url, visitLink: true }).level).toBe(asLink);
  });

  it('gives an http visit link the reason of a visit offered over http', () => {
    expect(assessPage(allowlist, { url: 'http://visit.example-clinic.org/', visitLink: true }).findings).toEqual([{ code: 'INSECURE_CONNECTION', level: 'danger', reason: 'video' }]);
  });
});
