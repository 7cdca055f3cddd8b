import { z } from 'zod';
import type { ListSource } from '../core/lists/allowlist';
import type { AllowlistProblem } from '../core/lists/allowlist-file';
import type { ActionKey, AllowlistMode, PasswordProtection, PolicyAction, PolicyProblem } from '../core/lists/policy';
import type { SignedListFile } from '../core/lists/signed-list';

/**
 * Messages the options page and the popup send about the admin's policy, the remote list and
 * the user's own list. Appended to `extensionPageMessageSchema` (messages.ts): only the
 * extension's own pages may send them.
 */
export const adminPageMessageSchemas = [
  z.object({ type: z.literal('get-admin-status') }).strict(),
  /** "Check now" on the options page: fetch the remote list at once. */
  z.object({ type: z.literal('refresh-remote-list') }).strict(),
  /** A host or a pasted address; the background checks it (core/lists/user-domain). */
  z.object({ type: z.literal('add-user-domain'), domain: z.string().min(1).max(2048) }).strict(),
  z.object({ type: z.literal('remove-user-domain'), domain: z.string().min(1).max(253) }).strict(),
  /** Forget one protected platform's password fingerprint (`domain`), or every one (no domain). */
  z.object({ type: z.literal('forget-protected-password'), domain: z.string().min(1).max(253).optional() }).strict(),
] as const;

/** The last remote list accepted, as kept in `storage.local`. */
export interface RemoteListRecord {
  /** The policy's `remoteAllowlistUrl` it was fetched from. */
  url: string;
  file: SignedListFile;
  /** SHA-256 of the exact bytes: the same version may come again only with the same bytes. */
  sha256: string;
  /** The public key (policy text) that signed it: the list counts only while that key is configured. */
  signedBy: string;
  /** The server's ETag, sent back as If-None-Match. */
  etag?: string | undefined;
  acceptedAt: number;
}

export interface RemoteListFailure {
  at: number;
  /** A signed-list reason (`signature-mismatch`, `rollback`, `expired`, …) or `fetch-failed` / `http-error`. */
  reason: string;
  message: string;
  problems?: AllowlistProblem[] | undefined;
}

export interface RemoteListStatus {
  /** The URL and keys the last attempt used: a policy change makes a check due at once. */
  checkedFor?: string | undefined;
  lastAttemptAt?: number | undefined;
  lastSuccessAt?: number | undefined;
  lastFailure?: RemoteListFailure | undefined;
}

export interface UserDomainView {
  domain: string;
  counted: boolean;
  /** Why it does not count, in words. */
  note?: string | undefined;
}

/** Everything the options page and the popup's footer show about the admin's settings. */
export interface AdminStatus {
  /** Whether any policy is set at all. */
  managed: boolean;
  clinicName?: string | undefined;
  supportContact?: string | undefined;
  supportHref?: string | undefined;
  /** Each policy value that was not used, with its path (core/lists/policy). */
  problems: PolicyProblem[];
  allowlistMode: AllowlistMode;
  /** The lists in force, in precedence order. */
  sources: ListSource[];
  policyDomains: string[];
  /** What the extension does on each risk, as the policy (or the default, `warn`) says. */
  actions: Record<ActionKey, PolicyAction>;
  remote: {
    url?: string | undefined;
    inForce?:
      | {
          version: number;
          expires: string;
          entries: number;
          acceptedAt: number;
          expired: boolean;
          /** Entries of the list in force that the allowlist leaves out (a public suffix), by their path in the list. */
          ignored: AllowlistProblem[];
        }
      | undefined;
    lastAttemptAt?: number | undefined;
    lastSuccessAt?: number | undefined;
    lastFailure?: RemoteListFailure | undefined;
  };
  user: { locked: boolean; domains: UserDomainView[] };
  passwords: {
    /** The policy's passwordProtection (or the default, `on`). */
    protection: PasswordProtection;
    /** The clinic's own sign-in domains, protected like a verified platform. */
    signInDomains: string[];
    /** Platforms whose password has a fingerprint kept, newest first: never the fingerprint itself. */
    protected: { domain: string; name: string; at: number }[];
  };
}

/** Replies, merged into `ReplyTypes` (messages.ts). Every change answers with the new status. */
export interface AdminReplyTypes {
  'get-admin-status': AdminStatus;
  'refresh-remote-list': AdminStatus;
  'add-user-domain': AdminStatus;
  'remove-user-domain': AdminStatus;
  'forget-protected-password': AdminStatus;
}
