/**
 * Links that are no web address: what a pasted `javascript:` or `data:` link is, so the popup
 * can say why it is not judged as a site. Only http and https links lead to a site the lists
 * can speak for.
 */
export type NotWebKind =
  /** Runs code in the browser (javascript:, vbscript:). */
  | 'script'
  /** Carries its page inside the link itself or the browser's memory (data:, blob:, filesystem:): no site stands behind it. */
  | 'inline'
  /** Points into this computer or the browser itself (file:, chrome:, about:, view-source:). */
  | 'local'
  /** Any other scheme: email, phone, an app, ftp. */
  | 'other';

const KINDS: Readonly<Record<string, NotWebKind>> = {
  'javascript:': 'script',
  'vbscript:': 'script',
  'data:': 'inline',
  'blob:': 'inline',
  'filesystem:': 'inline',
  'file:': 'local',
  'about:': 'local',
  'chrome:': 'local',
  'chrome-extension:': 'local',
  'chrome-untrusted:': 'local',
  'edge:': 'local',
  'brave:': 'local',
  'opera:': 'local',
  'moz-extension:': 'local',
  'resource:': 'local',
  'view-source:': 'local',
  'mailto:': 'other',
  'tel:': 'other',
  'sms:': 'other',
  'smsto:': 'other',
  'ftp:': 'other',
  'ws:': 'other',
  'wss:': 'other',
  'intent:': 'other',
  'market:': 'other',
};

/**
 * The kind of a non-web scheme (`javascript:`, lower case with its colon) when a text that
 * starts with it is a link: a listed scheme, or any scheme followed by `//` (`zoommtg://`,
 * `hxxps://`). Undefined for a word before a colon ("Time:3pm", "Link:https://…").
 */
export function notWebKindOf(scheme: string, followedBySlashes: boolean): NotWebKind | undefined {
  return KINDS[scheme] ?? (followedBySlashes ? 'other' : undefined);
}
