import { parseAllowlistFile, parseListJson, type AllowlistFile, type AllowlistProblem } from './allowlist-file';
import { sentence } from './problem-words';
import { listPublicSuffixProblems } from './public-suffix-entries';
import { sha256Hex } from '../sha256-hex';

/**
 * Signed remote lists: an allowlist file the admin hosts over https next to a detached
 * Ed25519 signature, checked with WebCrypto (`globalThis.crypto.subtle`), so the same code
 * runs on Node (the `allowlist` command) and in the extension's service worker.
 *
 * Formats (docs/admin.md describes them for admins):
 * - the list: an allowlist file (`allowlist-file.ts`) that also carries `"expires"`. The
 *   signature covers the EXACT bytes of the file as served; nothing is normalised, so
 *   re-saving the file in an editor (line endings, a BOM, reindenting) needs a new signature.
 * - the signature, `LIST.sig`: the 64-byte Ed25519 signature in standard base64 (88
 *   characters, `=` padding), optionally followed by a line break. Nothing else.
 * - a public key: the 32 raw bytes of the Ed25519 public key in standard base64 (44
 *   characters): the text of `allowlist.pub` and of each `remoteAllowlistKeys` entry.
 *
 * Order of checks: size, signature format, signature (before the content is parsed at all,
 * so unsigned bytes never reach the JSON parser), JSON, list format, `expires` present,
 * rollback, expiry.
 *
 * An entry for a public suffix (`github.io`) does not fail the list: the admin signed the
 * rest, so the rest applies. It comes back in `ignored` with its JSON path, and the
 * allowlist never uses it (allowlist.ts).
 *
 * Version rule: a list's `version` must be greater than the last good one's. The same
 * version is accepted only when the bytes are identical (the same list fetched again,
 * `unchanged: true`); the same version with other bytes is a rollback, since two different
 * lists must never share a number. Without the last good list's `sha256` an equal version
 * counts as a rollback.
 */

export const DEFAULT_MAX_LIST_BYTES = 1024 * 1024;
const ED25519 = { name: 'Ed25519' } as const;
const PUBLIC_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;

export type SignedListFailureReason =
  | 'too-large'
  | 'bad-signature-format'
  | 'signature-mismatch'
  | 'invalid-json'
  | 'invalid-list'
  | 'missing-expires'
  | 'rollback'
  | 'expired'
  /** None of the given public keys is a usable Ed25519 key. */
  | 'no-public-key'
  /** This runtime's WebCrypto has no Ed25519 (Chrome before 137, Firefox before 129). */
  | 'unsupported';

/** A list file that passed the format check and carries `expires`. */
export type SignedListFile = AllowlistFile & { expires: string };

export interface SignedListOk {
  ok: true;
  file: SignedListFile;
  /** Index into `publicKeys` of the key that made the signature. */
  keyIndex: number;
  /** SHA-256 of the list bytes, lower-case hex: keep it with the version as `lastGood`. */
  sha256: string;
  /** The same version and bytes as `lastGood`: nothing to update. */
  unchanged: boolean;
  /** Entries the allowlist ignores (public suffixes), each problem with its JSON path. */
  ignored: AllowlistProblem[];
}

export interface SignedListFailure {
  ok: false;
  reason: SignedListFailureReason;
  message: string;
  /** For `invalid-list`: every problem with its JSON path. */
  problems?: AllowlistProblem[];
  /**
   * For `expired` only: the list is authentic and newer than the last good one, just out of
   * date. The caller keeps its last good list and shows ALLOWLIST_STALE; with no last good
   * list it may choose to use this one, still showing ALLOWLIST_STALE.
   */
  file?: SignedListFile;
  keyIndex?: number;
}

export type SignedListResult = SignedListOk | SignedListFailure;

/** What the caller remembers of the last list it accepted. */
export interface LastGoodList {
  version: number;
  sha256?: string;
}

export interface VerifySignedListInput {
  /** The list file exactly as downloaded. */
  bytes: Uint8Array;
  /** The text of the `.sig` file. */
  signatureText: string;
  /** Base64 Ed25519 public keys; any one of them may have signed (key rotation). */
  publicKeys: readonly string[];
  lastGood?: LastGoodList | undefined;
  now: Date;
  maxBytes?: number;
}

// ---------------------------------------------------------------------------------------
// Base64 (standard alphabet). atob/btoa exist on Node and in every extension context.

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict standard base64 with padding; `undefined` for anything else. */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (!BASE64.test(text)) return undefined;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The 32 raw bytes of a base64 Ed25519 public key, or `undefined` if it is not one. */
export function decodePublicKey(text: string): Uint8Array | undefined {
  const bytes = decodeBase64(text.trim());
  return bytes?.length === PUBLIC_KEY_BYTES ? bytes : undefined;
}

/** The 64 signature bytes of a `.sig` file's text, or `undefined` if it is not one. */
export function decodeSignature(text: string): Uint8Array | undefined {
  if (text.length > 200) return undefined;
  const bytes = decodeBase64(text.trim());
  return bytes?.length === SIGNATURE_BYTES ? bytes : undefined;
}

/** The text of a `.sig` file for a signature. */
export function formatSignature(signature: Uint8Array): string {
  return `${encodeBase64(signature)}\n`;
}

// ---------------------------------------------------------------------------------------

/** Copies into a fresh ArrayBuffer-backed array, as WebCrypto's types want. */
function own(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy;
}

export type ParsedListBytes =
  | {
      ok: true;
      file: AllowlistFile;
      /** Entries the allowlist ignores (public suffixes): the extension uses the rest, the command line refuses the file. */
      ignored: AllowlistProblem[];
    }
  | { ok: false; reason: 'too-large' | 'invalid-json' | 'invalid-list'; message: string; problems: AllowlistProblem[] };

function tooLargeMessage(size: number, maxBytes: number): string {
  return `the list is ${size} bytes, more than the limit of ${maxBytes}`;
}

/**
 * Parses a list file's bytes the one way the extension and the command line both do: at
 * most `maxBytes`, UTF-8, one leading BOM dropped (allowlist-file.ts), then the list format.
 */
export function parseListBytes(bytes: Uint8Array, maxBytes = DEFAULT_MAX_LIST_BYTES): ParsedListBytes {
  if (bytes.length > maxBytes) {
    const message = tooLargeMessage(bytes.length, maxBytes);
    return { ok: false, reason: 'too-large', message, problems: [{ path: '(root)', message, says: [sentence('adminProblemTooLarge', String(bytes.length), String(maxBytes))] }] };
  }
  let text: string;
  try {
    // ignoreBOM keeps the mark in the text, so the BOM rule is parseListJson's alone.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    const message = `not UTF-8 text: ${(error as Error).message}`;
    return { ok: false, reason: 'invalid-json', message, problems: [{ path: '(root)', message, says: [sentence('adminProblemNotUtf8')] }] };
  }
  const json = parseListJson(text);
  if (!json.ok) {
    const message = `not JSON: ${json.message}`;
    return { ok: false, reason: 'invalid-json', message, problems: [{ path: '(root)', message, says: [sentence('adminProblemNotJson')] }] };
  }
  const parsed = parseAllowlistFile(json.json);
  if (parsed.ok) return { ok: true, file: parsed.file, ignored: listPublicSuffixProblems(parsed.file.entries) };
  const first = parsed.problems[0]!;
  const more = parsed.problems.length > 1 ? ` (and ${parsed.problems.length - 1} more)` : '';
  return { ok: false, reason: 'invalid-list', message: `${first.path}: ${first.message}${more}`, problems: parsed.problems };
}

function failure(reason: SignedListFailureReason, message: string, extra: Partial<SignedListFailure> = {}): SignedListFailure {
  return { ok: false, reason, message, ...extra };
}

interface ImportedKey {
  index: number;
  key: CryptoKey;
}

async function importPublicKeys(publicKeys: readonly string[]): Promise<ImportedKey[] | SignedListFailure> {
  const imported: ImportedKey[] = [];
  let unsupported = false;
  for (const [index, text] of publicKeys.entries()) {
    const raw = decodePublicKey(text);
    if (!raw) continue;
    try {
      imported.push({ index, key: await crypto.subtle.importKey('raw', own(raw), ED25519, false, ['verify']) });
    } catch (error) {
      if (error instanceof Error && error.name === 'NotSupportedError') unsupported = true;
    }
  }
  if (imported.length > 0) return imported;
  if (unsupported) {
    return failure('unsupported', 'this browser cannot check Ed25519 signatures (needs Chrome 137+ or Firefox 129+)');
  }
  return failure('no-public-key', `none of the ${publicKeys.length} public key(s) is a base64 Ed25519 key of 32 bytes`);
}

/**
 * Checks a downloaded list against its detached signature and the last good list.
 * Never throws for bad input: every failure comes back typed, with a message for admins.
 */
export async function verifySignedList(input: VerifySignedListInput): Promise<SignedListResult> {
  const { bytes, signatureText, publicKeys, lastGood, now } = input;
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_LIST_BYTES;

  if (bytes.length > maxBytes) return failure('too-large', tooLargeMessage(bytes.length, maxBytes));
  const signature = decodeSignature(signatureText);
  if (!signature) {
    return failure('bad-signature-format', 'the .sig file must hold one base64 Ed25519 signature (64 bytes, 88 characters)');
  }
  const keys = await importPublicKeys(publicKeys);
  if (!Array.isArray(keys)) return keys;

  const data = own(bytes);
  const sig = own(signature);
  let keyIndex = -1;
  for (const { index, key } of keys) {
    if (await crypto.subtle.verify(ED25519, key, sig, data)) {
      keyIndex = index;
      break;
    }
  }
  if (keyIndex < 0) {
    return failure(
      'signature-mismatch',
      `the signature does not match the list under any of the ${keys.length} configured key(s): the list was changed after signing, or signed with another key`,
    );
  }

  const parsed = parseListBytes(bytes, maxBytes);
  if (!parsed.ok) return failure(parsed.reason, parsed.message, { problems: parsed.problems });
  const { file, ignored } = parsed;
  if (file.expires === undefined) {
    return failure('missing-expires', 'a signed list must carry "expires" (ISO 8601, e.g. "2026-12-31T00:00:00Z")');
  }
  const signedFile: SignedListFile = { ...file, expires: file.expires };

  const sha256 = await sha256Hex(data);
  let unchanged = false;
  if (lastGood) {
    if (file.version < lastGood.version) {
      return failure('rollback', `version ${file.version} is older than the version already in use (${lastGood.version})`);
    }
    if (file.version === lastGood.version) {
      if (lastGood.sha256 !== sha256) {
        return failure('rollback', `version ${file.version} is already in use with other content; a changed list needs a higher version`);
      }
      unchanged = true;
    }
  }

  const expires = Date.parse(signedFile.expires);
  if (expires < now.getTime()) {
    return failure('expired', `the list expired on ${signedFile.expires}; the admin needs to re-sign it with a later "expires"`, {
      file: signedFile,
      keyIndex,
    });
  }
  return { ok: true, file: signedFile, keyIndex, sha256, unchanged, ignored };
}

/**
 * Where a list's signature lives: the list's URL with `.sig` appended to its path (a query
 * string stays at the end): `https://it.example.org/thg/list.json?v=2` →
 * `https://it.example.org/thg/list.json.sig?v=2`.
 */
export function signatureUrlFor(listUrl: string): string {
  const url = new URL(listUrl);
  url.pathname = `${url.pathname}.sig`;
  url.hash = '';
  return url.href;
}

/** Whether a list accepted earlier has run out since (the caller shows ALLOWLIST_STALE). */
export function isListExpired(file: { expires?: string | undefined }, now: Date): boolean {
  return file.expires !== undefined && Date.parse(file.expires) < now.getTime();
}

/** Signs the exact bytes of a list file; returns the text of its `.sig` file. */
export async function signListBytes(bytes: Uint8Array, privateKey: CryptoKey): Promise<string> {
  const signature = await crypto.subtle.sign(ED25519, privateKey, own(bytes));
  return formatSignature(new Uint8Array(signature));
}
