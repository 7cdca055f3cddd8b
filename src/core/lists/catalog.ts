import catalogJson from '../../../assets/catalog.json';
import { parseAllowlistFile, type AllowlistFile } from './allowlist-file';

/**
 * The built-in catalog, validated at load: a broken catalog is a build error the tests
 * catch, never a silently shorter allowlist.
 */
export function loadBuiltInCatalog(): AllowlistFile {
  const result = parseAllowlistFile(catalogJson);
  if (!result.ok) {
    const problems = result.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    throw new Error(`built-in catalog is invalid: ${problems}`);
  }
  return result.file;
}
