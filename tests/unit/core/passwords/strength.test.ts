import { describe, expect, it } from 'vitest';
import { explainFinding } from '../../../../src/core/findings/explain';
import { englishMessages } from '../../../../src/core/i18n/english-messages';
import { ratePassword } from '../../../../src/core/passwords/strength';
import { STRONG_ENOUGH } from '../../../../src/core/passwords/strength-levels';

describe('rating a new password', () => {
  it('rates "password123" below 3, with the rater\'s warning', () => {
    const rated = ratePassword('password123');
    expect(rated.score).toBeLessThan(STRONG_ENOUGH);
    expect(rated.warning).toMatch(/common/i);
  });

  it('rates four random words strong', () => {
    expect(ratePassword('Riverbank-Sunday-42').score).toBeGreaterThanOrEqual(STRONG_ENOUGH);
  });

  it("counts the site's own name against it", () => {
    expect(ratePassword('doxyme2024', ['doxy', 'doxyme']).score).toBeLessThan(ratePassword('doxyme2024').score);
  });

  it('explains WEAK_PASSWORD with its score and feedback, never the password', () => {
    const { detail } = explainFinding({ code: 'WEAK_PASSWORD', level: 'caution', ...ratePassword('password123') }, englishMessages);
    expect(detail).toContain('0 of 4');
    expect(detail).not.toContain('password123');
  });
});
