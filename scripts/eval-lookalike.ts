/**
 * `npm run eval:lookalike`: how well the lookalike engine catches generated lookalikes of
 * the catalog, per class, on the tuning and the held-back split, and how often it flags
 * real domains. Exits 1 when any threshold from tests/quality/evaluate.ts is crossed.
 */
import {
  describeAlarm,
  describeMiss,
  evaluateBaseline,
  evaluateLookalikes,
  formatPercent,
  judgeEvaluation,
  prepareEvaluation,
  SPLITS,
  THRESHOLDS,
  type ClassSplitResult,
} from '../tests/quality/evaluate';
import { evaluateFixedNegatives } from '../tests/quality/fixed-negatives';
import { evaluateRealWorld } from '../tests/quality/real-world';

const ratioOf = (part: number, whole: number): number => (whole === 0 ? Number.NaN : part / whole);

const input = prepareEvaluation();
const evaluation = evaluateLookalikes(input);
const baseline = evaluateBaseline(input);

function cell(result: ClassSplitResult | undefined): string {
  if (!result || result.judged === 0) return 'n/a';
  return `${result.caught}/${result.judged} ${formatPercent(result.recall)}`;
}

function row(columns: readonly string[], widths: readonly number[]): string {
  return columns.map((text, i) => text.padEnd(widths[i] ?? 0)).join(' | ');
}

const classNames = [...new Set(evaluation.classes.map((result) => result.class))];
const lines: string[][] = [['class', 'tuning caught/total recall', 'held-back caught/total recall', 'benign, dropped', 'caught as same platform', 'miss: other platform']];
for (const name of classNames) {
  const bySplit = SPLITS.map((split) => evaluation.classes.find((result) => result.class === name && result.split === split));
  const dropped = bySplit.map((result) => result?.droppedAsBenign ?? 0).join(' + ');
  const same = bySplit.map((result) => result?.samePlatform ?? 0).join(' + ');
  const wrong = bySplit.map((result) => result?.wrongTarget ?? 0).join(' + ');
  lines.push([name, cell(bySplit[0]), cell(bySplit[1]), dropped, same, wrong]);
}
const overall = evaluation.overall.map((summary) => `${summary.caught}/${summary.judged} ${formatPercent(summary.recall)}`);
lines.push(['OVERALL', overall[0] ?? 'n/a', overall[1] ?? 'n/a', '', '', '']);
const widths = lines[0]!.map((_, i) => Math.max(...lines.map((line) => line[i]?.length ?? 0)));

const out: string[] = [];
out.push('Lookalike quality (recall: caught naming the imitated platform / names judged)');
out.push('The last three columns count tuning + held-back: names dropped as real domains of the benign corpus,');
out.push('catches that named another domain of the same platform (sprucehealth.com for spruce-health.care), and misses flagged as another platform.');
out.push('');
out.push(row(lines[0]!, widths));
out.push(widths.map((width) => '-'.repeat(width)).join('-|-'));
for (const line of lines.slice(1)) out.push(row(line, widths));
out.push('');

const { benign, catalog } = evaluation;
out.push(`Benign corpus: ${benign.sources}, ${benign.size} registrable domains`);
out.push(
  `Benign false alarms that warn on any page (high or medium confidence): ${benign.falseAlarms} (${(benign.rate * 100).toFixed(4)}%; limit ${(THRESHOLDS.benignFalseAlarmRate * 100).toFixed(4)}%)`,
);
out.push(`Benign names flagged at any confidence (a low one warns only where it matters: a password field, a call, a meeting link, text written into the page): ${benign.falseAlarmsAnyConfidence} (${(benign.rateAnyConfidence * 100).toFixed(4)}%)`);
for (const alarm of benign.examples) out.push(`  ${describeAlarm(alarm)}  [${alarm.evidence}]`);
out.push(`Catalog false alarms: ${catalog.falseAlarms.length} of ${catalog.checked} catalog domains and subdomains`);
for (const alarm of catalog.falseAlarms) out.push(`  ${describeAlarm(alarm)}  [${alarm.evidence}]`);
out.push('');

const realWorld = evaluateRealWorld(input.allowlist);
out.push('Real names (tests/quality/real-world-lookalikes.json: phishing names that exist or existed, from public lists)');
for (const result of realWorld) {
  out.push(`  ${result.source}: ${result.caught}/${result.judged} ${formatPercent(ratioOf(result.caught, result.judged))}`);
}
const allReal = realWorld.find((result) => result.source === 'all');
if (allReal && allReal.misses.length > 0) out.push(`  missed: ${allReal.misses.join(' ')}`);
out.push('');

const negatives = evaluateFixedNegatives();
out.push(`Fixed negatives (real names that once raised a false alarm): ${negatives.filter((result) => result.ok).length}/${negatives.length} as expected`);
for (const { negative, found, ok } of negatives) {
  const got = found ? `${found.target} by ${found.rule}, ${found.confidence} confidence` : 'quiet';
  out.push(`  ${ok ? 'ok  ' : 'FAIL'} ${negative.host} (${negative.why}): ${got}`);
}
out.push('');

out.push('Baseline in the same run: MetaMask-style matching (Levenshtein <= 2 on punycode, last label dropped)');
for (const summary of baseline.overall) out.push(`  ${summary.split}: recall ${summary.caught}/${summary.judged} ${formatPercent(summary.recall)}`);
out.push(`  benign false alarms: ${baseline.benignFalseAlarms} (${formatPercent(baseline.benignRate)})`);
out.push('');

const missesShown = 5;
out.push(`First misses per class (tuning split only; the held-back split is for judging, not tuning):`);
for (const result of evaluation.classes) {
  if (result.split !== 'tuning' || result.misses.length === 0) continue;
  out.push(`  ${result.class}: ${result.misses.slice(0, missesShown).map(describeMiss).join('; ')}`);
}
out.push('');

const failures = [
  ...judgeEvaluation(evaluation, 3),
  ...negatives.filter((result) => !result.ok).map((result) => ({ split: 'both' as const, message: `fixed negative ${result.negative.host} flagged` })),
];
for (const split of SPLITS) {
  const mine = failures.filter((failure) => failure.split === split || failure.split === 'both');
  out.push(`${split}: ${mine.length === 0 ? 'PASS' : `FAIL (${mine.length} threshold${mine.length === 1 ? '' : 's'} crossed)`}`);
}
out.push(
  `thresholds: recall >= ${formatPercent(THRESHOLDS.overallRecall)} overall and >= ${formatPercent(THRESHOLDS.classRecall)} per class, ` +
    `benign false alarms <= ${formatPercent(THRESHOLDS.benignFalseAlarmRate)}, catalog false alarms = ${THRESHOLDS.catalogFalseAlarms}`,
);
const { timing } = evaluation;
out.push(
  `time: ${(timing.totalMs / 1000).toFixed(2)} s (generate ${timing.generateMs.toFixed(0)} ms, corpus ${timing.corpusMs.toFixed(0)} ms, judge ${timing.judgeMs.toFixed(0)} ms)`,
);
console.log(out.join('\n'));
process.exitCode = failures.length === 0 ? 0 : 1;
