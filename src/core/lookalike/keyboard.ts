/** QWERTY rows; a key's neighbours are the keys beside, above and below it. */
const ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

function buildNeighbours(): Map<string, Set<string>> {
  const neighbours = new Map<string, Set<string>>();
  ROWS.forEach((row, r) => {
    [...row].forEach((key, c) => {
      const set = new Set<string>();
      for (const [dr, dc] of [[0, -1], [0, 1], [-1, 0], [-1, 1], [1, 0], [1, -1]] as const) {
        const near = ROWS[r + dr]?.[c + dc];
        if (near) set.add(near);
      }
      neighbours.set(key, set);
    });
  });
  return neighbours;
}

const NEIGHBOURS = buildNeighbours();

export function areKeyboardNeighbours(a: string, b: string): boolean {
  return NEIGHBOURS.get(a)?.has(b) === true;
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

export function areBothVowels(a: string, b: string): boolean {
  return VOWELS.has(a) && VOWELS.has(b);
}
