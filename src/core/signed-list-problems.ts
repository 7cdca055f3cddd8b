import type { AllowlistProblem } from './allowlist-file';

/**
 * The options page shows problems in one list (AdminStatus.problems) beside the policy's.
 * An accepted signed list can still have problems of its own (an entry naming a public
 * suffix, which the allowlist ignores); they travel in that list under this prefix, so the
 * page can show them with the signed list and the popup counts them with the rest.
 * No imports beyond types: the options page bundles this.
 */
const PREFIX = 'signed list ';

/** `entries[3].domain` → `signed list entries[3].domain`. */
export function asSignedListProblem(problem: AllowlistProblem): AllowlistProblem {
  return { path: `${PREFIX}${problem.path}`, message: problem.message };
}

/** The path inside the signed list, or undefined for a problem of the policy itself. */
export function signedListPath(problem: AllowlistProblem): string | undefined {
  return problem.path.startsWith(PREFIX) ? problem.path.slice(PREFIX.length) : undefined;
}
