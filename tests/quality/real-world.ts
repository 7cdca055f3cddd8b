/**
 * Recall on real names: phishing and typosquatting hostnames that exist or existed, from
 * public lists (tests/quality/real-world-lookalikes.json names each source, its licence and
 * how names were picked), each with the catalog domain it imitates. A name counts as caught
 * when the engine ties it to that domain's platform.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { matchPlatform, type Allowlist } from '../../src/core/lists/allowlist';
import { normalizeHost } from '../../src/core/hostname';
import { findLookalike } from '../../src/core/lookalike/lookalike';

const corpusSchema = z.object({
  sources: z.array(z.object({ id: z.string(), what: z.string(), url: z.url(), license: z.string() })),
  entries: z.array(z.object({ host: z.string().min(1), imitates: z.string().min(1), source: z.string() })),
});

export interface RealWorldResult {
  source: string;
  judged: number;
  caught: number;
  misses: string[];
}

export function loadRealWorldCorpus(): z.infer<typeof corpusSchema> {
  const corpus = corpusSchema.parse(JSON.parse(readFileSync(new URL('./real-world-lookalikes.json', import.meta.url), 'utf8')));
  const known = new Set(corpus.sources.map((source) => source.id));
  const unknown = corpus.entries.find((entry) => !known.has(entry.source));
  if (unknown) throw new Error(`real-world corpus: ${unknown.host} names an unknown source "${unknown.source}"`);
  return corpus;
}

/** Per source, then all together (source "all"). */
export function evaluateRealWorld(allowlist: Allowlist): RealWorldResult[] {
  const corpus = loadRealWorldCorpus();
  const results = new Map<string, RealWorldResult>();
  const cell = (source: string): RealWorldResult => {
    let result = results.get(source);
    if (!result) results.set(source, (result = { source, judged: 0, caught: 0, misses: [] }));
    return result;
  };
  for (const { host, imitates, source } of corpus.entries) {
    const platform = matchPlatform(allowlist, imitates)?.platform.name;
    if (platform === undefined) throw new Error(`real-world corpus: ${imitates} (for ${host}) is not in the catalog`);
    const found = findLookalike(allowlist, normalizeHost(host));
    const caught = found !== undefined && matchPlatform(allowlist, found.target)?.platform.name === platform;
    for (const result of [cell(source), cell('all')]) {
      result.judged++;
      if (caught) result.caught++;
      else result.misses.push(host);
    }
  }
  return [...results.values()];
}
