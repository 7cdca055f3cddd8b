/**
 * Measures the lookalike engine (src/core/lookalike/lookalike.ts) against generated lookalikes
 * of the catalog (recall per class and split) and against real domains (false alarms). Used by
 * `npm run eval:lookalike` (scripts/eval-lookalike.ts) and by
 * tests/unit/quality/lookalike-quality.test.ts. The inputs (`prepareEvaluation`) are made
 * once and can be shared: the test file asserts on them too.
 */
import { buildAllowlist, type Allowlist } from '../../src/core/lists/allowlist';
import type { AllowlistFile } from '../../src/core/lists/allowlist-file';
import { loadBuiltInCatalog } from '../../src/core/lists/catalog';
import { registrableDomainOf } from '../../src/core/hostname';
import { evidenceInEnglish } from '../../src/core/lookalike/evidence';
import { findLookalike, type LookalikeMatch } from '../../src/core/lookalike/lookalike';
import type { LookalikeConfidence } from '../../src/core/lookalike/lookalike-rules';
import { loadBenignDomains } from './benign-corpus';
import { metaMaskStyleDetector } from './metamask-baseline';
import {
  catalogTargets,
  generateLookalikes,
  LOOKALIKE_CLASSES,
  type GeneratedLookalike,
  type LookalikeClass,
  type Split,
} from './generate-lookalikes';

export const SPLITS: readonly Split[] = ['tuning', 'held-back'];

/** The lines from the issue: the engine fails the evaluation when it crosses any of them. */
export const THRESHOLDS = {
  /** Caught share of all generated names of a split. */
  overallRecall: 0.995,
  /** Caught share of each class's names of a split. */
  classRecall: 0.98,
  /**
   * Share of the benign corpus flagged with a finding that warns on any page (high or medium
   * confidence). Low-confidence findings warn only on a page with a password field or a call;
   * they are counted and printed beside it.
   */
  benignFalseAlarmRate: 0.0001,
  /** Flagged catalog domains and their subdomains. */
  catalogFalseAlarms: 0,
} as const;

export interface Miss {
  host: string;
  unicode: string;
  target: string;
  /** What the engine said instead: nothing, or another target. */
  got: Pick<LookalikeMatch, 'target' | 'rule'> | undefined;
}

export interface ClassSplitResult {
  class: LookalikeClass;
  split: Split;
  /** Names made for this class and split (valid, not allowlisted, deduped). */
  generated: number;
  /** Of those, names that are real domains in the benign corpus: no attack, not judged. */
  droppedAsBenign: number;
  /** Names judged: generated − droppedAsBenign. */
  judged: number;
  caught: number;
  /** Caught, but named as another domain of the same platform (sprucehealth.com for spruce-health.care). */
  samePlatform: number;
  /** Missed: flagged as an imitation of another platform. */
  wrongTarget: number;
  /** caught / judged; NaN when nothing was judged. */
  recall: number;
  misses: Miss[];
}

export interface SplitSummary {
  split: Split;
  judged: number;
  caught: number;
  recall: number;
}

export interface FalseAlarm {
  host: string;
  target: string;
  rule: string;
  evidence: string;
  confidence: LookalikeConfidence;
}

export interface Evaluation {
  classes: ClassSplitResult[];
  overall: SplitSummary[];
  benign: {
    sources: string;
    size: number;
    /** Flagged with a finding that warns on any page (high or medium confidence). */
    falseAlarms: number;
    rate: number;
    /** Flagged at any confidence, low included. */
    falseAlarmsAnyConfidence: number;
    rateAnyConfidence: number;
    /** The first 30, in corpus order. */
    examples: FalseAlarm[];
  };
  catalog: {
    /** Catalog domains, aliases and subdomains of them that were checked. */
    checked: number;
    falseAlarms: FalseAlarm[];
  };
  timing: { generateMs: number; corpusMs: number; judgeMs: number; totalMs: number };
}

/** MetaMask-style matching (tests/quality/metamask-baseline.ts) on the same names and corpus. */
export interface BaselineEvaluation {
  overall: SplitSummary[];
  benignFalseAlarms: number;
  benignRate: number;
}

/** What an evaluation judges: the catalog, the names generated from it, the benign corpus. */
export interface EvaluationInput {
  allowlist: Allowlist;
  /** Every generated lookalike of the catalog (generateCatalogLookalikes). */
  generated: GeneratedLookalike[];
  /** The benign corpus without the catalog's domains (loadBenignDomains). */
  benignDomains: string[];
  timing: { generateMs: number; corpusMs: number };
}

const BENIGN_EXAMPLES = 30;

/** Subdomains a platform's customers and the platform itself use; none may be flagged. */
const CATALOG_SUBDOMAINS = ['www', 'portal', 'app', 'login', 'secure', 'video', 'patient', 'api', 'my', 'us02web', 'sunrise-family-clinic', 'telehealth.dr-smith'];

/** Every catalog domain and alias, the registrable domains above them, and subdomains of each. */
export function catalogHosts(allowlist: Allowlist): string[] {
  const hosts = new Set<string>();
  for (const domain of allowlist.byDomain.keys()) {
    const bases = [domain, registrableDomainOf(domain) ?? domain];
    for (const base of bases) {
      hosts.add(base);
      for (const sub of CATALOG_SUBDOMAINS) hosts.add(`${sub}.${base}`);
    }
  }
  return [...hosts];
}

function toFalseAlarm(host: string, match: LookalikeMatch): FalseAlarm {
  return { host, target: match.target, rule: match.rule, evidence: evidenceInEnglish(match.evidence), confidence: match.confidence };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? Number.NaN : part / whole;
}

export function prepareEvaluation(file: AllowlistFile = loadBuiltInCatalog()): EvaluationInput {
  const start = performance.now();
  const allowlist = buildAllowlist([{ source: 'catalog', file }]);
  const generated = generateLookalikes(catalogTargets(file), { allowlist });
  const generatedAt = performance.now();
  const benignDomains = loadBenignDomains(allowlist);
  const corpusAt = performance.now();
  return { allowlist, generated, benignDomains, timing: { generateMs: generatedAt - start, corpusMs: corpusAt - generatedAt } };
}

export function evaluateLookalikes(input: EvaluationInput = prepareEvaluation()): Evaluation {
  const { allowlist, generated, benignDomains } = input;
  const benignSet = new Set(benignDomains);
  const judgeStart = performance.now();

  const cells = new Map<string, ClassSplitResult>();
  for (const cls of LOOKALIKE_CLASSES) {
    for (const split of SPLITS) {
      cells.set(`${cls}/${split}`, { class: cls, split, generated: 0, droppedAsBenign: 0, judged: 0, caught: 0, samePlatform: 0, wrongTarget: 0, recall: Number.NaN, misses: [] });
    }
  }
  for (const name of generated) judgeName(allowlist, benignSet, name, cells.get(`${name.class}/${name.split}`)!);
  const classes = [...cells.values()];
  for (const cell of classes) cell.recall = ratio(cell.caught, cell.judged);
  const overall = SPLITS.map((split) => {
    const mine = classes.filter((cell) => cell.split === split);
    const judged = mine.reduce((sum, cell) => sum + cell.judged, 0);
    const caught = mine.reduce((sum, cell) => sum + cell.caught, 0);
    return { split, judged, caught, recall: ratio(caught, judged) };
  });

  let benignAlarms = 0;
  let benignAnyConfidence = 0;
  const examples: FalseAlarm[] = [];
  for (const host of benignDomains) {
    const match = findLookalike(allowlist, host);
    if (!match) continue;
    benignAnyConfidence++;
    if (match.confidence !== 'low') benignAlarms++;
    if (examples.length < BENIGN_EXAMPLES) examples.push(toFalseAlarm(host, match));
  }

  const hosts = catalogHosts(allowlist);
  const catalogAlarms = hosts.flatMap((host) => {
    const match = findLookalike(allowlist, host);
    return match ? [toFalseAlarm(host, match)] : [];
  });
  const judgeMs = performance.now() - judgeStart;
  const { generateMs, corpusMs } = input.timing;

  return {
    classes,
    overall,
    benign: {
      sources: 'free-email-domains-list@1.0.16 (MIT)',
      size: benignDomains.length,
      falseAlarms: benignAlarms,
      rate: ratio(benignAlarms, benignDomains.length),
      falseAlarmsAnyConfidence: benignAnyConfidence,
      rateAnyConfidence: ratio(benignAnyConfidence, benignDomains.length),
      examples,
    },
    catalog: { checked: hosts.length, falseAlarms: catalogAlarms },
    timing: { generateMs, corpusMs, judgeMs, totalMs: generateMs + corpusMs + judgeMs },
  };
}

/** The same names and corpus through the MetaMask-style baseline, for a figure to beat. */
export function evaluateBaseline({ allowlist, generated, benignDomains }: EvaluationInput): BaselineEvaluation {
  const benign = new Set(benignDomains);
  const detect = metaMaskStyleDetector([...allowlist.byDomain.keys()]);
  const overall = SPLITS.map((split) => {
    const judged = generated.filter((name) => name.split === split && !benign.has(name.host));
    const caught = judged.filter((name) => {
      const target = detect(name.host);
      return target !== undefined && (name.accepted.includes(target) || name.platformDomains.includes(target));
    }).length;
    return { split, judged: judged.length, caught, recall: ratio(caught, judged.length) };
  });
  const benignFalseAlarms = benignDomains.filter((host) => detect(host) !== undefined).length;
  return { overall, benignFalseAlarms, benignRate: ratio(benignFalseAlarms, benignDomains.length) };
}

function judgeName(allowlist: Allowlist, benign: ReadonlySet<string>, name: GeneratedLookalike, cell: ClassSplitResult): void {
  cell.generated++;
  // A real domain is not an attack (gato.com is no typo of goto.com to its owner).
  if (benign.has(name.host)) {
    cell.droppedAsBenign++;
    return;
  }
  cell.judged++;
  const match = findLookalike(allowlist, name.host);
  if (match && name.accepted.includes(match.target)) {
    cell.caught++;
    return;
  }
  // Another domain of the same platform (spruce-health.care read as sprucehealth.com, not
  // spruce.care) still sends the user to the right service: caught, and counted apart.
  if (match && name.platformDomains.includes(match.target)) {
    cell.caught++;
    cell.samePlatform++;
    return;
  }
  if (match) cell.wrongTarget++;
  cell.misses.push({ host: name.host, unicode: name.unicode, target: name.target, got: match ? { target: match.target, rule: match.rule } : undefined });
}

export interface Failure {
  /** `tuning`, `held-back`, or `both` for the corpus and catalog lines. */
  split: Split | 'both';
  message: string;
}

function percent(value: number): string {
  return Number.isNaN(value) ? 'n/a' : `${(value * 100).toFixed(2)}%`;
}

/** Every threshold the evaluation crosses, with the first misses as examples. */
export function judgeEvaluation(evaluation: Evaluation, exampleCount = 10): Failure[] {
  const failures: Failure[] = [];
  for (const summary of evaluation.overall) {
    if (summary.judged > 0 && summary.recall < THRESHOLDS.overallRecall) {
      failures.push({
        split: summary.split,
        message: `${summary.split}: overall recall ${percent(summary.recall)} (${summary.caught}/${summary.judged}) < ${percent(THRESHOLDS.overallRecall)}`,
      });
    }
  }
  for (const cell of evaluation.classes) {
    if (cell.judged === 0 || cell.recall >= THRESHOLDS.classRecall) continue;
    const examples = cell.misses.slice(0, exampleCount).map(describeMiss).join(', ');
    failures.push({
      split: cell.split,
      message: `${cell.split}: ${cell.class} recall ${percent(cell.recall)} (${cell.caught}/${cell.judged}) < ${percent(THRESHOLDS.classRecall)}; missed e.g. ${examples}`,
    });
  }
  const { benign, catalog } = evaluation;
  if (!(benign.rate <= THRESHOLDS.benignFalseAlarmRate)) {
    const examples = benign.examples.slice(0, exampleCount).map(describeAlarm).join(', ');
    failures.push({
      split: 'both',
      message: `benign false alarms ${percent(benign.rate)} (${benign.falseAlarms}/${benign.size}) > ${percent(THRESHOLDS.benignFalseAlarmRate)}; e.g. ${examples}`,
    });
  }
  if (catalog.falseAlarms.length > THRESHOLDS.catalogFalseAlarms) {
    failures.push({
      split: 'both',
      message: `catalog false alarms ${catalog.falseAlarms.length}/${catalog.checked}: ${catalog.falseAlarms.map(describeAlarm).join(', ')}`,
    });
  }
  return failures;
}

export function describeMiss(miss: Miss): string {
  const shown = miss.unicode === miss.host ? miss.host : `${miss.unicode} (${miss.host})`;
  const got = miss.got ? `flagged as ${miss.got.target} by ${miss.got.rule}` : 'not flagged';
  return `${shown} → ${miss.target}: ${got}`;
}

export function describeAlarm(alarm: FalseAlarm): string {
  return `${alarm.host} as ${alarm.target} by ${alarm.rule} (${alarm.confidence} confidence)`;
}

export { percent as formatPercent };
