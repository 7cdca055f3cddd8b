/** The contract's risk levels, from quietest to loudest. */
export const RISK_LEVELS = ['verified', 'neutral', 'caution', 'danger'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

const RANK: Readonly<Record<RiskLevel, number>> = { verified: 0, neutral: 1, caution: 2, danger: 3 };

export function louderLevel(a: RiskLevel, b: RiskLevel): RiskLevel {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Caution and danger are the levels that interrupt the page with an alert. */
export function isAlertLevel(level: RiskLevel): boolean {
  return RANK[level] >= RANK.caution;
}
