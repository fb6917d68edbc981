import { Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportPreviewRow, ImportProblem } from '../../../../contracts/company-imports.js';
import { formatNumber } from '../../../../shared/calendar.js';
import { LocalDate } from '../../../components/LocalDate.js';
import { ListExport } from '../../../components/lists/ListControls.js';
import { ListFooter } from '../../../components/lists/ListFooter.js';
import { useListPage } from '../../../components/lists/use-list-page.js';
import { TableScroll } from '../../../components/TableScroll.js';
import { currentLocale } from '../../../i18n/index.js';
import { LifecycleBadge } from '../lifecycle/LifecycleBadge.js';

/** The problems list's parameters in the address start with this: the import page has its history list too. */
export const problemsPrefix = 'problems-';

/** Every kept problem of an import (read a page at a time), with the whole list to download. */
export function ProblemsTable({ importId, kept, problemCount }: { importId: string; kept: number; problemCount: number }) {
  const { t } = useTranslation();
  const list = useListPage<ImportProblem>({
    path: `/companies/imports/${importId}/problems`,
    prefix: problemsPrefix,
    defaults: {},
    pageSize: 50,
  });
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {t('import.problems')}
        </Title>
        <ListExport list={list} />
      </Group>
      {problemCount > kept && (
        <Text size="sm" c="dimmed">
          {t('import.problemsTruncated', { shown: formatNumber(kept, currentLocale()) })}
        </Text>
      )}
      <TableScroll minWidth={340} label={t('import.problems')}>
        <Table striped data-testid="import-problems">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={64}>{t('import.row')}</Table.Th>
              <Table.Th w="25%">{t('import.column')}</Table.Th>
              <Table.Th>{t('import.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.query.data?.items.map((problem) => (
              <Table.Tr key={`${problem.row}|${problem.column}|${problem.message}`}>
                <Table.Td>{problem.row || '—'}</Table.Td>
                <Table.Td>{problem.column || '—'}</Table.Td>
                <Table.Td>{problem.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      <ListFooter list={list} />
    </Stack>
  );
}

/** The first rows as the server understood them, those with problems marked. */
export function PreviewTable({ rows }: { rows: ImportPreviewRow[] }) {
  const { t } = useTranslation();
  return (
    <TableScroll minWidth={960} label={t('import.preview')}>
      <Table striped data-testid="import-preview">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>{t('import.row')}</Table.Th>
            <Table.Th>{t('import.field.legalName')}</Table.Th>
            <Table.Th>{t('import.field.ice')}</Table.Th>
            <Table.Th>{t('import.field.legalForm')}</Table.Th>
            <Table.Th>{t('import.field.stage')}</Table.Th>
            <Table.Th>{t('import.field.sectors')}</Table.Th>
            <Table.Th>{t('import.field.park')}</Table.Th>
            <Table.Th>{t('import.statuses')}</Table.Th>
            <Table.Th>{t('import.admin')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.row} bg={row.hasProblems ? 'var(--mantine-color-orange-light)' : undefined}>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {row.row}
                  {row.hasProblems && (
                    <Tooltip label={t('import.rowHasProblems')}>
                      <IconAlertTriangle size={16} color="var(--mantine-color-orange-8)" aria-label={t('import.rowHasProblems')} />
                    </Tooltip>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {row.legalName || '—'}
                </Text>
                {row.brandName && (
                  <Text size="xs" c="dimmed">
                    {row.brandName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" dir="ltr" ff="monospace">
                  {row.ice ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>{row.legalForm ? t(`legalForm.${row.legalForm}`) : '—'}</Table.Td>
              <Table.Td>{row.stage ? t(`companyStage.${row.stage}`) : '—'}</Table.Td>
              <Table.Td>{row.sectors.length ? row.sectors.map((sector) => t(`sector.${sector}`)).join(', ') : '—'}</Table.Td>
              <Table.Td>{row.park?.name ?? '—'}</Table.Td>
              <Table.Td miw={180}>
                <Stack gap={6}>
                  {row.history.map((step) => (
                    <Stack key={`${step.status}-${step.effectiveDate}`} gap={0} align="flex-start">
                      <LifecycleBadge status={step.status} size="sm" />
                      <Text size="xs">
                        <LocalDate date={step.effectiveDate} />
                      </Text>
                    </Stack>
                  ))}
                  {row.history.length === 0 && '—'}
                </Stack>
              </Table.Td>
              <Table.Td>
                {row.admin ? (
                  <>
                    <Text size="sm">{row.admin.name}</Text>
                    <Text size="xs" c="dimmed" dir="ltr" style={{ overflowWrap: 'anywhere' }}>
                      {row.admin.email}
                    </Text>
                  </>
                ) : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
