import { Anchor, Badge, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CompanyImportSummary, companyImportStatuses } from '../../../../contracts/company-imports.js';
import type { Page } from '../../../../contracts/lists.js';
import { formatNumber } from '../../../../shared/calendar.js';
import { api, toQuery } from '../../../api.js';
import { ExportButtons } from '../../../components/ExportButtons.js';
import { LocalInstant } from '../../../components/LocalDate.js';
import { Pager } from '../../../components/Pager.js';
import { currentLocale } from '../../../i18n/index.js';
import { importStatusColor } from './ImportResult.js';

const pageSize = 10;

/** Past imports (one's own; every import for network admins), newest first, each one can be opened again. */
export function ImportHistory({ current, onOpen }: { current?: string; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const filters = { status, sort: 'createdAt', order: 'desc' };
  const list = useQuery({
    queryKey: ['company-imports', status, page],
    queryFn: () => api.get<Page<CompanyImportSummary>>(`/companies/imports${toQuery({ ...filters, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
  const n = (value: number) => formatNumber(value, currentLocale());

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h4">
            {t('import.past')}
          </Title>
          <Group align="flex-end" gap="sm">
            <Select
              label={t('import.statusFilter')}
              clearable
              data={companyImportStatuses.map((value) => ({ value, label: t(`import.status.${value}`) }))}
              value={status}
              onChange={(value) => {
                setStatus(value);
                setPage(1);
              }}
            />
            <ExportButtons path="/companies/imports/export" filters={filters} />
          </Group>
        </Group>
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover data-testid="import-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.sentAt')}</Table.Th>
                <Table.Th>{t('import.fileName')}</Table.Th>
                <Table.Th>{t('import.field.park')}</Table.Th>
                <Table.Th>{t('import.by')}</Table.Th>
                <Table.Th>{t('import.statusFilter')}</Table.Th>
                <Table.Th ta="end">{t('import.rows')}</Table.Th>
                <Table.Th ta="end">{t('import.imported')}</Table.Th>
                <Table.Th ta="end">{t('import.withProblems')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data?.items.map((item) => (
                <Table.Tr key={item.id} bg={item.id === current ? 'var(--mantine-color-teal-light)' : undefined}>
                  <Table.Td>
                    <LocalInstant instant={item.createdAt} />
                  </Table.Td>
                  <Table.Td>
                    <Anchor
                      component="button"
                      type="button"
                      style={{ textAlign: 'start' }}
                      onClick={() => onOpen(item.id)}
                      aria-label={`${t('import.open')} ${item.fileName}`}
                    >
                      {item.fileName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{item.park?.name ?? '—'}</Table.Td>
                  <Table.Td>{item.createdBy?.name ?? '—'}</Table.Td>
                  <Table.Td miw={150}>
                    <Badge color={importStatusColor[item.status]} variant="light" style={{ flexShrink: 0 }}>
                      {t(`import.status.${item.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="end">{n(item.totalRows)}</Table.Td>
                  <Table.Td ta="end">{n(item.importedRows)}</Table.Td>
                  <Table.Td ta="end">{n(item.invalidRows)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {list.data && list.data.items.length === 0 && <Text c="dimmed">{t('import.noImports')}</Text>}
        {list.data && <Pager total={list.data.total} pageSize={pageSize} page={page} onChange={setPage} />}
      </Stack>
    </Card>
  );
}
