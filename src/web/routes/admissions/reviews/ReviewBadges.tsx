import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Decision } from '../../../../contracts/admissions.js';
import type { MemberReviewStatus } from '../../../../contracts/reviews.js';
import { formatNumber } from '../../../../shared/calendar.js';
import { currentLocale } from '../../../i18n/index.js';

const memberStatusColor: Record<MemberReviewStatus, string> = { to_score: 'blue', scored: 'teal', conflict: 'orange' };
const decisionColor: Record<Decision, string> = { admitted: 'teal', waitlisted: 'violet', rejected: 'red' };
/** A status is read whole: the badge keeps its width in a narrow table column instead of cutting the word. */
export const wholeBadge = { root: { flexShrink: 0, maxWidth: 'none', overflow: 'visible' }, label: { overflow: 'visible' } };

/** Where a committee member stands on a file: to score, scored, or a declared conflict. */
export function ReviewMemberStatusBadge({ status }: { status: MemberReviewStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={memberStatusColor[status]} styles={wholeBadge}>
      {t(`reviews.memberStatus.${status}`)}
    </Badge>
  );
}

export function DecisionBadge({ decision }: { decision: Decision }) {
  const { t } = useTranslation();
  return (
    <Badge color={decisionColor[decision]} styles={wholeBadge}>
      {t(`decisions.decision.${decision}`)}
    </Badge>
  );
}

/** A score with two decimals at most, out of the scale's maximum when given; a dash before anyone scored. */
export function ReviewScoreText({ score, max }: { score: number | null; max?: number }) {
  const { t } = useTranslation();
  if (score === null) return <span>—</span>;
  const locale = currentLocale();
  const text = formatNumber(score, locale, { maximumFractionDigits: 2 });
  return <span>{max === undefined ? text : t('reviews.scoreOutOf', { score: text, max: formatNumber(max, locale) })}</span>;
}
