import type { Messages } from '../core/i18n/messages';
import type { NotWebKind } from '../core/links/link-schemes';
import { uiMessages } from '../ui-text/ui-messages';

const NOT_WEB_KEYS = {
  script: 'linkCheckNotWebScript',
  inline: 'linkCheckNotWebInline',
  local: 'linkCheckNotWebLocal',
  other: 'linkCheckNotWebOther',
} as const satisfies Record<NotWebKind, string>;

const made = new WeakMap<Messages, LinkCheckWords>();

/**
 * Every word of the popup's "Check a link", in the browser's language (the `linkCheck*`
 * messages), made once per set of messages: each component of the section asks at each render.
 * The findings' own words come from the core (findings/explain).
 */
export function linkCheckWords(m: Messages = uiMessages()): LinkCheckWords {
  let words = made.get(m);
  if (!words) {
    words = wordsOf(m);
    made.set(m, words);
  }
  return words;
}

function wordsOf(m: Messages) {
  return {
    heading: m.text('linkCheckHeading'),
    label: m.text('linkCheckLabel'),
    button: m.text('linkCheckButton'),
    privacy: m.text('linkCheckPrivacy'),
    /** Before the link as it was written. */
    writtenLabel: m.text('linkCheckWritten'),

    empty: m.text('linkCheckEmpty'),
    tooLong: (length: number, max: number) => m.text('linkCheckTooLong', length, max),
    emailAddress: m.text('linkCheckEmailAddress'),
    noLink: m.text('linkCheckNoLink'),
    failed: (error: string) => m.text('linkCheckFailed', error),

    /** The headline of a link's verdict where it is not the page verdict's (core/findings/explain's headline). */
    headline: { caution: m.text('linkCheckCautionHeadline'), danger: m.text('linkCheckDangerHeadline'), unknown: (host: string) => m.text('linkCheckUnknownHeadline', host) },
    /** `ascii`: the browser's form of an internationalised host, shown beside it. */
    goesTo: (host: string, ascii: string) => (host === ascii ? m.text('linkCheckGoesTo', host) : m.text('linkCheckGoesToAscii', host, ascii)),

    assumedHttps: m.text('linkCheckAssumedHttps'),
    userInfo: (before: string, host: string) => m.text('linkCheckUserInfo', before, host),
    invisible: (characters: readonly string[]) => m.text('linkCheckInvisible', m.list(characters)),
    unknownSite: m.text('linkCheckUnknownSite'),
    more: (count: number) => m.count('linkCheckMore', count),

    notWebHeadline: m.text('linkCheckNotWebHeadline'),
    notWeb: (kind: NotWebKind, scheme: string): string => m.text(NOT_WEB_KEYS[kind], scheme),
    unreadable: m.text('linkCheckUnreadable'),
  };
}

export type LinkCheckWords = ReturnType<typeof wordsOf>;
