import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus, CallKind } from '../../../../contracts/admissions.js';
import type { CallPhase } from '../../../../contracts/calls.js';

// Badges keep their whole word: a narrow table column grows rather than cutting "Ouvert" to "Ouv…".
const whole = { root: { flexShrink: 0, maxWidth: 'none' }, label: { overflow: 'visible' } } as const;

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
    <Badge variant="light" color={phaseColor[phase]} styles={whole} data-testid="call-phase">
      {t(`calls.phase.${phase}`)}
    </Badge>
  );
}

export function CallKindBadge({ kind }: { kind: CallKind }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color="gray" styles={whole}>
      {t(`calls.kind.${kind}`)}
    </Badge>
  );
}

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={statusColor[status]} styles={whole} data-testid="application-status">
      {t(`applications.status.${status}`)}
    </Badge>
  );
}
