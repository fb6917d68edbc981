import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LifecycleStatus } from '../../../../shared/company-lifecycle.js';

/** One colour per status, among those whose light badges keep their text readable (see main.tsx). */
export const lifecycleColor: Record<LifecycleStatus, string> = {
  applicant: 'blue',
  admitted: 'violet',
  resident: 'teal',
  non_resident_member: 'grape',
  alumni: 'orange',
  closed: 'red',
  merged_acquired: 'gray',
};

export function LifecycleBadge({ status, size = 'md' }: { status: LifecycleStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={lifecycleColor[status]} size={size} style={{ flexShrink: 0 }}>
      {t(`lifecycle.${status}`)}
    </Badge>
  );
}
