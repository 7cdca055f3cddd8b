import type { NotWebKind } from '../core/links/link-schemes';

/**
 * Every English word of the popup's "Check a link", in one place, so that they move into the
 * message catalog together. The findings' own words come from the core (findings/explain).
 * Kept short: the popup's JavaScript has a budget (tests/e2e/extension-pages-build).
 */
export const LINK_CHECK_WORDS = {
  heading: 'Check a link',
  label: 'Paste the visit link you got by text or email, or the whole message',
  button: 'Check',
  privacy: 'The link is not opened or sent anywhere.',
  /** Before the link as it was written. */
  writtenLabel: 'Link: ',

  empty: 'Paste a link first.',
  tooLong: (length: number, max: number) => `Too long to check: ${length} characters, at most ${max}. Paste just the link.`,
  emailAddress: 'That is an email address, not a link to a website.',
  noLink: 'No web link found. A visit link starts with https:// or looks like doxy.me/your-doctor.',
  failed: (error: string) => `Could not check the link: ${error}`,

  /** The headline of a link's verdict where it is not the page verdict's (core/findings/explain's headline). */
  headline: { caution: 'Be careful with this link', danger: "Don't open this link", unknown: (host: string) => `Unknown site: ${host}` },
  /** `ascii`: the browser's form of an internationalised host, shown beside it. */
  goesTo: (host: string, ascii: string) => (host === ascii ? `Goes to ${host}` : `Goes to ${host} (${ascii})`),

  assumedHttps: 'Written without https:// in front: checked as https://.',
  userInfo: (before: string, host: string) => `The part before the @ ("${before}") is a trick: the link goes to ${host}.`,
  invisible: (characters: readonly string[]) => `Invisible characters (${characters.join(', ')}, in brackets above) make this link read differently from where it goes.`,
  unknownSite: 'No list knows this site. Open it only if you expected it from your provider; if unsure, call your clinic.',
  more: (count: number) => `${count} more link${count === 1 ? '' : 's'} not checked: paste each on its own.`,

  notWebHeadline: 'Not a link to a website',
  notWeb: (kind: NotWebKind, scheme: string): string => {
    switch (kind) {
      case 'script':
        return `A ${scheme} link runs code in your browser; a visit link never does. Don't paste it into the address bar.`;
      case 'inline':
        return `A ${scheme} link carries its own page, with no website behind it; a visit link never does.`;
      case 'local':
        return `A ${scheme} link points into this computer or the browser, not to a website.`;
      case 'other':
        return `A ${scheme} link is no web link (https://); only web links are checked.`;
    }
  },
  unreadable: 'No browser could open this address.',
};
