import { z } from 'zod';
import type { AllowlistLayer } from './allowlist';
import { allowlistEntrySchema, domainSchema, formatJsonPath, type AllowlistEntry, type AllowlistFile, type AllowlistProblem } from './allowlist-file';
import { isPublicSuffix, publicSuffixMessage, publicSuffixProblems, publicSuffixSentences } from './public-suffix-entries';
import { issueSentence, refinement, sentence, type Sentence } from './problem-words';
import type { MessageKey } from '../i18n/messages';
import { quoteInput } from '../quote-input';
import { decodePublicKey } from './signed-list';

/**
 * The managed policy an admin sets for the extension (Chrome: `storage.managed`, declared
 * in assets/static/schema.json; Firefox: policies.json "3rdparty"). docs/admin.md explains
 * every field to admins.
 *
 * `parsePolicy` checks each setting on its own: a bad value is dropped (its default
 * applies) and reported with its path, and the rest of the policy still applies. A broken
 * policy is never all-or-nothing. Within `allowlist` and `remoteAllowlistKeys` each item
 * stands on its own too: one bad entry (malformed, a public suffix, a repeat) drops that
 * entry only.
 */

export const POLICY_KEYS = [
  'clinicName',
  'supportContact',
  'allowlist',
  'allowlistMode',
  'lockUserAllowlist',
  'remoteAllowlistUrl',
  'remoteAllowlistKeys',
  'refreshHours',
  'actions',
  'passwordProtection',
  'passwordSignInDomains',
] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];

export const ACTION_KEYS = ['passwordOnLookalike', 'unknownVideoPlatform', 'trackers'] as const;
export type ActionKey = (typeof ACTION_KEYS)[number];

export const POLICY_ACTIONS = ['warn', 'block', 'off'] as const;
export type PolicyAction = (typeof POLICY_ACTIONS)[number];

export const ALLOWLIST_MODES = ['add', 'replace'] as const;
export type AllowlistMode = (typeof ALLOWLIST_MODES)[number];

export const PASSWORD_PROTECTION = ['on', 'off'] as const;
export type PasswordProtection = (typeof PASSWORD_PROTECTION)[number];

export const REFRESH_HOURS = { min: 1, max: 168, default: 24 } as const;

export interface ManagedPolicy {
  /** Shown in warnings and the popup ("Managed by …"). */
  clinicName?: string;
  /** Email, phone number or https URL, shown in warnings as whom to tell. */
  supportContact?: string;
  /** The admin's own list entries (same format as a list file's `entries`). */
  allowlist: AllowlistEntry[];
  /** `add`: on top of the built-in catalog; `replace`: instead of it. */
  allowlistMode: AllowlistMode;
  /** Ignore the user's own additions. */
  lockUserAllowlist: boolean;
  /** Where the signed remote list lives (https only); set only together with keys. */
  remoteAllowlistUrl?: string;
  /** Base64 Ed25519 public keys (32 raw bytes each); several during a key rotation. */
  remoteAllowlistKeys: string[];
  refreshHours: number;
  actions: Record<ActionKey, PolicyAction>;
  /** `on`: fingerprints of verified platforms' passwords warn of their reuse, and new passwords are rated; `off`: no password is read at all. */
  passwordProtection: PasswordProtection;
  /** The clinic's own sign-in domains (its Microsoft 365 or Okta tenant), whose passwords are protected like a verified platform's. */
  passwordSignInDomains: string[];
}

export type PolicyProblem = AllowlistProblem;

export interface ParsedPolicy {
  policy: ManagedPolicy;
  problems: PolicyProblem[];
}

export function defaultPolicy(): ManagedPolicy {
  return {
    allowlist: [],
    allowlistMode: 'add',
    lockUserAllowlist: false,
    remoteAllowlistKeys: [],
    refreshHours: REFRESH_HOURS.default,
    actions: { passwordOnLookalike: 'warn', unknownVideoPlatform: 'warn', trackers: 'warn' },
    passwordProtection: 'on',
    passwordSignInDomains: [],
  };
}

// ---------------------------------------------------------------------------------------
// Support contact: an email address, a phone number or an https URL.

const EMAIL = /^[^\s@<>()"',;:]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/i;
const PHONE = /^\+?[0-9][0-9 ().\-/]*$/;

export type SupportContactLink = { kind: 'email' | 'phone' | 'url'; text: string; href: string };

/** How a support contact is shown and linked, or `undefined` when it is none of the three. */
export function supportContactLink(contact: string): SupportContactLink | undefined {
  const text = contact.trim();
  if (EMAIL.test(text)) return { kind: 'email', text, href: `mailto:${text}` };
  if (PHONE.test(text)) {
    const digits = text.replace(/[^0-9]/g, '');
    if (digits.length >= 5 && digits.length <= 15) return { kind: 'phone', text, href: `tel:${text.startsWith('+') ? '+' : ''}${digits}` };
    return undefined;
  }
  try {
    const url = new URL(text);
    if (url.protocol === 'https:' && url.username === '' && url.password === '') return { kind: 'url', text, href: url.href };
  } catch {
    // not a URL
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// One schema per setting; each is checked on its own.

const fieldSchemas = {
  clinicName: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
  supportContact: z
    .string()
    .trim()
    .max(200, 'must be at most 200 characters')
    .refine((contact) => supportContactLink(contact) !== undefined, refinement('must be an email address, a phone number or an https URL', 'adminProblemSupportContact')),
  allowlistMode: z.enum(ALLOWLIST_MODES),
  lockUserAllowlist: z.boolean(),
  remoteAllowlistUrl: z.url({ protocol: /^https$/, error: 'must be an https URL' }).refine(
    (url) => {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        // Zod runs this check even after z.url failed; a value that is no URL is reported once, by z.url.
        return true;
      }
      return parsed.username === '' && parsed.password === '';
    },
    refinement('must not carry a user name or password', 'adminProblemUrlCredentials'),
  ),
  refreshHours: z
    .number()
    .min(REFRESH_HOURS.min, `must be at least ${REFRESH_HOURS.min}`)
    .max(REFRESH_HOURS.max, `must be at most ${REFRESH_HOURS.max} (one week)`),
  action: z.enum(POLICY_ACTIONS),
  passwordProtection: z.enum(PASSWORD_PROTECTION),
  signInDomain: domainSchema,
} as const;

/** What a wrong value is, in a problem's message; never throws, whatever the value (a BigInt included). */
function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return quoteInput(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `a ${typeof value}`;
}

class Checker {
  readonly problems: PolicyProblem[] = [];

  /** A problem in English (`message`, for the command line) and in sentences (`says`, for the extension's pages). */
  report(path: readonly PropertyKey[], message: string, ...says: Sentence[]): void {
    this.problems.push({ path: formatJsonPath(path), message, says });
  }

  /** Parses one value; on failure reports every issue with `outcome` and returns undefined. */
  check<T>(schema: z.ZodType<T>, value: unknown, path: readonly PropertyKey[], outcome: string, outcomeSays: Sentence): T | undefined {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      this.report([...path, ...issue.path], `${issue.message}; ${outcome}`, issueSentence(issue), outcomeSays);
    }
    return undefined;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseAllowlist(value: unknown, checker: Checker): AllowlistEntry[] {
  if (!Array.isArray(value)) {
    checker.report(['allowlist'], `must be a list of entries, not ${kindOf(value)}; ignored`, sentence('adminProblemNeedsEntryList'), sentence('adminOutcomeIgnored'));
    return [];
  }
  const entries: AllowlistEntry[] = [];
  const seen = new Map<string, number>();
  value.forEach((item: unknown, index) => {
    const entry = checker.check(allowlistEntrySchema, item, ['allowlist', index], 'entry ignored', sentence('adminOutcomeEntryIgnored'));
    if (!entry) return;
    const suffixes = publicSuffixProblems(entry, ['allowlist', index]);
    if (suffixes.length > 0) {
      checker.problems.push(...suffixes);
      return;
    }
    const first = seen.get(entry.domain);
    if (first !== undefined) {
      checker.report(['allowlist', index, 'domain'], `${entry.domain} is already listed at allowlist[${first}]; entry ignored`, sentence('adminProblemAlreadyListed', entry.domain, `allowlist[${first}]`), sentence('adminOutcomeEntryIgnored'));
      return;
    }
    seen.set(entry.domain, index);
    entries.push(entry);
  });
  return entries;
}

function parseKeys(value: unknown, checker: Checker): string[] {
  if (!Array.isArray(value)) {
    checker.report(['remoteAllowlistKeys'], `must be a list of base64 public keys, not ${kindOf(value)}; ignored`, sentence('adminProblemNeedsKeyList'), sentence('adminOutcomeIgnored'));
    return [];
  }
  const keys: string[] = [];
  value.forEach((item: unknown, index) => {
    const path = ['remoteAllowlistKeys', index];
    if (typeof item !== 'string' || decodePublicKey(item) === undefined) {
      checker.report(path, 'must be a base64 Ed25519 public key of 32 bytes (the text of allowlist.pub); key ignored', sentence('adminProblemBadKey'), sentence('adminOutcomeKeyIgnored'));
      return;
    }
    const key = item.trim();
    if (keys.includes(key)) {
      checker.report(path, 'the same key is listed twice; ignored', sentence('adminProblemKeyTwice'), sentence('adminOutcomeIgnored'));
      return;
    }
    keys.push(key);
  });
  return keys;
}

function parseSignInDomains(value: unknown, checker: Checker): string[] {
  if (!Array.isArray(value)) {
    checker.report(['passwordSignInDomains'], `must be a list of domains like ["login.example-clinic.org"], not ${kindOf(value)}; ignored`, sentence('adminProblemNeedsDomainList'), sentence('adminOutcomeIgnored'));
    return [];
  }
  const domains: string[] = [];
  value.forEach((item: unknown, index) => {
    const path = ['passwordSignInDomains', index];
    const domain = checker.check(fieldSchemas.signInDomain, item, path, 'domain ignored', sentence('adminOutcomeDomainIgnored'));
    if (domain === undefined) return;
    if (isPublicSuffix(domain)) {
      checker.report(path, publicSuffixMessage(domain), ...publicSuffixSentences(domain));
      return;
    }
    if (domains.includes(domain)) {
      checker.report(path, `${domain} is listed twice; ignored`, sentence('adminProblemDomainTwice', domain), sentence('adminOutcomeIgnored'));
      return;
    }
    domains.push(domain);
  });
  return domains;
}

/** What an action falls back to, in a sentence. */
const USING_ACTION = { warn: 'adminOutcomeUsingWarn', block: 'adminOutcomeUsingBlock', off: 'adminOutcomeUsingOff' } as const satisfies Record<PolicyAction, MessageKey>;

function parseActions(value: unknown, checker: Checker, actions: Record<ActionKey, PolicyAction>): void {
  if (!isPlainObject(value)) {
    checker.report(['actions'], `must be an object like {"trackers": "warn"}, not ${kindOf(value)}; using "warn" for every action`, sentence('adminProblemNeedsActions'), sentence('adminOutcomeWarnEverywhere'));
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (!(ACTION_KEYS as readonly string[]).includes(key)) {
      checker.report(['actions', key], `unknown action; the known ones are ${ACTION_KEYS.join(', ')}`, sentence('adminProblemUnknownAction', ACTION_KEYS.join(', ')));
      continue;
    }
    const action = checker.check(fieldSchemas.action, item, ['actions', key], `using "${actions[key as ActionKey]}"`, sentence(USING_ACTION[actions[key as ActionKey]]));
    if (action) actions[key as ActionKey] = action;
  }
}

/**
 * Validates a managed policy as read from `storage.managed` (or a policies.json section).
 * `undefined`, `null` and `{}` mean "no policy": the defaults and no problems.
 */
export function parsePolicy(raw: unknown): ParsedPolicy {
  const policy = defaultPolicy();
  const checker = new Checker();
  if (raw === undefined || raw === null) return { policy, problems: [] };
  if (!isPlainObject(raw)) {
    checker.report([], `the policy must be an object of settings, not ${kindOf(raw)}; using the defaults`, sentence('adminProblemNeedsPolicyObject'), sentence('adminOutcomeDefaults'));
    return { policy, problems: checker.problems };
  }

  for (const [key, value] of Object.entries(raw)) {
    switch (key as PolicyKey) {
      case 'clinicName': {
        const name = checker.check(fieldSchemas.clinicName, value, [key], 'ignored', sentence('adminOutcomeIgnored'));
        if (name !== undefined) policy.clinicName = name;
        break;
      }
      case 'supportContact': {
        const contact = checker.check(fieldSchemas.supportContact, value, [key], 'ignored', sentence('adminOutcomeIgnored'));
        if (contact !== undefined) policy.supportContact = contact;
        break;
      }
      case 'allowlist':
        policy.allowlist = parseAllowlist(value, checker);
        break;
      case 'allowlistMode':
        policy.allowlistMode = checker.check(fieldSchemas.allowlistMode, value, [key], 'using "add"', sentence('adminOutcomeAddMode')) ?? policy.allowlistMode;
        break;
      case 'lockUserAllowlist':
        policy.lockUserAllowlist = checker.check(fieldSchemas.lockUserAllowlist, value, [key], 'using false', sentence('adminOutcomeNotLocked')) ?? policy.lockUserAllowlist;
        break;
      case 'remoteAllowlistUrl': {
        const url = checker.check(fieldSchemas.remoteAllowlistUrl, value, [key], 'no remote list is fetched', sentence('adminOutcomeNoRemoteList'));
        if (url !== undefined) policy.remoteAllowlistUrl = url;
        break;
      }
      case 'remoteAllowlistKeys':
        policy.remoteAllowlistKeys = parseKeys(value, checker);
        break;
      case 'refreshHours':
        policy.refreshHours = checker.check(fieldSchemas.refreshHours, value, [key], `using ${REFRESH_HOURS.default}`, sentence('adminOutcomeRefreshHours', String(REFRESH_HOURS.default))) ?? policy.refreshHours;
        break;
      case 'actions':
        parseActions(value, checker, policy.actions);
        break;
      case 'passwordProtection':
        policy.passwordProtection = checker.check(fieldSchemas.passwordProtection, value, [key], 'using "on"', sentence('adminOutcomePasswordsOn')) ?? policy.passwordProtection;
        break;
      case 'passwordSignInDomains':
        policy.passwordSignInDomains = parseSignInDomains(value, checker);
        break;
      default:
        checker.report([key], `unknown setting; the known ones are ${POLICY_KEYS.join(', ')}`, sentence('adminProblemUnknownSetting', POLICY_KEYS.join(', ')));
    }
  }

  // Settings that only make sense together.
  if (policy.remoteAllowlistUrl !== undefined && policy.remoteAllowlistKeys.length === 0) {
    checker.report(['remoteAllowlistUrl'], 'needs at least one valid key in remoteAllowlistKeys to check the list; no remote list is fetched', sentence('adminProblemUrlNeedsKey'), sentence('adminOutcomeNoRemoteList'));
    delete policy.remoteAllowlistUrl;
  }
  if (policy.allowlistMode === 'replace' && policy.allowlist.length === 0 && policy.remoteAllowlistUrl === undefined) {
    checker.report(['allowlistMode'], '"replace" needs an allowlist or a remote list to replace the built-in catalog with; using "add"', sentence('adminProblemReplaceNeedsList'), sentence('adminOutcomeAddMode'));
    policy.allowlistMode = 'add';
  }
  return { policy, problems: checker.problems };
}

// ---------------------------------------------------------------------------------------

export interface AllowlistSources {
  catalog: AllowlistFile;
  /** The last good signed remote list, if any. */
  remote?: AllowlistFile | undefined;
  /** The user's own additions, if any. */
  user?: AllowlistFile | undefined;
}

/**
 * The list layers in force, in precedence order for `buildAllowlist` (a later layer takes
 * a domain over from an earlier one):
 * 1. the built-in catalog, left out when the policy says `replace` and there is an admin
 *    list (policy entries or a remote list) to replace it with;
 * 2. the policy's own `allowlist`;
 * 3. the signed remote list;
 * 4. the user's own additions, left out when `lockUserAllowlist` is set.
 */
export function allowlistLayers(policy: ManagedPolicy, sources: AllowlistSources): AllowlistLayer[] {
  const layers: AllowlistLayer[] = [];
  const adminListed = policy.allowlist.length > 0 || (sources.remote?.entries.length ?? 0) > 0;
  if (policy.allowlistMode === 'add' || !adminListed) layers.push({ source: 'catalog', file: sources.catalog });
  if (policy.allowlist.length > 0) layers.push({ source: 'policy', file: { version: 0, entries: policy.allowlist } });
  if (sources.remote) layers.push({ source: 'remote', file: sources.remote });
  if (sources.user && !policy.lockUserAllowlist) layers.push({ source: 'user', file: sources.user });
  return layers;
}
