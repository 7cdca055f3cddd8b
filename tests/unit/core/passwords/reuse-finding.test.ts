import { describe, expect, it } from 'vitest';
import { explainFinding } from '../../../../src/core/findings/explain';
import { englishMessages } from '../../../../src/core/i18n/english-messages';
import { passwordReuseFinding } from '../../../../src/core/passwords/reuse-finding';

const doxy = { name: 'Doxy.me', domain: 'doxy.me' };
const ordinary = { host: 'shop.example-store.com', lookalike: false, insecure: false, formElsewhere: false };

describe('PASSWORD_REUSE', () => {
  it('is a caution on an ordinary site, naming whose password it is and where it was typed', () => {
    expect(passwordReuseFinding(doxy, ordinary)).toEqual({ code: 'PASSWORD_REUSE', level: 'caution', platform: 'Doxy.me', domain: 'doxy.me', site: 'shop.example-store.com', risks: [] });
  });

  it.each([
    ['a look-alike', { lookalike: true }, 'lookalike'],
    ['an http page', { insecure: true }, 'insecure-page'],
    ['a form that posts elsewhere', { formElsewhere: true }, 'form-elsewhere'],
  ] as const)('is danger on %s', (_name, change, risk) => {
    const finding = passwordReuseFinding(doxy, { ...ordinary, ...change });
    expect(finding.level).toBe('danger');
    expect(finding.risks).toEqual([risk]);
  });

  it('says what happened and what to do: change it if the site is not fully trusted, one password per site, two-step sign-in', () => {
    const { title, detail, action } = explainFinding(passwordReuseFinding(doxy, ordinary), englishMessages);
    expect(title).toBe('You typed your Doxy.me password on another site');
    expect(detail).toContain('shop.example-store.com');
    expect(action).toContain("If you don't fully trust this site, change your Doxy.me password now");
    expect(action).toContain('Use a different password for every site');
    expect(action).toContain('two-step sign-in');
  });

  it('names the frame it was typed in', () => {
    const finding = passwordReuseFinding(doxy, { ...ordinary, host: 'forms.example-forms.net', frame: 'forms.example-forms.net' });
    expect(finding.frame).toBe('forms.example-forms.net');
    expect(explainFinding(finding, englishMessages).detail).toContain('a box in this page, from forms.example-forms.net');
  });
});
