/**
 * How a committee's scores become an application's score, its spread and a call's ranking (SPEC §3.3).
 * Pure functions: the services load the rows, these compute.
 *
 * Scores are rational numbers computed in floating point; two of them are taken as equal when they differ
 * by less than `tolerance`, far below the smallest gap between two different real scores (weights up to
 * 100, a few dozen criteria and members give gaps above 1e-10), so rounding noise never splits a tie nor
 * raises a flag.
 */
export const tolerance = 1e-12;

export type WeightedCriterion = { id: string; weight: number };

/** One assigned member's state on one application: their scores by criterion once they scored. */
export type MemberScores = { memberId: string; conflict: boolean; scores: ReadonlyMap<string, number> | null };

export type ApplicationAggregate = {
  /** Mean of the weighted scores of the members who scored without a conflict; null when none did. */
  score: number | null;
  /** Highest minus lowest of those members' weighted scores; null when none scored. */
  spread: number | null;
  /** Mean raw score of each criterion over the same members, in the criteria's order. */
  criterionMeans: { criterionId: string; mean: number | null }[];
  weightedScores: Map<string, number>;
  scoredCount: number;
  conflictCount: number;
};

/**
 * Σ weight·score / Σ weight over the criteria the member scored (every criterion, through the API; a
 * criterion added to the grid afterwards is left out rather than counted as zero). Null when none apply.
 */
export function memberWeightedScore(criteria: readonly WeightedCriterion[], scores: ReadonlyMap<string, number>): number | null {
  let weighted = 0;
  let weights = 0;
  for (const criterion of criteria) {
    const score = scores.get(criterion.id);
    if (score === undefined) continue;
    weighted += criterion.weight * score;
    weights += criterion.weight;
  }
  return weights === 0 ? null : weighted / weights;
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The application's score, spread and per-criterion means; members with a conflict or not yet scored are left out. */
export function aggregateApplication(criteria: readonly WeightedCriterion[], members: readonly MemberScores[]): ApplicationAggregate {
  const counted = members.filter((member) => !member.conflict && member.scores !== null);
  const weightedScores = new Map<string, number>();
  for (const member of counted) {
    const score = memberWeightedScore(criteria, member.scores as ReadonlyMap<string, number>);
    if (score !== null) weightedScores.set(member.memberId, score);
  }
  const values = [...weightedScores.values()];
  return {
    score: mean(values),
    spread: values.length === 0 ? null : Math.max(...values) - Math.min(...values),
    criterionMeans: criteria.map((criterion) => ({
      criterionId: criterion.id,
      mean: mean(counted.flatMap((member) => (member.scores?.has(criterion.id) ? [member.scores.get(criterion.id) as number] : []))),
    })),
    weightedScores,
    scoredCount: counted.length,
    conflictCount: members.filter((member) => member.conflict).length,
  };
}

/** Flagged for discussion when the members' weighted scores are further apart than the call's threshold. */
export function isSpreadFlagged(spread: number | null, threshold: number): boolean {
  return spread !== null && spread - threshold > tolerance;
}

export type Rankable = { id: string; reference: string; score: number | null };
export type Ranked<Item extends Rankable> = Item & { rank: number | null };

/**
 * Highest score first; equal scores share a rank (1, 2, 2, 4) and are listed by reference; applications
 * nobody scored yet come last, by reference, without a rank.
 */
export function rankApplications<Item extends Rankable>(items: readonly Item[]): Ranked<Item>[] {
  const byReference = (a: Item, b: Item) => (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0);
  const scored = items.filter((item) => item.score !== null).sort((a, b) => (b.score as number) - (a.score as number) || byReference(a, b));
  // Sorting by the exact value could split a tie that differs only by rounding noise: group first, then order by reference.
  const groups: Item[][] = [];
  for (const item of scored) {
    const group = groups.at(-1);
    if (group && Math.abs((group[0].score as number) - (item.score as number)) <= tolerance) group.push(item);
    else groups.push([item]);
  }
  const ranked: Ranked<Item>[] = [];
  for (const group of groups) {
    const rank = ranked.length + 1;
    for (const item of group.sort(byReference)) ranked.push({ ...item, rank });
  }
  const unscored = items.filter((item) => item.score === null).sort(byReference);
  return [...ranked, ...unscored.map((item) => ({ ...item, rank: null }))];
}
