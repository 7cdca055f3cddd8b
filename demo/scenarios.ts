import type { FindingCode } from '../src/core/findings/findings';
import type { RiskLevel } from '../src/core/findings/risk-levels';

export interface Ports {
  httpsPort: number;
  httpPort: number;
}

export interface Expectation {
  level: RiskLevel;
  /** Every finding code the popup must show, and no other (order does not matter). */
  findings: readonly FindingCode[];
}

export interface Scenario {
  name: string;
  description: string;
  url(ports: Ports): string;
  /** The verdict once the page has reported all it will. */
  expected: Expectation;
  /** For pages that change after load: the verdict of the first report, before the change. */
  beforeChange?: Expectation;
}

/** The demo sites (demo/sites/) and what the extension must say about each. */
export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'verified-waiting-room',
    description: 'Doxy.me waiting room with a video element',
    url: ({ httpsPort }) => `https://doxy.me:${httpsPort}/dr-smith`,
    expected: { level: 'verified', findings: ['VERIFIED_PLATFORM'] },
  },
  {
    name: 'lookalike-login',
    description: 'd0xy.me login page imitating Doxy.me',
    url: ({ httpsPort }) => `https://d0xy.me:${httpsPort}/login`,
    expected: { level: 'danger', findings: ['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE'] },
  },
  {
    name: 'http-portal-login',
    description: 'clinic patient portal login over plain http',
    url: ({ httpPort }) => `http://patient-portal.example-clinic.com:${httpPort}/`,
    expected: { level: 'danger', findings: ['INSECURE_CONNECTION', 'INSECURE_FORM'] },
  },
  {
    name: 'ordinary-login',
    description: 'an ordinary forum with a login form',
    url: ({ httpsPort }) => `https://forum.example.org:${httpsPort}/login`,
    expected: { level: 'neutral', findings: [] },
  },
  {
    name: 'general-purpose-join',
    description: 'Zoom meeting join page',
    url: ({ httpsPort }) => `https://zoom.us:${httpsPort}/j/123456789`,
    expected: { level: 'neutral', findings: ['GENERAL_PURPOSE_PLATFORM'] },
  },
  {
    name: 'late-password-lookalike',
    description: 'd0xy.me page that adds a password field 2 s after load',
    url: ({ httpsPort }) => `https://d0xy.me:${httpsPort}/late-login`,
    beforeChange: { level: 'caution', findings: ['LOOKALIKE_DOMAIN'] },
    expected: { level: 'danger', findings: ['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE'] },
  },
  {
    name: 'shadow-password-lookalike',
    description: 'd0xy.me login built as a web component (password field in an open shadow root)',
    url: ({ httpsPort }) => `https://d0xy.me:${httpsPort}/shadow-login`,
    expected: { level: 'danger', findings: ['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE'] },
  },
  {
    name: 'framed-lookalike-login',
    description: 'd0xy.me page whose password field is in a d0xy.me frame',
    url: ({ httpsPort }) => `https://d0xy.me:${httpsPort}/framed-login`,
    // The top frame usually reports before its frame: the address alone first.
    beforeChange: { level: 'caution', findings: ['LOOKALIKE_DOMAIN'] },
    expected: { level: 'danger', findings: ['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE'] },
  },
  {
    name: 'lookalike-frame-in-ordinary-page',
    description: 'an ordinary forum framing a sign-in box from d0xy.me',
    url: ({ httpsPort }) => `https://forum.example.org:${httpsPort}/embedded-visit`,
    beforeChange: { level: 'neutral', findings: [] },
    expected: { level: 'danger', findings: ['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE'] },
  },
  {
    name: 'ordinary-frame-in-lookalike',
    description: "d0xy.me framing an ordinary site's login",
    url: ({ httpsPort }) => `https://d0xy.me:${httpsPort}/forum-login`,
    beforeChange: { level: 'caution', findings: ['LOOKALIKE_DOMAIN'] },
    expected: { level: 'danger', findings: ['LOOKALIKE_DOMAIN', 'PASSWORD_ON_LOOKALIKE'] },
  },
  {
    name: 'tracker-on-intake',
    description: 'Doxy.me intake form that sends to the Meta Pixel',
    url: ({ httpsPort }) => `https://doxy.me:${httpsPort}/intake`,
    expected: { level: 'caution', findings: ['VERIFIED_PLATFORM', 'THIRD_PARTY_TRACKER'] },
  },
  {
    name: 'foreign-form-action',
    description: 'an ordinary forum whose login form posts to another domain',
    url: ({ httpsPort }) => `https://forum.example.org:${httpsPort}/partner-login`,
    expected: { level: 'caution', findings: ['FOREIGN_FORM_ACTION'] },
  },
];

export function scenarioNamed(name: string): Scenario {
  const scenario = SCENARIOS.find((s) => s.name === name);
  if (!scenario) throw new Error(`no scenario named ${name}`);
  return scenario;
}

/** True when `actual` is exactly the expected set of codes. */
export function sameFindings(actual: readonly string[], expected: readonly string[]): boolean {
  const a = [...new Set(actual)].sort();
  const b = [...new Set(expected)].sort();
  return a.length === b.length && a.every((code, i) => code === b[i]);
}
