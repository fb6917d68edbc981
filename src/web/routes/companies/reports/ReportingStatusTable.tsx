import { Anchor, Badge, Checkbox, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { ReportingStatusItem } from '../../../../contracts/company-reports.js';
import { LocalInstant } from '../../../components/LocalDate.js';

/** Whether a reminder can reach the company: it has not reported and it has an admin to write to. */
export const canRemind = (row: ReportingStatusItem) => !row.reported && row.adminCount > 0;

function ReportedBadge({ row }: { row: ReportingStatusItem }) {
  const { t } = useTranslation();
  if (!row.reported) {
    return (
      <Badge color="red" variant="light">
        {t('reports.notReported')}
      </Badge>
    );
  }
  return (
    <Badge color="teal">
      {row.latestVersion && row.latestVersion > 1 ? t('reports.reportedVersion', { version: row.latestVersion }) : t('reports.reported')}
    </Badge>
  );
}

function LastReminder({ row }: { row: ReportingStatusItem }) {
  const { t } = useTranslation();
  if (!row.lastRemindedAt) return <Text size="sm">—</Text>;
  return (
    <Stack gap={0}>
      <Text size="sm">
        <LocalInstant instant={row.lastRemindedAt} />
      </Text>
      <Text size="xs" c="dimmed">
        {t('reports.reminderCount', { count: row.reminderCount })}
      </Text>
    </Stack>
  );
}

function StatusRow({ row, selected, onToggle }: { row: ReportingStatusItem; selected: boolean; onToggle: (checked: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="status-row">
      <Table.Td>
        <Checkbox
          aria-label={t('reports.selectNamed', { name: row.legalName })}
          checked={selected}
          disabled={!canRemind(row)}
          onChange={(event) => onToggle(event.currentTarget.checked)}
        />
      </Table.Td>
      <Table.Td>
        <Anchor href={`/companies/${row.companyId}?tab=reports`} size="sm" fw={600}>
          {row.legalName}
        </Anchor>
        {row.brandName && row.brandName !== row.legalName && (
          <Text size="xs" c="dimmed">
            {row.brandName}
          </Text>
        )}
        {row.adminCount === 0 && (
          <Badge size="xs" color="orange" variant="light">
            {t('reports.noAdmin')}
          </Badge>
        )}
        {/* On a phone the other columns are hidden: what matters comes under the name. */}
        <Stack gap={4} mt={4} hiddenFrom="sm" align="flex-start">
          <ReportedBadge row={row} />
          {row.lastRemindedAt && <LastReminder row={row} />}
        </Stack>
      </Table.Td>
      <Table.Td visibleFrom="sm">{row.parkName ?? '—'}</Table.Td>
      <Table.Td visibleFrom="sm">
        <ReportedBadge row={row} />
      </Table.Td>
      <Table.Td visibleFrom="sm">
        <LocalInstant instant={row.reportedAt} />
      </Table.Td>
      <Table.Td visibleFrom="sm">
        <LastReminder row={row} />
      </Table.Td>
    </Table.Tr>
  );
}

/** The companies expected to report, each one selectable for a reminder when a reminder can reach it. */
export function ReportingStatusTable({
  rows,
  selected,
  toggle,
}: {
  rows: ReportingStatusItem[];
  selected: Set<string>;
  toggle: (companyId: string, checked: boolean) => void;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const selectable = rows.filter(canRemind);
  const allPageSelected = selectable.length > 0 && selectable.every((row) => selected.has(row.companyId));
  return (
    <Table.ScrollContainer minWidth={phone ? 0 : 760}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox
                aria-label={t('reports.selectPage')}
                checked={allPageSelected}
                indeterminate={!allPageSelected && selectable.some((row) => selected.has(row.companyId))}
                disabled={selectable.length === 0}
                onChange={(event) => {
                  const checked = event.currentTarget.checked;
                  for (const row of selectable) toggle(row.companyId, checked);
                }}
              />
            </Table.Th>
            <Table.Th>{t('reports.company')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('reports.park')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('reports.statusColumn')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('reports.reportedAt')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('reports.lastReminder')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <StatusRow
              key={row.companyId}
              row={row}
              selected={selected.has(row.companyId)}
              onToggle={(checked) => toggle(row.companyId, checked)}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
