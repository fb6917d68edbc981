import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus, CallKind } from '../../../contracts/admissions.js';
import type { CallPhase } from '../../../contracts/calls.js';

const phaseColor: Record<CallPhase, string> = { open: 'teal', upcoming: 'blue', closed: 'gray' };
const statusColor: Record<ApplicationStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  ineligible: 'orange',
  under_review: 'violet',
  admitted: 'teal',
  waitlisted: 'grape',
  rejected: 'red',
  withdrawn: 'gray',
};

export function CallPhaseBadge({ phase }: { phase: CallPhase }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={phaseColor[phase]} data-testid="call-phase">
      {t(`calls.phase.${phase}`)}
    </Badge>
  );
}

export function CallKindBadge({ kind }: { kind: CallKind }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color="gray">
      {t(`calls.kind.${kind}`)}
    </Badge>
  );
}

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={statusColor[status]} data-testid="application-status">
      {t(`applications.status.${status}`)}
    </Badge>
  );
}
