import { readFileSync } from 'node:fs';
import { buildAllowlist, type Allowlist, type AllowlistLayer } from '../core/lists/allowlist';
import type { AllowlistProblem } from '../core/lists/allowlist-file';
import { loadBuiltInCatalog } from '../core/lists/catalog';
import { parseListBytes } from '../core/lists/signed-list';
import { UsageError } from './args';

function firstProblem(problems: readonly AllowlistProblem[]): string {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return `${first.path}: ${first.message}${more}`;
}

/**
 * The built-in catalog plus, when given, an admin's list file layered on top of it, the
 * way the extension adds a policy list in its default mode. The file is read the way the
 * extension reads list bytes (parseListBytes: size limit, BOM rule, format), and refused
 * whole if an entry names a public suffix: a judgement made with the entry silently
 * dropped would answer a question the admin did not ask.
 */
export function loadAllowlist(file: string | undefined): Allowlist {
  const layers: AllowlistLayer[] = [{ source: 'catalog', file: loadBuiltInCatalog() }];
  if (file !== undefined) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      throw new UsageError(`cannot read allowlist ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    const parsed = parseListBytes(bytes);
    if (!parsed.ok) throw new UsageError(`invalid allowlist ${file}: ${firstProblem(parsed.problems)}`);
    if (parsed.ignored.length > 0) throw new UsageError(`invalid allowlist ${file}: ${firstProblem(parsed.ignored)}`);
    layers.push({ source: 'policy', file: parsed.file });
  }
  return buildAllowlist(layers);
}
