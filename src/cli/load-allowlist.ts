import { readFileSync } from 'node:fs';
import { buildAllowlist, type Allowlist, type AllowlistLayer } from '../core/allowlist';
import { parseAllowlistText } from '../core/allowlist-file';
import { loadBuiltInCatalog } from '../core/catalog';
import { UsageError } from './args';

/**
 * The built-in catalog plus, when given, an admin's list file layered on top of it, the
 * way the extension adds a policy list in its default mode.
 */
export function loadAllowlist(file: string | undefined): Allowlist {
  const layers: AllowlistLayer[] = [{ source: 'catalog', file: loadBuiltInCatalog() }];
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read allowlist ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    const parsed = parseAllowlistText(text);
    if (!parsed.ok) {
      const first = parsed.problems[0]!;
      const more = parsed.problems.length > 1 ? ` (and ${parsed.problems.length - 1} more)` : '';
      throw new UsageError(`invalid allowlist ${file}: ${first.path}: ${first.message}${more}`);
    }
    layers.push({ source: 'policy', file: parsed.file });
  }
  return buildAllowlist(layers);
}
