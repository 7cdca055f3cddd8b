/**
 * A baseline measured beside the engine in the same run: the matching of MetaMask's phishing
 * detector (eth-phishing-detect), as described in the project's research notes. It compares
 * punycode (so it never sees a homoglyph), drops only the last label (`x.co.uk` → `x.co`),
 * and flags a host within Levenshtein distance 2 of a listed name.
 */

function fuzzyForm(host: string): string {
  const labels = host.split('.');
  return labels.slice(0, -1).join('.');
}

/** Plain Levenshtein (no swaps), as the detector's `fast-levenshtein` computes it. */
function levenshtein(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** Returns the listed domain a host is flagged against, or undefined. */
export function metaMaskStyleDetector(listed: readonly string[], tolerance = 2): (host: string) => string | undefined {
  const fuzzy = listed.map((domain) => ({ domain, form: fuzzyForm(domain) }));
  return (host) => {
    // Listed domains and their subdomains pass, as the detector's allowlist does.
    if (listed.some((domain) => host === domain || host.endsWith(`.${domain}`))) return undefined;
    const form = fuzzyForm(host);
    const hit = fuzzy.find((entry) => Math.abs(entry.form.length - form.length) <= tolerance && levenshtein(form, entry.form) <= tolerance);
    return hit?.domain;
  };
}

