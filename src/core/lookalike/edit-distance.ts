/** Rows reused across calls: distance checks run on every judged hostname. */
let twoBack = new Int32Array(64);
let oneBack = new Int32Array(64);
let current = new Int32Array(64);

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of
 * two neighbouring characters each cost 1 (a swap is the commonest typo of all). Stops
 * early, returning `limit + 1`, once the distance must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (b.length + 1 > current.length) {
    twoBack = new Int32Array(b.length + 1);
    oneBack = new Int32Array(b.length + 1);
    current = new Int32Array(b.length + 1);
  }
  for (let j = 0; j <= b.length; j++) oneBack[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cb = b.charCodeAt(j - 1);
      let value = Math.min(oneBack[j]! + 1, current[j - 1]! + 1, oneBack[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) value = Math.min(value, twoBack[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [twoBack, oneBack, current] = [oneBack, current, twoBack];
  }
  return oneBack[b.length]!;
}
