/**
 * `npm run --silent allowlist -- <command>`: the admin's tools for signed remote lists, on
 * the same core the extension uses (core/lists: signed-list.ts, allowlist-file.ts).
 *
 *   keygen --out DIR           DIR/allowlist.key (private: PKCS#8 PEM, mode 0600) and
 *                              DIR/allowlist.pub (base64 of the 32 raw public key bytes)
 *   sign FILE --key KEYFILE    checks FILE (a valid list with a future "expires"), writes FILE.sig
 *   verify FILE --pub KEY[,KEY...]  checks FILE.sig the way the extension will
 *   validate FILE              prints each problem as `path: message`, one per line
 *
 * Every command reads a list the way the extension does (parseListBytes: at most 1 MiB,
 * one leading BOM dropped, the list format) and refuses what the extension refuses. It also
 * refuses an entry naming a public suffix, which the extension would ignore: an admin
 * should fix the list rather than publish an entry that does nothing.
 *
 * Exit codes: 0 done; 1 the command ran and a check failed (invalid list, bad signature,
 * would overwrite a key) or something unexpected broke; 2 bad usage or an unreadable input
 * file. Each failure is one line on stderr (run.ts). The entry point is allowlist.ts.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AllowlistFile } from '../core/lists/allowlist-file';
import {
  decodePublicKey,
  encodeBase64,
  isListExpired,
  parseListBytes,
  signListBytes,
  verifySignedList,
} from '../core/lists/signed-list';
import { parseArgs, UsageError } from './args';
import { CheckFailed, runCommand, type CommandIo } from './run';

const USAGE = `usage: allowlist <command>
  keygen --out DIR                 write DIR/allowlist.key (private) and DIR/allowlist.pub (public)
  sign FILE --key KEYFILE          check FILE (needs "expires") and write FILE.sig
  verify FILE --pub KEY[,KEY...]   check FILE.sig against the public key(s) (base64)
  validate FILE                    print each problem with its JSON path
exit status: 0 ok, 1 a check failed, 2 bad usage or unreadable file`;

const ED25519 = { name: 'Ed25519' } as const;
const PEM_LABEL = 'PRIVATE KEY';

function readInput(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function onePositional(positionals: readonly string[], command: string): string {
  if (positionals.length !== 1) throw new UsageError(`${command} takes exactly one FILE (got ${positionals.length})`);
  return positionals[0]!;
}

function requireOption(options: ReadonlyMap<string, string>, name: string, command: string, meta: string): string {
  const value = options.get(name);
  if (value === undefined) throw new UsageError(`${command} needs --${name} ${meta}`);
  return value;
}

function toPem(der: Uint8Array): string {
  const lines = encodeBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${PEM_LABEL}-----\n${lines.join('\n')}\n-----END ${PEM_LABEL}-----\n`;
}

function fromPem(text: string): Uint8Array | undefined {
  const match = new RegExp(`-----BEGIN ${PEM_LABEL}-----([A-Za-z0-9+/=\\s]+)-----END ${PEM_LABEL}-----`).exec(text);
  if (!match) return undefined;
  return Uint8Array.from(Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64'));
}

function base64UrlToBase64(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  return base64 + '='.repeat((4 - (base64.length % 4)) % 4);
}

/** The private key and the base64 public key that goes with it. */
async function loadPrivateKey(path: string, io: CommandIo): Promise<{ privateKey: CryptoKey; publicKey: string }> {
  const text = readInput(path, 'key file').toString('utf8');
  const der = fromPem(text);
  const bad = new UsageError(`${path} is not an Ed25519 private key in PKCS#8 PEM ("-----BEGIN ${PEM_LABEL}-----"), as keygen writes`);
  if (!der) throw bad;
  let privateKey: CryptoKey;
  try {
    privateKey = await crypto.subtle.importKey('pkcs8', Uint8Array.from(der), ED25519, true, ['sign']);
  } catch {
    throw bad;
  }
  const jwk = await crypto.subtle.exportKey('jwk', privateKey);
  if (jwk.x === undefined) throw bad;
  // Exported once to learn the public half; the handle used for signing need not stay extractable.
  privateKey = await crypto.subtle.importKey('pkcs8', Uint8Array.from(der), ED25519, false, ['sign']);
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    io.stderr(`allowlist: warning: ${path} can be read by other users; chmod 600 it\n`);
  }
  return { privateKey, publicKey: base64UrlToBase64(jwk.x) };
}

function summary(file: AllowlistFile): string {
  const entries = `${file.entries.length} entr${file.entries.length === 1 ? 'y' : 'ies'}`;
  return `version ${file.version}, ${file.expires === undefined ? 'no "expires"' : `expires ${file.expires}`}, ${entries}`;
}

function printProblems(io: CommandIo, problems: readonly { path: string; message: string }[]): void {
  for (const { path, message } of problems) io.stdout(`${path}: ${message}\n`);
}

function problemCount(count: number): string {
  return `${count} problem${count === 1 ? '' : 's'}`;
}

/**
 * Checks a list file's bytes as the extension would parse them, public-suffix entries
 * included; prints each problem with its path and fails on any. `outcome` ends the line.
 */
function checkedList(io: CommandIo, bytes: Uint8Array, path: string, outcome = ''): AllowlistFile {
  const parsed = parseListBytes(bytes);
  const problems = parsed.ok ? parsed.ignored : parsed.problems;
  if (parsed.ok && problems.length === 0) return parsed.file;
  printProblems(io, problems);
  throw new CheckFailed(`${path} is not a valid list: ${problemCount(problems.length)}${outcome}`);
}

/** Entries whose domains (or aliases) repeat an earlier one: the later entry would win. */
function duplicateWarnings(file: AllowlistFile): { path: string; message: string }[] {
  const seen = new Map<string, string>();
  const warnings: { path: string; message: string }[] = [];
  file.entries.forEach((entry, index) => {
    const domains: [string, string][] = [
      [`entries[${index}].domain`, entry.domain],
      ...entry.aliases.map((alias, a): [string, string] => [`entries[${index}].aliases[${a}]`, alias]),
    ];
    for (const [path, domain] of domains) {
      const first = seen.get(domain);
      if (first !== undefined) {
        warnings.push({ path, message: `warning: ${domain} is already listed at ${first}; the later entry takes it over` });
      } else {
        seen.set(domain, path);
      }
    }
  });
  return warnings;
}

// ---------------------------------------------------------------------------------------

async function keygen(options: ReadonlyMap<string, string>, positionals: readonly string[], io: CommandIo): Promise<number> {
  if (positionals.length > 0) throw new UsageError('keygen takes no FILE, only --out DIR');
  const dir = requireOption(options, 'out', 'keygen', 'DIR');
  const keyPath = join(dir, 'allowlist.key');
  const pubPath = join(dir, 'allowlist.pub');
  for (const path of [keyPath, pubPath]) {
    if (existsSync(path)) throw new CheckFailed(`${path} already exists; refusing to overwrite a key (move it away or choose another --out)`);
  }
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new UsageError(`cannot create ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const pair = await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify']);
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const publicKey = encodeBase64(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
  writeFileSync(keyPath, toPem(pkcs8), { mode: 0o600, flag: 'wx' });
  chmodSync(keyPath, 0o600);
  writeFileSync(pubPath, `${publicKey}\n`, { mode: 0o644, flag: 'wx' });
  io.stdout(
    `Wrote ${keyPath} (private key: keep it secret and off the web server)\n` +
      `Wrote ${pubPath}\n` +
      `Public key for the policy's remoteAllowlistKeys: ${publicKey}\n`,
  );
  return 0;
}

async function sign(options: ReadonlyMap<string, string>, positionals: readonly string[], io: CommandIo): Promise<number> {
  const path = onePositional(positionals, 'sign');
  const keyPath = requireOption(options, 'key', 'sign', 'KEYFILE');
  const bytes = readInput(path, 'list');
  const { privateKey, publicKey } = await loadPrivateKey(keyPath, io);
  const file = checkedList(io, bytes, path, '; nothing signed');
  const now = new Date();
  if (file.expires === undefined) {
    throw new CheckFailed(`${path} has no "expires"; a signed list needs one (ISO 8601, e.g. "2026-12-31T00:00:00Z"); nothing signed`);
  }
  if (isListExpired(file, now)) throw new CheckFailed(`${path} expired on ${file.expires}; set a later "expires"; nothing signed`);

  const signatureText = await signListBytes(bytes, privateKey);
  const check = await verifySignedList({ bytes, signatureText, publicKeys: [publicKey], now });
  if (!check.ok) throw new Error(`the new signature does not verify (${check.reason}: ${check.message})`);
  const sigPath = `${path}.sig`;
  writeFileSync(sigPath, signatureText);
  io.stdout(`Signed ${path} (${summary(file)}) with key ${publicKey}\nWrote ${sigPath}\n`);
  return 0;
}

async function verify(options: ReadonlyMap<string, string>, positionals: readonly string[], io: CommandIo): Promise<number> {
  const path = onePositional(positionals, 'verify');
  const publicKeys = requireOption(options, 'pub', 'verify', 'KEY')
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '');
  for (const key of publicKeys) {
    if (!decodePublicKey(key)) throw new UsageError(`--pub ${key} is not a base64 Ed25519 public key of 32 bytes (the text of allowlist.pub)`);
  }
  if (publicKeys.length === 0) throw new UsageError('verify needs --pub KEY');
  const bytes = readInput(path, 'list');
  const sigPath = `${path}.sig`;
  if (!existsSync(sigPath)) throw new CheckFailed(`FAILED: no signature file ${sigPath} (run sign first)`);
  const signatureText = readInput(sigPath, 'signature').toString('utf8');

  const result = await verifySignedList({ bytes, signatureText, publicKeys, now: new Date() });
  if (!result.ok) {
    if (result.problems) printProblems(io, result.problems);
    throw new CheckFailed(`FAILED ${result.reason}: ${result.message}`);
  }
  if (result.ignored.length > 0) {
    printProblems(io, result.ignored);
    throw new CheckFailed(
      `FAILED public-suffix: the signature is good (key ${publicKeys[result.keyIndex]!}), but the extension ignores entries naming a public suffix: ${problemCount(result.ignored.length)}`,
    );
  }
  io.stdout(`OK signed by key ${publicKeys[result.keyIndex]!} (${summary(result.file)})\n`);
  return 0;
}

function validate(options: ReadonlyMap<string, string>, positionals: readonly string[], io: CommandIo): number {
  const path = onePositional(positionals, 'validate');
  const file = checkedList(io, readInput(path, 'list'), path);
  const warnings = duplicateWarnings(file);
  if (isListExpired(file, new Date())) warnings.push({ path: 'expires', message: `warning: ${file.expires!} is in the past` });
  printProblems(io, warnings);
  const note = file.expires === undefined ? ' (add "expires" before signing it as a remote list)' : '';
  io.stdout(`OK ${path}: valid list, ${summary(file)}${note}\n`);
  return 0;
}

const COMMANDS: Record<string, { options: string[]; run: (options: ReadonlyMap<string, string>, positionals: readonly string[], io: CommandIo) => number | Promise<number> }> = {
  keygen: { options: ['out'], run: keygen },
  sign: { options: ['key'], run: sign },
  verify: { options: ['pub'], run: verify },
  validate: { options: [], run: validate },
};

async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help' || rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (command === undefined) throw new UsageError('no command given: keygen, sign, verify or validate');
  const spec = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!spec) throw new UsageError(`unknown command "${command}": keygen, sign, verify or validate`);
  const { options, positionals } = parseArgs(rest, spec.options);
  return spec.run(options, positionals, io);
}

/** The `allowlist` command: never throws; every failure is one line on `io.stderr` and its exit code. */
export function allowlist(argv: readonly string[], io: CommandIo): Promise<number> {
  return runCommand('allowlist', io, () => main(argv, io), `allowlist ${argv[0] ?? ''}`.trim());
}
